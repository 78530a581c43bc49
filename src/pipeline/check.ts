import { projectLang } from '../project/config.js';
import { readTranslationSets } from '../release/translations.js';
import type { Problem } from '../errors.js';
import {
  byLine,
  formatProblem,
  internalErrorDetail,
  internalErrorProblem,
  isPresskitError,
  PresskitError,
} from '../errors.js';
import { prepareLoaded, readRelease, renderingProblems } from './prepare-release.js';
import { isDraft } from '../release/lifecycle.js';
import type { ReleaseSource } from '../release/discover.js';
import type { RawRelease } from '../release/load.js';
import { resolveSettings } from '../project/settings.js';
import type { VcardVersion } from '../types.js';
import { mapPool } from '../util/pool.js';
import type { ProjectOptions } from './project.js';
import { findSources, openProject, releasePaths } from './project.js';
import { untranslatedLabels } from './warnings.js';

export interface CheckOptions extends ProjectOptions {
  vcardVersion?: VcardVersion;
  /** Check releases with `status: draft` too; without, they are left out as build leaves them. */
  drafts?: boolean;
  vcardCharset?: boolean;
}

export interface CheckedRelease {
  source: string;
  slug?: string;
  problems: Problem[];
  /** When a bug in presskit failed the check of this release: its stack trace. */
  internalError?: string;
  /** Left out unchecked: a draft, in a check without `drafts`. */
  draft?: boolean;
  /** What build would warn of as it builds this release (a language without labels). */
  warnings?: Problem[];
}

export interface CheckReport {
  ok: boolean;
  releases: CheckedRelease[];
  /** The project's theme's: templates that do not parse. */
  theme: Problem[];
  /** The theme's problems, then every problem of every release, in order. */
  problems: Problem[];
  /**
   * What build would warn of, none of which fails the check: release files left out (symbolic
   * links), then each release's own, in order.
   */
  warnings: Problem[];
}

/**
 * Everything `build` validates — frontmatter, Markdown, links, images, assets, contacts,
 * slugs — without rendering anything or writing a byte.
 */
export async function check(options: CheckOptions = {}): Promise<CheckReport> {
  const { root, config } = await openProject(options);
  const settings = resolveSettings(root, config, options);
  const skipped: Problem[] = [];
  const sources = await findSources(
    root,
    releasePaths(root, options.paths),
    options,
    config.file,
    (warning) => skipped.push(warning),
  );
  const slugs = new Map<string, string>();
  // A project's own theme is parsed once, then rendered with each release's data (an
  // undefined variable may depend on it); the default theme is presskit's, tested with it.
  // Its modules (the template engine, the page) load only for a project with a theme.
  const themes = settings.templateDir ? await import('./check-theme.js') : undefined;
  const theme = settings.templateDir ? themes?.loadTheme(settings.templateDir) : undefined;
  const themeProblems = theme ? await theme.parseAll() : [];
  const reads = new Map<string, RawRelease>();
  const translations = await readTranslationSets(
    sources,
    config.defaults,
    projectLang(config),
    root,
    reads,
  );
  const releases = await mapPool(sources, 8, async (source): Promise<CheckedRelease> => {
    try {
      const raw = takeRead(reads, source) ?? (await readRelease(source));
      // As build does: work in progress need not pass until it is built.
      if (!options.drafts && isDraft(raw.frontmatter.data)) {
        return { source: source.displayPath, problems: [], draft: true };
      }
      const languageProblem = translations.problems.get(source.sourceFile);
      if (languageProblem) throw new PresskitError('E_SCHEMA', languageProblem);
      const prepared = await prepareLoaded(raw, source, settings, config.defaults);
      const imageSrc = (href: string): string | undefined =>
        prepared.assets.find((asset) => asset.href === href)?.kitPath;
      const problems = byLine(renderingProblems(prepared.release, imageSrc, settings));
      if (themes && theme && themeProblems.length === 0 && problems.length === 0)
        problems.push(...(await themes.checkTheme(prepared, settings, theme)));
      const untranslated = untranslatedLabels(prepared.release);
      return {
        source: source.displayPath,
        slug: prepared.release.slug,
        problems,
        ...(untranslated ? { warnings: [untranslated] } : {}),
      };
    } catch (error) {
      if (isPresskitError(error))
        return { source: source.displayPath, problems: error.problems.slice() };
      // As in build: a bug is this release's problem, and the others are still checked.
      return {
        source: source.displayPath,
        problems: [internalErrorProblem(source.displayPath, 'checking', error)],
        internalError: internalErrorDetail(error),
      };
    }
  });
  for (const release of releases) {
    if (!release.slug) continue;
    const owner = slugs.get(release.slug);
    if (owner) {
      release.problems.push({
        file: release.source,
        field: 'slug',
        message: `slug "${release.slug}" is already used by ${owner}; set a different slug`,
      });
    } else slugs.set(release.slug, release.source);
  }
  const problems = [...themeProblems, ...withoutRepeats(releases.flatMap((r) => r.problems))];
  const warnings = [...skipped, ...releases.flatMap((release) => release.warnings ?? [])];
  return { ok: problems.length === 0, releases, theme: themeProblems, problems, warnings };
}

/**
 * The file as the translation sets read it, once: named as this run names it (the sets name
 * files from the project folder, a check from the working folder), then forgotten.
 */
function takeRead(reads: Map<string, RawRelease>, source: ReleaseSource): RawRelease | undefined {
  const raw = reads.get(source.sourceFile);
  if (!raw) return undefined;
  reads.delete(source.sourceFile);
  return { ...raw, displayPath: source.displayPath };
}

/**
 * A template's mistake fails every release that renders it: each release keeps it, the
 * run's list names it once.
 */
function withoutRepeats(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = formatProblem(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
