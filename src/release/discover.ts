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
      : [sourceFor(absolute, cwd, slugForFile(absolute))];
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
    const folder = basename(dir);
    if (names.has('index.md')) return [sourceFor(join(dir, 'index.md'), cwd, folder)];
    return [...names]
      .filter((name) => LANG_FILE.test(name))
      .map((name) => sourceFor(join(dir, name), cwd, `${folder}-${basename(name, '.md')}`));
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

/** A file named explicitly: `index.md` or `<lang>.md` take their folder's name. */
function slugForFile(file: string): string {
  const name = basename(file, extname(file));
  const folder = basename(dirname(file));
  if (name === 'index') return folder;
  return LANG_FILE.test(basename(file)) ? `${folder}-${name}` : name;
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
