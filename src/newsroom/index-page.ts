import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import type { ProjectConfig } from '../project/config.js';
import { loadConfig, projectLang } from '../project/config.js';
import { fillLabel } from '../locale/i18n.js';
import { textDirection } from '../locale/languages.js';
import { newsroomLabels } from '../locale/newsroom-labels.js';
import { newsroomEntries } from './entries.js';
import { findProject } from '../project/find-project.js';
import { definedOnly } from '../util/defined.js';
import { PresskitError } from '../errors.js';
import { describeFsError } from '../release/read-text.js';
import { CONTENT_SECURITY_POLICY } from '../html/page.js';
import { FONT_FACES_PLACEHOLDER, withFontFaces } from '../html/fonts.js';
import { loadTheme } from '../html/templates.js';
import { lockOutput } from '../output/lock.js';
import { RESERVED_NAMES, STAGING_DIR, STATE_DIR } from '../output/paths.js';
import { asWriteError } from '../output/write-error.js';
import { GENERATOR } from '../version.js';
import type { KitSummary } from './kit-summary.js';
import { readKitSummary } from './kit-summary.js';

export interface NewsroomOptions {
  /** Project root, for the config's theme and output folder. Default: found as build does. */
  root?: string;
  /** The config file; its folder is then the root. */
  config?: string;
  /** Output folder holding the kits, absolute or relative to root. Default: config `out`, else dist. */
  out?: string;
  signal?: AbortSignal;
  /** Told when another build holds the folder and this waits for it. */
  onNotice?: (message: string) => void;
  /** List embargoed kits too, marked: an index for a press list, not for the public. */
  includeEmbargoed?: boolean;
}

export interface NewsroomReport {
  file: string;
  /** Entries listed: a release in several languages counts once. */
  releases: number;
}

/** Where the newsroom index's last SHA-256 is kept: not a slug, so never a kit's state. */
const NEWSROOM_RECORD = '_newsroom.json';

/**
 * Writes `<out>/index.html` from the kits in the folder, e.g. after CI shards built parts of
 * the releases into one folder. Takes the folder's lock like a build; a folder with no kit
 * is an error, not an empty newsroom (a wrong path in CI must not pass).
 */
export async function writeNewsroomIndex(options: NewsroomOptions = {}): Promise<NewsroomReport> {
  // An output folder named from elsewhere finds its project above it, as release paths do.
  const place = findProject(
    definedOnly({
      root: options.root,
      config: options.config,
      paths: options.out !== undefined && isAbsolute(options.out) ? [options.out] : undefined,
    }),
  );
  const root = place.root;
  const config = await loadConfig(root, place.configFile);
  const out = options.out ?? config.out ?? 'dist';
  const outDir = resolve(root, out);
  const display = relative(process.cwd(), outDir) || outDir;
  const problem = await lstat(outDir).then(
    (info) => (info.isDirectory() ? undefined : 'not a folder'),
    (error: unknown) => describeFsError(error),
  );
  if (problem !== undefined) {
    throw new PresskitError('E_USAGE', {
      file: display,
      message: `cannot read the output folder (${problem})`,
    });
  }
  const unlock = await lockOutput(outDir, {
    display,
    signal: options.signal,
    ...(options.onNotice ? { onWait: options.onNotice } : {}),
  });
  try {
    return await writeNewsroom({
      root,
      outDir,
      config,
      requireKits: true,
      includeEmbargoed: options.includeEmbargoed ?? false,
    });
  } finally {
    await rm(join(outDir, STAGING_DIR), { recursive: true, force: true }).catch(() => undefined);
    await unlock().catch(() => undefined);
  }
}

export interface NewsroomInput {
  root: string;
  outDir: string;
  config: ProjectConfig;
  /** Kits the caller already knows (just built), so they are not read back. */
  known?: ReadonlyMap<string, KitSummary>;
  /** Fail when the folder holds no kit at all. */
  requireKits?: boolean;
  /** List embargoed kits too (marked); drafts and withdrawn releases are never listed. */
  includeEmbargoed?: boolean;
}

/**
 * Writes `<out>/index.html`, the newsroom: every kit in the folder, newest first, with
 * links to its page, PDF and zip, and the zip's size and SHA-256. The caller holds the
 * folder's lock. An `index.html` that presskit did not write is never replaced.
 */
export async function writeNewsroom(input: NewsroomInput): Promise<NewsroomReport> {
  const { outDir, config } = input;
  const display = relative(process.cwd(), outDir) || outDir;
  const entries = await readdir(outDir, { withFileTypes: true }).catch((error: unknown) => {
    throw new PresskitError('E_USAGE', {
      file: display,
      message: `cannot read the output folder (${describeFsError(error)})`,
    });
  });
  const slugs = entries
    .filter(
      (entry) =>
        entry.isDirectory() && !entry.name.startsWith('.') && !RESERVED_NAMES.has(entry.name),
    )
    .map((entry) => entry.name);
  const read = (slug: string): Promise<KitSummary | undefined> =>
    Promise.resolve(input.known?.get(slug) ?? readKitSummary(outDir, slug));
  const found = (await Promise.all(slugs.map(read))).filter(
    (kit): kit is KitSummary => kit !== undefined,
  );
  // A folder of drafts or embargoed kits is not a wrong path: it holds kits, none listed.
  const kits = found.filter(
    (kit) =>
      kit.publiclyListable || (input.includeEmbargoed === true && kit.lifecycle === 'embargoed'),
  );
  if (input.requireKits && found.length === 0) {
    throw new PresskitError('E_USAGE', {
      file: display,
      message: 'holds no press kit (a folder with index.html beside its zip): nothing to index',
    });
  }
  const labels = newsroomLabels(projectLang(config));
  const organization = config.defaults.organization?.name;
  const listed = newsroomEntries(kits, projectLang(config), labels);

  const file = join(outDir, 'index.html');
  await assertNewsroomReplaceable(outDir, file);
  const theme = loadTheme(config.templateDir);
  const html = await withFontFaces(
    await theme.render('newsroom', {
      // The furniture's language: the project's, or English where presskit has no table.
      lang: labels.lang,
      dir: textDirection(labels.lang),
      labels,
      organization,
      title: organization ? fillLabel(labels.titleWithOrg, { org: organization }) : labels.heading,
      csp: CONTENT_SECURITY_POLICY,
      generator: GENERATOR,
      fontCss: FONT_FACES_PLACEHOLDER,
      css: await theme.file('style.css'),
      releases: listed,
    }),
  );
  // Written beside the kits' staging, never in the published folder itself: a full disk
  // leaves no half file where a web server would serve it.
  const staging = join(outDir, STAGING_DIR);
  const temporary = join(staging, `index-${randomBytes(6).toString('hex')}.html`);
  try {
    await mkdir(staging, { recursive: true });
    await writeFile(temporary, html);
    await rename(temporary, file);
    await recordNewsroom(outDir, sha256(html));
  } catch (error) {
    await rm(temporary, { force: true });
    throw asWriteError(error, file);
  }
  // A release in several languages is one entry, and one release.
  return { file, releases: listed.length };
}

/**
 * Throws unless `index.html` is absent or presskit's: the one it last wrote (by hash), or,
 * without that record (a folder merged from CI shards), a newsroom page by its markers.
 */
async function assertNewsroomReplaceable(outDir: string, file: string): Promise<void> {
  const info = await lstat(file).catch(() => undefined);
  if (!info) return;
  const refuse = (): PresskitError =>
    new PresskitError('E_OUTPUT', {
      file: relative(process.cwd(), file) || file,
      message:
        'was not written by presskit, so the newsroom index was not written over it: move it away, or choose another output folder',
    });
  if (!info.isFile()) throw refuse();
  const html = await readFile(file);
  const recorded = await readNewsroomRecord(outDir);
  if (recorded !== undefined && recorded === sha256(html)) return;
  const text = html.toString('utf8');
  const looksOurs =
    /<meta name="generator" content="presskit[ "]/.test(text) &&
    /<body class="newsroom"/.test(text);
  if (!looksOurs) throw refuse();
}

async function readNewsroomRecord(outDir: string): Promise<string | undefined> {
  const path = join(outDir, STATE_DIR, NEWSROOM_RECORD);
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isFile() || info.size > 1024) return undefined;
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    const hash =
      typeof value === 'object' && value !== null ? Reflect.get(value, 'sha256') : undefined;
    return typeof hash === 'string' ? hash : undefined;
  } catch {
    return undefined;
  }
}

async function recordNewsroom(outDir: string, hash: string): Promise<void> {
  const dir = join(outDir, STATE_DIR);
  await mkdir(dir, { recursive: true });
  const path = join(dir, NEWSROOM_RECORD);
  await writeFile(`${path}.tmp`, JSON.stringify({ sha256: hash }));
  await rename(`${path}.tmp`, path);
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
