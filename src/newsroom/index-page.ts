import { randomBytes } from 'node:crypto';
import { readdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { PresskitError } from '../errors.js';
import { formatBytes } from '../assets/prepare.js';
import { describeFsError } from '../release/read-text.js';
import { CONTENT_SECURITY_POLICY } from '../render/html.js';
import { FONT_FACES_PLACEHOLDER, withFontFaces } from '../render/fonts.js';
import { loadTheme } from '../render/templates.js';
import { GENERATOR } from '../version.js';
import type { KitSummary } from './kit-summary.js';
import { readKitSummary } from './kit-summary.js';

export interface NewsroomOptions {
  /** Project root, for the config's theme. Default: cwd. */
  root?: string;
  /** Output folder holding the kits, relative to root. Default: dist. */
  out?: string;
  /** Kits the caller already knows (just built), so they are not read back. */
  known?: ReadonlyMap<string, KitSummary>;
}

export interface NewsroomReport {
  file: string;
  releases: number;
}

/**
 * Writes `<out>/index.html`, the newsroom: every kit in the folder, newest first, with
 * links to its page, PDF and zip, and the zip's size and SHA-256.
 */
export async function writeNewsroomIndex(options: NewsroomOptions = {}): Promise<NewsroomReport> {
  const root = resolve(options.root ?? process.cwd());
  const outDir = resolve(root, options.out ?? 'dist');
  const config = await loadConfig(root);
  let entries;
  try {
    entries = await readdir(outDir, { withFileTypes: true });
  } catch (error) {
    throw new PresskitError('E_USAGE', {
      file: options.out ?? 'dist',
      message: `cannot read the output folder (${describeFsError(error)})`,
    });
  }
  const slugs = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name);
  const read = (slug: string): Promise<KitSummary | undefined> =>
    Promise.resolve(options.known?.get(slug) ?? readKitSummary(outDir, slug));
  const kits = (await Promise.all(slugs.map(read))).filter(
    (kit): kit is KitSummary => kit !== undefined,
  );
  kits.sort((a, b) =>
    a.date === b.date ? a.slug.localeCompare(b.slug) : a.date < b.date ? 1 : -1,
  );

  const theme = loadTheme(config.templateDir);
  const html = await withFontFaces(
    await theme.render('newsroom', {
      title: config.defaults.organization?.name ?? 'Press releases',
      csp: CONTENT_SECURITY_POLICY,
      generator: GENERATOR,
      fontCss: FONT_FACES_PLACEHOLDER,
      css: await theme.file('style.css'),
      releases: kits.map((kit) => ({
        ...kit,
        page: `${kit.slug}/index.html`,
        pdf: kit.hasPdf ? `${kit.slug}/${kit.slug}.pdf` : undefined,
        zip: `${kit.slug}.zip`,
        zipSize: formatBytes(kit.zipBytes),
      })),
    }),
  );
  const file = join(outDir, 'index.html');
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, html);
  await rename(temporary, file);
  return { file, releases: kits.length };
}
