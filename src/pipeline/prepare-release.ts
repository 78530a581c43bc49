import type { PreparedAsset } from '../assets/prepare.js';
import { prepareAssets } from '../assets/prepare.js';
import type { ReleaseDefaults } from '../release/schema.js';
import { examineRelease, unsafeBodyProblems } from '../release/schema.js';
import type { ReleaseSource } from '../release/discover.js';
import type { RawRelease } from '../release/load.js';
import { loadBody, loadRelease } from '../release/load.js';
import type { CardSettings } from '../contacts/cards.js';
import { releaseVcards } from '../contacts/cards.js';
import type { ErrorCode, Problem } from '../errors.js';
import { byLine, isPresskitError, PresskitError } from '../errors.js';
import type { MarkdownContext } from '../markdown/render.js';
import { imageHrefs, rawLocator, validateMarkdown } from '../markdown/render.js';
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
  return prepareLoaded(await readRelease(source), source, settings, defaults);
}

/**
 * A release file read as build and check read it: frontmatter that is not valid YAML does
 * not hide the body's problems, named in the same run.
 */
export async function readRelease(source: ReleaseSource): Promise<RawRelease> {
  return loadRelease(source.sourceFile, source.displayPath).catch(async (error: unknown) => {
    if (!isPresskitError(error) || error.code !== 'E_YAML') throw error;
    throw new PresskitError('E_YAML', byLine([...error.problems, ...(await bodyAlone(source))]));
  });
}

/** A release already read (the build reads it first to leave drafts out unvalidated). */
export async function prepareLoaded(
  raw: RawRelease,
  source: ReleaseSource,
  settings: ProjectSettings,
  defaults: ReleaseDefaults,
): Promise<PreparedRelease> {
  const examined = examineRelease(raw, source.slugFromPath, defaults);
  const problems = [...examined.problems];
  let code: ErrorCode | undefined = problems.length > 0 ? 'E_SCHEMA' : undefined;
  const { release } = examined;
  if (!release) throw new PresskitError('E_SCHEMA', problems);
  // Each check runs whatever the ones before it found: one run names every problem.
  const collect = async <T>(run: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      if (!isPresskitError(error)) throw error;
      problems.push(...error.problems);
      code ??= error.code;
      return undefined;
    }
  };
  const body = { file: release.displayPath, field: 'body', firstLine: release.bodyLine };
  const lexable = (await collect(() => refuseTooDeep(release, body))) !== undefined;
  // Its notice page shows none of its files: a withdrawn release needs them no more.
  if (release.status === 'withdrawn' && code === undefined) return { release, assets: [] };
  const locate = rawLocator(release.body, release.bodyLine);
  const images = lexable
    ? ((await collect(() =>
        withinStack(() => imageHrefs(release.body), body).map((href) => ({
          href,
          line: locate(href),
        })),
      )) ?? [])
    : [];
  const assets = await collect(() =>
    prepareAssets(release, images, { root: settings.root, maxAssetBytes: settings.maxAssetBytes }),
  );
  if (code === undefined && assets !== undefined) return { release, assets };
  if (lexable) {
    // Images whose files failed are reported above, not again as "not prepared".
    const imageSrc = (href: string): string =>
      assets?.find((asset) => asset.href === href)?.kitPath ?? href;
    try {
      problems.push(...renderingProblems(release, imageSrc, settings));
    } catch {
      // The release may be a stand-in (fields set aside): what these checks make of it is
      // extra help, and a failure here must not hide the problems found, which come first.
    }
  }
  throw new PresskitError(code ?? 'E_SCHEMA', byLine(problems));
}

/**
 * The body's own problems when the frontmatter cannot be read (its language unknown: en):
 * unsafe characters, nesting, links and raw HTML, not images, whose files the frontmatter
 * lists.
 */
async function bodyAlone(source: ReleaseSource): Promise<Problem[]> {
  const body = await loadBody(source.sourceFile, source.displayPath).catch(() => undefined);
  if (!body) return [];
  const place = { file: body.displayPath, field: 'body', firstLine: body.bodyLine };
  const tooDeep = markdownDepthProblem(body.body, place);
  if (tooDeep) return [...unsafeBodyProblems(body), tooDeep];
  try {
    validateMarkdown(body.body, {
      file: body.displayPath,
      firstLine: body.bodyLine,
      lang: 'en',
      imageSrc: (href) => href,
    });
    return unsafeBodyProblems(body);
  } catch (error) {
    if (!isPresskitError(error)) return unsafeBodyProblems(body);
    return [...unsafeBodyProblems(body), ...error.problems];
  }
}

/**
 * The checks that happen while rendering: links, raw HTML, image alt text (body and
 * boilerplate), Markdown that overflows the stack, vCard values, cards too long for a QR code.
 * `imageSrc` maps an image to its file in the kit (undefined: an image that is not there).
 */
export function renderingProblems(
  release: Release,
  imageSrc: (href: string) => string | undefined,
  settings: CardSettings,
): Problem[] {
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
    validateMarkdown(release.body, {
      file: release.displayPath,
      firstLine: release.bodyLine,
      lang: release.lang,
      imageSrc,
    }),
  );
  const { boilerplate } = release;
  if (boilerplate !== undefined)
    collect(() => validateMarkdown(boilerplate, boilerplateContext(release)));
  collect(() => releaseVcards(release, settings));
  return problems;
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
function refuseTooDeep(release: Release, body: MarkdownPlace): true {
  const problems = [
    markdownDepthProblem(release.body, body),
    release.boilerplate === undefined
      ? undefined
      : markdownDepthProblem(release.boilerplate, boilerplatePlace(release)),
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) throw new PresskitError('E_MARKDOWN', problems);
  return true;
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
