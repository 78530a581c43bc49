import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { PresskitError } from '../errors.js';
import { asciiSlug, unreservedSlug } from '../util/slug.js';
import { describeFsError } from './read-text.js';

/** A release source found on disk, before it is read. */
export interface ReleaseSource {
  sourceFile: string;
  displayPath: string;
  /** Slug from the file or folder name; frontmatter `slug` may override it. */
  slugFromPath: string;
  /** The folder of a translation (`releases/x/fr.md`): its siblings are the other ones. */
  translationFolder?: string;
}

const LANG_FILE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\.md$/;

/**
 * Finds releases under the given paths: `<slug>.md` files, or folders holding `index.md`
 * or one `<lang>.md` per translation. A path given explicitly must exist.
 * Results are sorted so that every run (and every shard) sees the same order.
 */
export async function discoverReleases(paths: string[], cwd: string): Promise<ReleaseSource[]> {
  const found = new Map<string, ReleaseSource>();
  for (const path of paths) {
    const absolute = join(cwd, path).replace(/[\\/]+$/, '') || sep;
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new PresskitError('E_USAGE', {
        file: path,
        message: `cannot read release path (${describeFsError(error)})`,
      });
    }
    const sources = info.isDirectory()
      ? await walk(absolute, cwd, true)
      : [fileSource(absolute, cwd)];
    for (const source of sources) found.set(source.sourceFile, source);
  }
  return [...found.values()].sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : 1));
}

async function walk(dir: string, cwd: string, isTop: boolean): Promise<ReleaseSource[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  // A release folder: index.md, or only translations named by language (en.md, fr.md);
  // a folder that mixes other Markdown files is a folder of releases.
  const markdown = [...names].filter((name) => name.endsWith('.md') && !/^readme\.md$/i.test(name));
  const translations = markdown.length > 0 && markdown.every((name) => LANG_FILE.test(name));
  if (!isTop && (names.has('index.md') || translations)) {
    if (names.has('index.md')) return [sourceFor(join(dir, 'index.md'), cwd, basename(dir))];
    return translationSources(dir, names, cwd);
  }
  const sources: ReleaseSource[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sources.push(...(await walk(path, cwd, false)));
    else if (entry.isFile() && extname(entry.name) === '.md' && !/^readme\.md$/i.test(entry.name))
      sources.push(sourceFor(path, cwd, basename(path, '.md')));
  }
  return sources;
}

/** The translations among a folder's file names (`en.md`, `fr.md`), each `<folder>-<lang>`. */
export function translationSources(
  dir: string,
  names: Iterable<string>,
  cwd: string,
): ReleaseSource[] {
  return [...names]
    .filter((name) => LANG_FILE.test(name))
    .map((name) => ({
      ...sourceFor(join(dir, name), cwd, `${basename(dir)}-${basename(name, '.md')}`),
      translationFolder: dir,
    }));
}

/** A file named explicitly: `index.md` or `<lang>.md` take their folder's name. */
function fileSource(file: string, cwd: string): ReleaseSource {
  const name = basename(file, extname(file));
  const folder = basename(dirname(file));
  if (name === 'index') return sourceFor(file, cwd, folder);
  if (!LANG_FILE.test(basename(file))) return sourceFor(file, cwd, name);
  return { ...sourceFor(file, cwd, `${folder}-${name}`), translationFolder: dirname(file) };
}

function sourceFor(sourceFile: string, cwd: string, slug: string): ReleaseSource {
  return {
    sourceFile,
    displayPath: relative(cwd, sourceFile) || sourceFile,
    slugFromPath: slugify(slug),
  };
}

/**
 * Lowercase ASCII slug of a file or folder name, e.g. `Communiqué 2016` → `communique-2016`,
 * and `con` → `con-release` (a name Windows reserves).
 */
export function slugify(text: string): string {
  return unreservedSlug(asciiSlug(text, 100) || 'release', 'release');
}
