import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import type { Problem } from '../errors.js';
import { PresskitError, isPresskitError } from '../errors.js';
import { checkFlags, configOrNone, validateDraft } from '../scaffold/draft.js';
import { findProject } from '../project/find-project.js';
import { writeIfAbsent } from '../scaffold/write-new.js';
import { asciiSlug, unreservedSlug } from '../util/slug.js';
import { projectLang } from '../project/config.js';
import { readCommunique } from './communique.js';
import type { ImportedCommunique, SourceBlock } from './communique.js';
import type { ExtractedImage } from './docx.js';
import { readDocx } from './docx.js';
import { textToBlocks } from './markdown.js';
import { importedSource } from './release-source.js';

export interface ImportOptions {
  /** The communiqué: plain text (.txt, .text) or Word (.docx). */
  file: string;
  /** The project folder (default: found as build finds it, from the working folder upward). */
  root?: string;
  /** The config file, as for build (its folder is the project unless `root` is given). */
  config?: string;
  /** The folder the release is written into (default: `<root>/releases`). */
  out?: string;
  /** Its language, a BCP 47 tag (default: recognised from the text, else the config's `lang`, else `en`). */
  lang?: string;
  /** Its publication date, `YYYY-MM-DD` (default: left as a TODO to fill). */
  date?: string;
  /** Its file and kit name (default: from the headline). */
  slug?: string;
}

export interface ImportReport {
  /** The release file written, absolute. */
  file: string;
  /** Images written beside it, absolute. */
  images: string[];
  /** Each field read from the text, with its value. */
  recognised: { field: string; value: string }[];
  /** What `presskit check` will ask for before the release builds. */
  toFill: Problem[];
  /** What was read but has no place in the release (a second phone, a Word style). */
  notes: string[];
}

const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
const TEXT_EXTENSIONS = new Set(['.txt', '.text']);

/**
 * Turns a communiqué as it is usually sent (plain text, or Word) into a release file: its
 * furniture becomes frontmatter (kind, region, title, dateline, contacts) and its text the
 * Markdown body, with nothing replaced. The result is checked as `check` will check it.
 */
export async function importRelease(options: ImportOptions): Promise<ImportReport> {
  // From a subfolder of the project (releases/, say), the release still goes in its releases/.
  const { root, configFile } = findProject({ root: options.root, config: options.config });
  const source = resolve(options.file);
  const shown = relative(process.cwd(), source) || source;
  const { blocks, images, notes } = await readSource(source, shown);
  const flagged = options.lang === undefined ? undefined : checkFlags(options.lang, undefined).lang;
  const read = readCommunique(blocks, flagged);
  const config = await configOrNone(root, configFile);
  const fallback = projectLang(config);
  const lang = read.lang ?? fallback;
  if (read.lang === undefined)
    notes.push(`the language was not recognised: set to ${fallback} (--lang sets it)`);
  const date = options.date === undefined ? undefined : checkedDate(options.date);

  const slug = options.slug ?? slugOf(read, source);
  const outDir = resolve(options.out ?? join(root, 'releases'));
  const folder = join(outDir, slug);
  const file = images.length > 0 ? join(folder, 'index.md') : `${folder}.md`;
  const display = relative(process.cwd(), file) || file;
  if (existsSync(folder) || existsSync(`${folder}.md`)) {
    throw new PresskitError('E_USAGE', {
      file: relative(process.cwd(), folder) || folder,
      message: 'a release of that name exists; presskit import never replaces one: give --slug',
    });
  }
  for (const contact of read.contacts)
    for (const part of contact.leftOver)
      notes.push(`contact ${contact.name}: "${part}" has no field (one phone a contact): not kept`);

  const text = importedSource(read, lang, date, basename(source));
  const toFill = draftProblems(
    importedSource(read, lang, date ?? '2000-01-01', ''),
    file,
    display,
    config,
  );
  if (date === undefined)
    toFill.unshift({
      file: display,
      field: 'date',
      message: 'not in the text: add the publication date, YYYY-MM-DD',
    });
  for (const image of images) await writeImage(outDir, slug, image);
  if ((await writeIfAbsent(outDir, relative(outDir, file), text)) === 'kept') {
    throw new PresskitError('E_USAGE', { file: display, message: 'exists: give --slug' });
  }
  return {
    file,
    images: images.map((image) => join(folder, image.name)),
    recognised: recognisedFields(read, lang),
    toFill,
    notes,
  };
}

async function readSource(
  source: string,
  shown: string,
): Promise<{ blocks: SourceBlock[]; images: ExtractedImage[]; notes: string[] }> {
  const extension = extname(source).toLowerCase();
  try {
    // A communiqué is kilobytes, its photos megabytes: anything larger is not one.
    if ((await stat(source)).size > MAX_SOURCE_BYTES)
      throw new PresskitError('E_READ', {
        file: shown,
        message: 'is over 64 MB: not a communiqué',
      });
    if (extension === '.docx') {
      const docx = await readDocx(source);
      return { blocks: docx.blocks, images: docx.images, notes: docx.warnings };
    }
    if (TEXT_EXTENSIONS.has(extension)) {
      return { blocks: textToBlocks(await readFile(source, 'utf8')), images: [], notes: [] };
    }
  } catch (error) {
    if (isPresskitError(error)) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder'
          : 'cannot be read as a Word file (.docx)';
    throw new PresskitError('E_READ', { file: shown, message: reason });
  }
  throw new PresskitError('E_USAGE', {
    file: shown,
    message: 'presskit import reads plain text (.txt) and Word (.docx) files',
  });
}

function checkedDate(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/u.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    return date;
  throw new PresskitError('E_USAGE', {
    file: '--date',
    message: `"${date}" is not a date YYYY-MM-DD`,
  });
}

function slugOf(read: ImportedCommunique, source: string): string {
  const fromTitle = read.title === undefined ? '' : wordSlug(asciiSlug(read.title, 200), 60);
  const slug = fromTitle !== '' ? fromTitle : asciiSlug(basename(source, extname(source)), 60);
  return unreservedSlug(slug !== '' ? slug : 'imported-release', 'release');
}

/** Cut at a word: `…-visant-a-soutenir` rather than `…-visant-a-souteni`. */
function wordSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1).lastIndexOf('-');
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, maxLength);
}

/** The problems `check` would report, but for the date, which is reported on its own. */
function draftProblems(
  text: string,
  file: string,
  display: string,
  config: Awaited<ReturnType<typeof configOrNone>>,
): Problem[] {
  try {
    validateDraft(text, file, display, config);
    return [];
  } catch (error) {
    if (isPresskitError(error)) return [...error.problems];
    throw error;
  }
}

async function writeImage(outDir: string, slug: string, image: ExtractedImage): Promise<void> {
  if ((await writeIfAbsent(outDir, join(slug, image.name), image.data)) === 'kept')
    throw new PresskitError('E_USAGE', { file: join(slug, image.name), message: 'exists' });
}

function recognisedFields(read: ImportedCommunique, lang: string): ImportReport['recognised'] {
  const fields: ImportReport['recognised'] = [{ field: 'lang', value: lang }];
  for (const key of ['kind', 'region', 'title', 'dateline'] as const) {
    const value = read[key];
    if (value !== undefined) fields.push({ field: key, value });
  }
  read.contacts.forEach((contact, index) => {
    const parts = [contact.name, contact.office, contact.phone, contact.email].filter(
      (part) => part !== undefined,
    );
    fields.push({ field: `contacts[${index}]`, value: parts.join(', ') });
  });
  fields.push({ field: 'body', value: `${read.body.length} paragraphs` });
  return fields;
}
