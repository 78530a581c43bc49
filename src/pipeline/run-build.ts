import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { documentDate, sourceDateEpoch } from '../bundle/mtime.js';
import type { ProjectConfig } from '../project/config.js';
import { projectLang } from '../project/config.js';
import type { Problem } from '../errors.js';
import {
  internalErrorDetail,
  formatWarning,
  internalErrorProblem,
  isPresskitError,
  PresskitError,
} from '../errors.js';
import type { ReleaseSource } from '../release/discover.js';
import { themeDirs } from '../html/theme-dirs.js';
import type { KitSummary } from '../newsroom/kit-summary.js';
import type { ProjectSettings, TranslationSet } from '../types.js';
import type { TranslationSets } from '../release/translations.js';
import { readTranslationSets, translationsAt } from '../release/translations.js';
import { untranslatedLabels } from './warnings.js';
import { compareUtf8 } from '../bundle/list-files.js';
import type { ProjectPlace } from '../incremental/fingerprint.js';
import {
  projectDigest,
  projectPlace,
  releaseFingerprint,
  withLanguages,
} from '../incremental/fingerprint.js';
import type { LazyBrowser } from '../pdf/lazy-browser.js';
import type { BuildOptions, BuildReport, ReleaseReport, RemovedKit } from './options.js';
import { prepareLoaded, readRelease } from './prepare-release.js';
import { isDraft, lifecycleOf } from '../release/lifecycle.js';
import { parseReleaseDate } from '../release/dates.js';
import { listing } from '../newsroom/kit-summary.js';
import type { ReadRelease } from '../incremental/stale-kits.js';
import { removeKit, staleKits } from '../incremental/stale-kits.js';
import { findSources, openProject, releasePaths } from './project.js';
import { resolveOutDir, resolveSettings } from '../project/settings.js';
import { selectShard } from './shard.js';
import { keptReport } from '../incremental/kept-release.js';
import type { SavedState } from '../incremental/state.js';
import { saveState, savedStatesBySource, writtenBySlug } from '../incremental/state.js';
import { STAGING_DIR, STATE_DIR } from '../output/paths.js';
import { takeOutputFolder } from '../output/take-folder.js';
import { assertOutputClear, projectGuards } from '../output/guard.js';
import { assertKitReplaceable } from '../output/ownership.js';
import { asWriteError } from '../output/write-error.js';
import { limiter, mapPool, turns } from '../util/pool.js';
import type { ReleaseDefaults } from '../release/schema.js';
import type * as NewsroomModule from '../newsroom/index-page.js';

interface BuildContext {
  root: string;
  /** The project's root, resolved too: saved paths and fingerprints are relative to it. */
  place: ProjectPlace;
  outDir: string;
  settings: ProjectSettings;
  defaults: ReleaseDefaults;
  /** Digest of config, theme, settings and tool version, shared by every release. */
  projectDigest: string;
  /** SOURCE_DATE_EPOCH in seconds, read (and refused if malformed) once per build. */
  epoch: number | undefined;
  browser: LazyBrowser;
  options: BuildOptions;
  env: NodeJS.ProcessEnv;
  /** slug → the source that claimed it first in this run. */
  slugs: Map<string, string>;
  /** The last build's states of each release, by source file; empty with `force`. */
  saved: Map<string, SavedState[]>;
  /** Files of the output folder presskit wrote, by slug, as the saved states record them. */
  written: Map<string, Set<string>>;
  /** The languages of each release published in several, by source file. */
  translations: TranslationSets;
  notice: (message: string) => void;
  warn: (warning: Problem) => void;
  /** The build's time: embargoes later than it hold. */
  now: Date;
  /** Each release read in this run, by source file: the slug it builds, or that it is left out. */
  read: Map<string, ReadRelease>;
  /**
   * A release's turn to be read and rendered up to its print, one release at a time in the
   * order they began: interleaved, the first releases all reached their print together,
   * late, while the browser waited (see buildOne).
   */
  renderTurn: () => Promise<() => void>;
}

/**
 * Releases checked for changes at once: the check is a few small reads and a hash, so it
 * waits on the disk, not the CPU. Each changed release then waits for one of the build's
 * slots; its build overlaps the checks still under way.
 */
const CHECKS_IN_FLIGHT = 16;

/** `build()` once its options are checked; see build.ts. */
export async function runBuild(
  options: BuildOptions,
  concurrency: number,
  browser: LazyBrowser,
): Promise<BuildReport> {
  const started = performance.now();
  const env = options.env ?? process.env;
  // A malformed SOURCE_DATE_EPOCH stops the build before it touches the output folder.
  const epoch = sourceDateEpoch(env);
  const { root, config } = await openProject(options);
  const settings = resolveSettings(root, config, options);
  await refuseBrokenTheme(settings);
  const outDir = resolveOutDir(root, config, options);
  const outDisplay = relative(process.cwd(), outDir) || outDir;
  const paths = releasePaths(root, options.paths);
  const notice = (message: string): void => options.onProgress?.({ type: 'notice', message });
  const warnings: Problem[] = [];
  const warn = (warning: Problem): void => {
    warnings.push(warning);
    notice(formatWarning(warning));
  };
  const all = await findSources(root, paths, options, config.file, warn);
  await assertOutputClear(
    outDir,
    outDisplay,
    projectGuards(root, paths, all, settings, config.file),
  );
  const unlock = await takeOutputFolder(outDir, outDisplay, options.signal, notice);
  try {
    return await buildLocked(
      { root, env, epoch, config, settings, outDir, all, notice, warn, warnings, started },
      options,
      concurrency,
      browser,
    );
  } finally {
    await browser.close();
    await rm(join(outDir, STAGING_DIR), { recursive: true, force: true }).catch(() => undefined);
    await unlock().catch(() => undefined);
  }
}

interface Run {
  root: string;
  env: NodeJS.ProcessEnv;
  epoch: number | undefined;
  config: ProjectConfig;
  settings: ProjectSettings;
  outDir: string;
  all: ReleaseSource[];
  notice: (message: string) => void;
  /** Says a warning as a notice, and keeps it for the report. */
  warn: (warning: Problem) => void;
  /** Every warning said so far, in the order said. */
  warnings: Problem[];
  started: number;
}

async function buildLocked(
  run: Run,
  options: BuildOptions,
  concurrency: number,
  browser: LazyBrowser,
): Promise<BuildReport> {
  const { root, env, epoch, config, settings, outDir, started } = run;
  const sources = options.shard ? selectShard(run.all, options.shard) : run.all;
  const place = projectPlace(settings.root);
  const states = await savedStatesBySource(outDir, place, run.notice);
  const context: BuildContext = {
    place,
    now: buildTime(options.now),
    read: new Map(),
    renderTurn: turns(),
    root,
    outDir,
    settings,
    defaults: config.defaults,
    projectDigest: await projectDigest({
      settings,
      place,
      configFile: config.file,
      themeDirs: themeDirs(settings.templateDir),
    }),
    epoch,
    browser,
    options,
    env,
    slugs: new Map(),
    saved: options.force ? new Map() : states,
    written: writtenBySlug(states),
    // From every release found, not only this shard's: each kit links all its languages.
    translations: await readTranslationSets(run.all, config.defaults, projectLang(config), root),
    notice: run.notice,
    warn: run.warn,
  };
  // A first build, or a forced one, is sure to print: start the browser now, while releases
  // are read and rendered, rather than when the first one is ready to print (build() has
  // already started it for a forced build), with a page for each of the first prints.
  if (sources.length > 0 && (options.force || !existsSync(join(outDir, STATE_DIR)))) {
    void browser.warmUp(Math.min(sources.length, concurrency));
  }
  // Closed as soon as every release is past printing: closing takes a few hundred
  // milliseconds, which then overlap the last releases' zips.
  let leftToPrint = sources.length;
  let newsroomModule: Promise<typeof NewsroomModule> | undefined;
  const loadNewsroom = (): Promise<typeof NewsroomModule> =>
    (newsroomModule ??= import('../newsroom/index-page.js'));
  const pastPrinting = (): void => {
    if (--leftToPrint > 0) return;
    void browser.close();
    // The index's code loads while the last kits are written, not after them.
    loadNewsroom().catch(() => undefined);
  };
  const onAbort = (): void => void browser.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  options.onProgress?.({ type: 'start', total: sources.length });
  let done = 0;
  // Two releases more than pages are in the works, so that one is always rendered and
  // ready when a page comes free: Chromium waiting for Node is time lost on every print.
  const building = limiter(concurrency + 2);
  /** Skipped, as a release not yet begun: the run was stopped before it (or while it waited). */
  const notBegun = (source: ReleaseSource): ReleaseReport | undefined => {
    if (!options.signal?.aborted) return undefined;
    pastPrinting();
    return skipped(source);
  };
  try {
    const releases = await mapPool(sources, CHECKS_IN_FLIGHT, async (source) => {
      const report =
        notBegun(source) ??
        (await unchangedRelease(source, context, pastPrinting)) ??
        (await building(
          async () => notBegun(source) ?? buildOne(source, context, once(pastPrinting)),
        ));
      done++;
      // No browser: the run stops with that one error, not a failed line per release.
      if (report.errorCode === 'E_BROWSER' && browser.startFailure) return report;
      options.onProgress?.({ type: 'release-done', report, done, total: sources.length });
      return report;
    });
    const interrupted = options.signal?.aborted ?? false;
    // No browser could be found or started: the run's problem (exit 2), not each release's.
    if (!interrupted && browser.startFailure) throw browser.startFailure;
    const problems: Problem[] = [];
    let outputRefused = releases.some((release) => release.errorCode === 'E_OUTPUT');
    // Only a build of every shard at once knows which kits no release builds any more.
    const removed =
      interrupted || options.shard ? [] : await removeStaleKits(outDir, states, context);
    if (
      !interrupted &&
      (releases.some((release) => release.files.length > 0) || removed.length > 0)
    ) {
      const { writeNewsroom } = await loadNewsroom();
      try {
        const known = summaries(releases, groupsBySource(sources, context.translations.sets));
        await writeNewsroom({
          root,
          outDir,
          config,
          known,
          includeEmbargoed: options.includeEmbargoed ?? false,
          ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
        });
      } catch (error) {
        if (!isPresskitError(error)) throw error;
        problems.push(...error.problems);
        if (error.code === 'E_OUTPUT') outputRefused = true;
      }
    }
    return {
      ok:
        !interrupted &&
        problems.length === 0 &&
        releases.every((release) => release.status !== 'failed'),
      interrupted,
      browserLaunched: browser.launched,
      outDir,
      releases,
      problems,
      removed,
      // Releases are built side by side: their warnings in the order of their files.
      warnings: [...run.warnings].sort((a, b) => compareUtf8(a.file, b.file)),
      outputRefused,
      timings: { totalMs: performance.now() - started },
    };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** `pastPrinting` is called once, as soon as the release needs the browser no more. */
async function buildOne(
  source: ReleaseSource,
  context: BuildContext,
  pastPrinting: () => void,
): Promise<ReleaseReport> {
  const started = performance.now();
  const report: ReleaseReport = {
    source: source.displayPath,
    status: 'failed',
    files: [],
    problems: [],
    timings: { totalMs: 0 },
  };
  context.options.onProgress?.({ type: 'release-start', source: source.displayPath });
  let endTurn: (() => void) | undefined;
  try {
    // Its turn ends as its print starts, or as it fails: the next release renders while
    // this one prints.
    endTurn = await context.renderTurn();
    if (context.options.signal?.aborted) throw interruption(source);
    const languageProblem = context.translations.problems.get(source.sourceFile);
    if (languageProblem) throw new PresskitError('E_SCHEMA', languageProblem);
    const raw = await readRelease(source);
    if (!context.options.drafts && isDraft(raw.frontmatter.data)) {
      context.read.set(source.sourceFile, { status: 'draft' });
      report.status = 'draft';
      report.timings = { totalMs: performance.now() - started };
      return report;
    }
    context.read.set(source.sourceFile, { status: 'failed' });
    const translations = translationsAt(context.translations, source.sourceFile, context.now);
    const prepared = {
      ...(await prepareLoaded(raw, source, context.settings, context.defaults)),
      ...(translations ? { translations } : {}),
    };
    const { release } = prepared;
    const lifecycle = lifecycleOf(release, context.now);
    Object.assign(report, {
      slug: release.slug,
      title: release.title,
      date: release.date.text,
      lang: release.lang,
      kind: release.kind,
      lifecycle,
      ...(release.embargo ? { embargo: release.embargo.text } : {}),
    });
    claimSlug(release.slug, source, context);
    const untranslated = untranslatedLabels(release);
    if (untranslated) context.warn(untranslated);
    const slugLine = release.lineOf(['slug']);
    await assertKitReplaceable(
      context.outDir,
      release.slug,
      context.written.get(release.slug) ?? new Set(),
      { file: source.displayPath, ...(slugLine ? { line: slugLine } : {}) },
    );
    const kitDate = documentDate(release.date.instant, context.epoch);
    const digest = releaseFingerprint(
      // kitDigest's, from the languages already worked out above.
      withLanguages(context.projectDigest, translations),
      context.place,
      kitDate,
      release.sourceFile,
      prepared.assets.map((asset) => asset.source),
      lifecycle,
    );
    // Chromium boots while the kit's own modules load and the kit renders.
    await context.browser.warmUp();
    const { makeKit } = await import('./make-kit.js');
    const staged = await makeKit(prepared, {
      settings: context.settings,
      outDir: context.outDir,
      documentDate: kitDate,
      lifecycle,
      browser: () => context.browser.get(),
      printing: endTurn,
      printed: pastPrinting,
      signal: context.options.signal,
    });
    try {
      await staged.commit();
    } finally {
      await staged.discard();
    }
    report.files = staged.files;
    if (staged.zip) report.zip = staged.zip;
    report.status = 'built';
    context.read.set(source.sourceFile, { slug: release.slug, status: 'built' });
    report.timings = { totalMs: performance.now() - started, pdfMs: staged.pdfMs };
    await saveState(context.outDir, release.slug, digest, report, {
      sourceFile: release.sourceFile,
      assets: prepared.assets.map((asset) => ({ requested: asset.requested, real: asset.source })),
      place: context.place,
      lifecycle,
      embargoMs: release.embargo?.instant.getTime(),
      releaseInstantMs: release.date.instant.getTime(),
    }).catch((error: unknown) => {
      // The kit is in place and complete; without its state the next build only rebuilds it.
      const problem = asWriteError(error, join(context.outDir, STATE_DIR));
      if (!isPresskitError(problem)) throw problem;
      context.notice(
        `${problem.message}: build state not saved; the next build will rebuild ${release.slug}`,
      );
    });
    return report;
  } catch (error) {
    if (context.options.signal?.aborted && stoppedByInterruption(error)) {
      // Not the release's fault: the stop closed the browser or cut its work short.
      report.status = 'skipped';
      report.problems = interruption(source).problems.slice();
    } else if (isPresskitError(error)) {
      report.problems = error.problems.slice();
      report.errorCode = error.code;
    } else {
      // A bug fails this release only: the others build and the index is written.
      report.problems = [internalErrorProblem(source.displayPath, 'building', error)];
      report.internalError = internalErrorDetail(error);
    }
    report.timings = { totalMs: performance.now() - started };
    return report;
  } finally {
    endTurn?.();
    pastPrinting();
  }
}

/**
 * The report of a release unchanged since the last build, told without reading it (and so
 * past printing), or undefined: it is then built. An unchanged release is told here or not
 * at all: the same files give the same fingerprint, whether hashed from the saved paths or
 * from the release read again. One whose translation set has a problem is built, to report
 * it: the file may be unchanged, and its sibling new.
 */
async function unchangedRelease(
  source: ReleaseSource,
  context: BuildContext,
  pastPrinting: () => void,
): Promise<ReleaseReport | undefined> {
  const started = performance.now();
  if (context.translations.problems.has(source.sourceFile)) return undefined;
  // Anything that cannot be told from the files: read and built, which reports it.
  const kept = await keptRelease(source, context).catch(() => undefined);
  if (!kept) return undefined;
  pastPrinting();
  context.options.onProgress?.({ type: 'release-start', source: source.displayPath });
  context.read.set(source.sourceFile, { slug: kept.slug, status: 'unchanged' });
  return unchanged(kept, source, started);
}

/** The saved report of a release unchanged since the last build, told without reading it. */
async function keptRelease(
  source: ReleaseSource,
  context: BuildContext,
): Promise<ReleaseReport | undefined> {
  for (const saved of context.saved.get(source.sourceFile) ?? []) {
    const kept = await keptReport(source, saved, {
      place: context.place,
      digest: kitDigest(source, context),
      outDir: context.outDir,
      now: context.now,
      drafts: context.options.drafts ?? false,
      epoch: context.epoch,
    });
    // A slug another source has claimed in this run is reported by the full path.
    const slug = kept?.slug;
    if (slug === undefined || context.slugs.has(slug)) continue;
    context.slugs.set(slug, source.displayPath);
    return kept;
  }
  return undefined;
}

/** What every kit is made from, and a translation's languages. */
function kitDigest(source: ReleaseSource, context: BuildContext): string {
  return withLanguages(
    context.projectDigest,
    translationsAt(context.translations, source.sourceFile, context.now),
  );
}

function unchanged(previous: ReleaseReport, source: ReleaseSource, started: number): ReleaseReport {
  return {
    ...previous,
    source: source.displayPath,
    status: 'unchanged',
    timings: { totalMs: performance.now() - started },
  };
}

function claimSlug(slug: string, source: ReleaseSource, context: BuildContext): void {
  const owner = context.slugs.get(slug);
  if (owner && owner !== source.displayPath) {
    throw new PresskitError('E_SCHEMA', {
      file: source.displayPath,
      field: 'slug',
      message: `slug "${slug}" is already used by ${owner}; set a different slug`,
    });
  }
  context.slugs.set(slug, source.displayPath);
}

/**
 * Whether a release failed because of the stop: the browser closed under its print (Chrome
 * reports a closed target), or a step that saw the stop. A problem with the release itself
 * (bad YAML, say) is still reported as such.
 */
function stoppedByInterruption(error: unknown): boolean {
  return !isPresskitError(error) || error.code === 'E_BROWSER' || error.code === 'E_INTERRUPTED';
}

function interruption(source: ReleaseSource): PresskitError {
  return new PresskitError('E_INTERRUPTED', { file: source.displayPath, message: 'interrupted' });
}

function skipped(source: ReleaseSource): ReleaseReport {
  const problems: Problem[] = interruption(source).problems.slice();
  return {
    source: source.displayPath,
    status: 'skipped',
    files: [],
    problems,
    timings: { totalMs: 0 },
  };
}

/** The newsroom's group of each source in a set (its original's slug), by display path. */
function groupsBySource(
  sources: readonly ReleaseSource[],
  translations: ReadonlyMap<string, TranslationSet>,
): Map<string, string> {
  const groups = new Map<string, string>();
  for (const source of sources) {
    const set = translations.get(source.sourceFile);
    if (set) groups.set(source.displayPath, set.original);
  }
  return groups;
}

/** What the newsroom index needs of each kit this build made or kept. */
function summaries(
  releases: ReleaseReport[],
  groups: ReadonlyMap<string, string>,
): Map<string, KitSummary> {
  const known = new Map<string, KitSummary>();
  for (const release of releases) {
    if (!release.slug || !release.zip) continue;
    known.set(release.slug, {
      slug: release.slug,
      title: release.title ?? release.slug,
      date: release.date ?? '',
      lang: release.lang ?? '',
      kind: release.kind ?? '',
      zipBytes: release.zip.bytes,
      zipSha256: release.zip.sha256,
      hasPdf: true,
      ...listing(release.lifecycle ?? 'published', release.embargo),
      group: groups.get(release.source) ?? release.slug,
    });
  }
  return known;
}

/**
 * Removes the kits of releases that are gone, renamed or left out as drafts (see
 * staleKits), saying so for each; a file of such a kit that presskit did not write as it
 * is stays, and is named.
 */
async function removeStaleKits(
  outDir: string,
  states: Map<string, SavedState[]>,
  context: BuildContext,
): Promise<RemovedKit[]> {
  const removed: RemovedKit[] = [];
  const claimed = new Set(context.slugs.keys());
  for (const { saved, why } of await staleKits(states, context.read, claimed, context.root)) {
    const slug = saved.report.slug ?? '';
    const kept = await removeKit(outDir, saved).catch((error: unknown) => {
      throw asWriteError(error, join(outDir, slug));
    });
    removed.push({ slug, sourceFile: saved.sourceFile, why, kept });
    const source = relative(process.cwd(), saved.sourceFile) || saved.sourceFile;
    const reason = { gone: 'is gone', renamed: 'now builds another slug', draft: 'is a draft' }[
      why
    ];
    context.notice(
      `removed the kit ${slug} (${source} ${reason})` +
        (kept.length > 0 ? `; kept ${kept.join(', ')}: not as presskit wrote it` : ''),
    );
  }
  return removed;
}

/** `now` as an option gives it: a Date, an ISO 8601 datetime with offset, or the clock. */
function buildTime(now: Date | string | undefined): Date {
  if (now === undefined) return new Date();
  const parsed = typeof now === 'string' ? parseReleaseDate(now) : undefined;
  const instant = typeof now === 'string' ? parsed?.hasTime && parsed.instant : now;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new PresskitError('E_USAGE', {
      file: '--now',
      message: `"${String(now)}" is not a datetime with offset, e.g. 2026-11-27T10:00:00+01:00`,
    });
  }
  return instant;
}

/** `fn`, to be run on the first call only. */
function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    fn();
  };
}

/**
 * A template of the project's theme that does not parse would fail every release with the
 * same line: the run stops before it starts, naming each once. Loaded only for a project
 * theme: a build where nothing changed needs no template engine.
 */
async function refuseBrokenTheme(settings: ProjectSettings): Promise<void> {
  if (!settings.templateDir) return;
  const { loadTheme } = await import('../html/templates.js');
  const problems = await loadTheme(settings.templateDir).parseAll();
  if (problems.length > 0) throw new PresskitError('E_TEMPLATE', problems);
}
