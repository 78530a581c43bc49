import { resolve } from 'node:path';
import { releaseVcards } from '../contacts/cards.js';
import { loadConfig } from '../project/config.js';
import type { Problem } from '../errors.js';
import { internalErrorDetail, internalErrorProblem, isPresskitError } from '../errors.js';
import type { PreparedRelease } from './prepare-release.js';
import { boilerplateContext, prepareRelease } from './prepare-release.js';
import { resolveSettings } from '../project/settings.js';
import { discoverReleases } from '../release/discover.js';
import { renderMarkdown } from '../markdown/render.js';
import type { VcardVersion } from '../types.js';
import { mapPool } from '../util/pool.js';

export interface CheckOptions {
  root?: string;
  paths?: string[];
  vcardVersion?: VcardVersion;
}

export interface CheckedRelease {
  source: string;
  slug?: string;
  problems: Problem[];
  /** When a bug in presskit failed the check of this release: its stack trace. */
  internalError?: string;
}

export interface CheckReport {
  ok: boolean;
  releases: CheckedRelease[];
  /** Every problem of every release, in order. */
  problems: Problem[];
}

/**
 * Everything `build` validates — frontmatter, Markdown, links, images, assets, contacts,
 * slugs — without rendering anything or writing a byte.
 */
export async function check(options: CheckOptions = {}): Promise<CheckReport> {
  const root = resolve(options.root ?? process.cwd());
  const config = await loadConfig(root);
  const settings = resolveSettings(root, config, options);
  const sources = await discoverReleases(options.paths ?? ['releases'], root);
  const slugs = new Map<string, string>();
  const releases = await mapPool(sources, 8, async (source): Promise<CheckedRelease> => {
    try {
      const prepared = await prepareRelease(source, settings, config.defaults);
      const problems = checkRendering(prepared, settings.vcardVersion);
      return { source: source.displayPath, slug: prepared.release.slug, problems };
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
  const problems = releases.flatMap((release) => release.problems);
  return { ok: problems.length === 0, releases, problems };
}

/**
 * The checks that happen while rendering: links, raw HTML, image alt text (body and
 * boilerplate), Markdown that overflows the stack, vCard values, cards too long for a QR code.
 */
function checkRendering({ release, assets }: PreparedRelease, version: VcardVersion): Problem[] {
  const problems: Problem[] = [];
  const collect = (run: () => unknown): void => {
    try {
      run();
    } catch (error) {
      if (!isPresskitError(error)) throw error;
      problems.push(...error.problems);
    }
  };
  collect(() =>
    renderMarkdown(release.body, {
      file: release.displayPath,
      firstLine: release.bodyLine,
      lang: release.lang,
      imageSrc: (href) => assets.find((asset) => asset.href === href)?.kitPath,
    }),
  );
  const { boilerplate } = release;
  if (boilerplate !== undefined)
    collect(() => renderMarkdown(boilerplate, boilerplateContext(release)));
  collect(() => releaseVcards(release, version));
  return problems;
}
