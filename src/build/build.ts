import { rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { listKitFiles } from '../bundle/list-files.js';
import { reproducibleMtime } from '../bundle/zip.js';
import { sha256File } from '../bundle/checksums.js';
import { loadConfig } from '../config.js';
import type { Problem } from '../errors.js';
import { isPresskitError, PresskitError } from '../errors.js';
import type { ReleaseSource } from '../release/discover.js';
import { discoverReleases } from '../release/discover.js';
import type { BrowserManager } from '../render/browser.js';
import { findBrowser } from '../render/browser-path.js';
import { loadTheme } from '../render/templates.js';
import type { Theme } from '../render/templates.js';
import type { ProjectSettings } from '../types.js';
import { contactCards } from './contact-cards.js';
import { fingerprint } from './fingerprint.js';
import type { BuildOptions, BuildReport, FileReport, ReleaseReport } from './options.js';
import { prepareRelease } from './prepare-release.js';
import { renderKit } from './render-kit.js';
import { defaultConcurrency, resolveOutDir, resolveSettings } from './settings.js';
import { selectShard } from './shard.js';
import { saveState, unchangedReport } from './state.js';
import { STAGING_DIR, stageKit } from './write-kit.js';
import { mapPool } from '../util/pool.js';
import { writeNewsroomIndex } from '../newsroom/index-page.js';
import type { ReleaseDefaults } from '../release/schema.js';

interface BuildContext {
  root: string;
  outDir: string;
  settings: ProjectSettings;
  defaults: ReleaseDefaults;
  configFile: string | undefined;
  theme: Theme;
  browser: LazyBrowser;
  options: BuildOptions;
  env: NodeJS.ProcessEnv;
  /** slug → the source that claimed it first in this run. */
  slugs: Map<string, string>;
}

/**
 * Builds the press kit of every release under `options.paths`. A release that fails
 * leaves no output and does not stop the others; the report says what happened to each.
 * Throws PresskitError only for problems that stop the whole run (bad config, bad paths).
 */
/** The browser is found and created on first use: a no-change build needs none at all. */
interface LazyBrowser {
  get(): Promise<BrowserManager>;
  /** Whether a browser was started at all in this build. */
  readonly launched: boolean;
  close(): Promise<void>;
}

function lazyBrowser(executablePath: () => string, concurrency: number): LazyBrowser {
  let manager: BrowserManager | undefined;
  let creating: Promise<BrowserManager> | undefined;
  let closed = false;
  return {
    get() {
      if (closed) {
        return Promise.reject(
          new PresskitError('E_INTERRUPTED', { file: 'browser', message: 'interrupted' }),
        );
      }
      // puppeteer is loaded only when something is printed: `check` and no-change builds skip it.
      creating ??= import('../render/browser.js').then(({ BrowserManager }) => {
        manager = new BrowserManager({ executablePath: executablePath(), concurrency });
        return manager;
      });
      return creating;
    },
    get launched() {
      return manager?.launched ?? false;
    },
    async close() {
      closed = true;
      await creating?.catch(() => undefined);
      await manager?.close();
    },
  };
}

export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const root = resolve(options.root ?? process.cwd());
  const env = options.env ?? process.env;
  const config = await loadConfig(root);
  const settings = resolveSettings(root, config, options);
  const outDir = resolveOutDir(root, config, options);
  const all = await discoverReleases(options.paths ?? ['releases'], root);
  const sources = options.shard ? selectShard(all, options.shard) : all;
  const concurrency = options.concurrency ?? defaultConcurrency();
  const browser = lazyBrowser(() => findBrowser(options.browser, env), concurrency);
  const context: BuildContext = {
    root,
    outDir,
    settings,
    defaults: config.defaults,
    configFile: config.file,
    theme: loadTheme(settings.templateDir),
    browser,
    options,
    env,
    slugs: new Map(),
  };
  const onAbort = (): void => void browser.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  options.onProgress?.({ type: 'start', total: sources.length });
  let done = 0;
  try {
    const releases = await mapPool(sources, concurrency, async (source) => {
      if (options.signal?.aborted) return skipped(source);
      options.onProgress?.({ type: 'release-start', source: source.displayPath });
      const report = await buildOne(source, context);
      options.onProgress?.({ type: 'release-done', report, done: ++done, total: sources.length });
      return report;
    });
    const interrupted = options.signal?.aborted ?? false;
    if (!interrupted && releases.some((release) => release.zip)) {
      await writeNewsroomIndex({ root, out: outDir });
    }
    return {
      ok: !interrupted && releases.every((release) => release.status !== 'failed'),
      interrupted,
      browserLaunched: browser.launched,
      outDir,
      releases,
      timings: { totalMs: performance.now() - started },
    };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await browser.close();
    await rm(join(outDir, STAGING_DIR), { recursive: true, force: true });
  }
}

async function buildOne(source: ReleaseSource, context: BuildContext): Promise<ReleaseReport> {
  const started = performance.now();
  const report: ReleaseReport = {
    source: source.displayPath,
    status: 'failed',
    files: [],
    problems: [],
    timings: { totalMs: 0 },
  };
  try {
    const prepared = await prepareRelease(source, context.settings, context.defaults);
    const { release } = prepared;
    Object.assign(report, {
      slug: release.slug,
      title: release.title,
      date: release.date.text,
      lang: release.lang,
      kind: release.kind,
    });
    claimSlug(release.slug, source, context);
    const digest = await fingerprint({
      sourceFile: release.sourceFile,
      assets: prepared.assets,
      settings: context.settings,
      configFile: context.configFile,
      themeDirs: context.theme.dirs,
      sourceDateEpoch: context.env['SOURCE_DATE_EPOCH'],
    });
    if (!context.options.force) {
      const previous = await unchangedReport(context.outDir, release.slug, digest);
      if (previous) {
        return {
          ...previous,
          source: source.displayPath,
          status: 'unchanged',
          timings: { totalMs: performance.now() - started },
        };
      }
    }
    const cards = await contactCards(release, context.settings.vcardVersion);
    const mtime = reproducibleMtime(release.date.instant, context.env);
    const kit = await renderKit(
      prepared,
      cards,
      context.settings,
      context.theme,
      await context.browser.get(),
      mtime,
    );
    if (context.options.signal?.aborted) throw interruption(source);
    const staged = await stageKit(context.outDir, release.slug, kit.entries, mtime);
    try {
      if (context.options.signal?.aborted) throw interruption(source);
      report.files = await fileReports(staged.kitDir, release.slug);
      report.zip = await fileReport(staged.zipFile, `${release.slug}.zip`);
      await staged.commit();
    } finally {
      await staged.discard();
    }
    report.status = 'built';
    report.timings = { totalMs: performance.now() - started, pdfMs: kit.pdfMs };
    await saveState(context.outDir, release.slug, digest, report);
    return report;
  } catch (error) {
    if (context.options.signal?.aborted && !isPresskitError(error)) {
      report.problems = interruption(source).problems.slice();
    } else if (isPresskitError(error)) {
      report.problems = error.problems.slice();
    } else {
      throw error;
    }
    report.timings = { totalMs: performance.now() - started };
    return report;
  }
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

async function fileReports(kitDir: string, slug: string): Promise<FileReport[]> {
  const files = await listKitFiles(kitDir);
  return Promise.all(files.map((file) => fileReport(file.absolutePath, `${slug}/${file.name}`)));
}

async function fileReport(absolute: string, path: string): Promise<FileReport> {
  const { size } = await stat(absolute);
  return { path, bytes: size, sha256: await sha256File(absolute) };
}
