import type { PreparedAsset } from '../assets/prepare.js';
import { prepareAssets } from '../assets/prepare.js';
import type { ReleaseDefaults } from '../release/schema.js';
import { validateRelease } from '../release/schema.js';
import type { ReleaseSource } from '../release/discover.js';
import type { RawRelease } from '../release/load.js';
import { loadRelease } from '../release/load.js';
import { PresskitError } from '../errors.js';
import type { MarkdownContext } from '../markdown/render.js';
import { imageHrefs, rawLocator } from '../markdown/render.js';
import type { MarkdownPlace } from '../markdown/depth.js';
import { markdownDepthProblem, withinStack } from '../markdown/depth.js';
import type { ProjectSettings, Release, TranslationSet } from '../types.js';

/** A release read, validated and with its files checked: everything `check` verifies. */
export interface PreparedRelease {
  release: Release;
  assets: PreparedAsset[];
  /** Its languages, when the release is published in several (linked from each kit). */
  translations?: TranslationSet;
}

export async function prepareRelease(
  source: ReleaseSource,
  settings: ProjectSettings,
  defaults: ReleaseDefaults,
): Promise<PreparedRelease> {
  const raw = await loadRelease(source.sourceFile, source.displayPath);
  return prepareLoaded(raw, source, settings, defaults);
}

/** A release already read (the build reads it first to leave drafts out unvalidated). */
export async function prepareLoaded(
  raw: RawRelease,
  source: ReleaseSource,
  settings: ProjectSettings,
  defaults: ReleaseDefaults,
): Promise<PreparedRelease> {
  const release = validateRelease(raw, source.slugFromPath, defaults);
  const body = { file: release.displayPath, field: 'body', firstLine: release.bodyLine };
  refuseTooDeep(release, body);
  // Its notice page shows none of its files: a withdrawn release needs them no more.
  if (release.status === 'withdrawn') return { release, assets: [] };
  const locate = rawLocator(release.body, release.bodyLine);
  const images = withinStack(() => imageHrefs(release.body), body).map((href) => ({
    href,
    line: locate(href),
  }));
  const assets = await prepareAssets(release, images, {
    root: settings.root,
    maxAssetBytes: settings.maxAssetBytes,
  });
  return { release, assets };
}

/** Where the boilerplate's Markdown is: in the release's frontmatter, or the config's. */
function boilerplatePlace(release: Release): MarkdownPlace {
  const firstLine = release.lineOf(['boilerplate']);
  return {
    file: release.displayPath,
    field: 'boilerplate',
    ...(firstLine !== undefined ? { firstLine } : {}),
  };
}

/** Markdown nested deep enough to overflow marked's stack is refused before it is lexed. */
function refuseTooDeep(release: Release, body: MarkdownPlace): void {
  const problems = [
    markdownDepthProblem(release.body, body),
    release.boilerplate === undefined
      ? undefined
      : markdownDepthProblem(release.boilerplate, boilerplatePlace(release)),
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) throw new PresskitError('E_MARKDOWN', problems);
}

/** How the boilerplate is rendered: where its problems are, and no images. */
export function boilerplateContext(release: Release): MarkdownContext {
  return {
    file: release.displayPath,
    field: 'boilerplate',
    firstLine: release.lineOf(['boilerplate']) ?? 1,
    lang: release.lang,
    imageSrc: () => undefined,
  };
}
