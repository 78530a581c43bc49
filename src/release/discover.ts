import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { PresskitError } from '../errors.js';
import { isLanguageTag } from '../locale/language-tag.js';
import { asciiSlug, unreservedSlug } from '../util/slug.js';
import { describeFsError } from './read-text.js';

/** A release source found on disk, before it is read. */
export interface ReleaseSource {
  sourceFile: string;
  /** How it is named to the user: relative to the display base (the working folder). */
  displayPath: string;
  /** Relative to the project root with `/`, whatever the working folder: shards use it. */
  projectPath: string;
  /** Slug from the file or folder name; frontmatter `slug` may override it. */
  slugFromPath: string;
  /** The folder of a translation (`releases/x/fr.md`): its siblings are the other ones. */
  translationFolder?: string;
}

export interface DiscoverPlaces {
  /** The project root: relative paths are resolved against it. */
  root: string;
  /** What display paths are relative to (the user's working folder). Default: `root`. */
  displayBase?: string;
  /**
   * Told of each release file found to be a symbolic link, by its display path: discovery
   * does not follow links (a cloned project's link could point anywhere on the machine),
   * and a release left out without a word would be a mystery.
   */
  onSkippedLink?: (displayPath: string) => void;
}

/**
 * What a folder is, from its files alone, so that a release gets the same slug however it
 * was named: through its file, its folder or any folder above.
 * - `release`: it holds `index.md`, the release, named after the folder;
 * - `translations`: its only Markdown files are named by language tags (`en.md`, `fr-BE.md`),
 *   one release in several languages, `<folder>-<lang>`;
 * - `releases`: anything else, each `<name>.md` a release of its own.
 */
type FolderKind = 'release' | 'translations' | 'releases';

function folderKind(fileNames: readonly string[]): FolderKind {
  if (fileNames.includes('index.md')) return 'release';
  const markdown = fileNames.filter(isReleaseFileName);
  return markdown.length > 0 && markdown.every((name) => isLanguageTag(basename(name, '.md')))
    ? 'translations'
    : 'releases';
}

function isReleaseFileName(name: string): boolean {
  return extname(name) === '.md' && !/^readme\.md$/i.test(name);
}

/**
 * Finds releases under the given paths (absolute, or relative to the root): `<slug>.md`
 * files, or folders holding `index.md` or one `<lang>.md` per translation. A path given
 * explicitly must exist. Results are sorted so that every run (and every shard) sees the
 * same order.
 */
export async function discoverReleases(
  paths: readonly string[],
  places: DiscoverPlaces | string,
): Promise<ReleaseSource[]> {
  const {
    root,
    displayBase = root,
    onSkippedLink,
  } = typeof places === 'string' ? { root: places } : places;
  const name = sourceNamer(root, displayBase);
  const skipped = (file: string): void => onSkippedLink?.(relative(displayBase, file) || file);
  const found = new Map<string, ReleaseSource>();
  for (const path of paths) {
    const absolute = resolve(root, path).replace(/[\\/]+$/, '') || sep;
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new PresskitError('E_USAGE', {
        file: relative(displayBase, absolute) || absolute,
        message: `cannot read release path (${describeFsError(error)})`,
      });
    }
    const sources = info.isDirectory()
      ? await walk(absolute, name, skipped)
      : [await fileSource(absolute, name)];
    for (const source of sources) found.set(source.sourceFile, source);
  }
  return [...found.values()].sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : 1));
}

type SourceNamer = (file: string, slug: string, translationFolder?: string) => ReleaseSource;

function sourceNamer(root: string, displayBase: string): SourceNamer {
  return (file, slug, translationFolder) => ({
    sourceFile: file,
    displayPath: relative(displayBase, file) || file,
    projectPath: relative(root, file).split(sep).join('/'),
    slugFromPath: slugify(slug),
    ...(translationFolder !== undefined ? { translationFolder } : {}),
  });
}

/**
 * The translations among a folder's file names (`en.md`, `fr.md`), each `<folder>-<lang>`,
 * named relative to `root`: the siblings a translation links, whatever was built.
 */
export function translationSources(
  dir: string,
  names: Iterable<string>,
  root: string,
): ReleaseSource[] {
  const name = sourceNamer(root, root);
  return [...names]
    .filter((file) => isReleaseFileName(file) && isLanguageTag(basename(file, '.md')))
    .map((file) => name(join(dir, file), `${basename(dir)}-${basename(file, '.md')}`, dir));
}

async function walk(
  dir: string,
  name: SourceNamer,
  skipped: (file: string) => void,
): Promise<ReleaseSource[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  const folder = basename(dir);
  // Named where a file of the same name would have been taken, and only there: a link
  // beside a release's index.md is one of its files, not a release left out.
  const linksTaken = (take: (name: string) => boolean): void => {
    for (const entry of entries) {
      if (entry.isSymbolicLink() && !entry.name.startsWith('.') && take(entry.name))
        skipped(join(dir, entry.name));
    }
  };
  switch (folderKind(files)) {
    case 'release':
      return [name(join(dir, 'index.md'), folder)];
    case 'translations':
      linksTaken((file) => isReleaseFileName(file) && isLanguageTag(basename(file, '.md')));
      return files
        .filter(isReleaseFileName)
        .map((file) => name(join(dir, file), `${folder}-${basename(file, '.md')}`, dir));
    case 'releases':
      break;
  }
  linksTaken((file) => file !== 'node_modules' && isReleaseFileName(file));
  const sources: ReleaseSource[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sources.push(...(await walk(path, name, skipped)));
    else if (entry.isFile() && isReleaseFileName(entry.name))
      sources.push(name(path, basename(path, '.md')));
  }
  return sources;
}

/** A file named explicitly gets the slug it would get through its folder. */
async function fileSource(file: string, name: SourceNamer): Promise<ReleaseSource> {
  const own = basename(file, extname(file));
  const dir = dirname(file);
  const folder = basename(dir);
  const siblings = await readdir(dir, { withFileTypes: true }).then(
    (entries) => entries.filter((entry) => entry.isFile()).map((entry) => entry.name),
    // An unreadable folder: the file itself will say what is wrong when it is read.
    () => [basename(file)],
  );
  switch (folderKind(siblings)) {
    case 'release':
      return name(file, own === 'index' ? folder : own);
    case 'translations':
      return name(file, `${folder}-${own}`, dir);
    case 'releases':
      return name(file, own);
  }
}

/**
 * Lowercase ASCII slug of a file or folder name, e.g. `Communiqué 2016` → `communique-2016`,
 * and `con` → `con-release` (a name Windows reserves).
 */
export function slugify(text: string): string {
  return unreservedSlug(asciiSlug(text, 100) || 'release', 'release');
}
