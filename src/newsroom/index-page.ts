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
import { resolveSettings } from '../project/settings.js';
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
import { publishedFiles } from './published-files.js';

export interface NewsroomOptions {
  /** Project root, for the config's theme and output folder. Default: found as build does. */
  root?: string;
  /** The config file; its folder is then the root. */
  config?: string;
  /** Output folder holding the kits, absolute or relative to root. Default: config `out`, else dist. */
  out?: string;
  /** Public URL of the output folder, for the feeds and sitemap. Default: config `baseUrl`. */
  baseUrl?: string;
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
  /** The feeds, sitemap and robots.txt written beside it (with a base URL), by name. */
  published: string[];
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
    // Checked and given its final `/` as build does it.
    const { baseUrl } = resolveSettings(root, config, {
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    });
    return await writeNewsroom({
      root,
      outDir,
      config,
      requireKits: true,
      includeEmbargoed: options.includeEmbargoed ?? false,
      ...(baseUrl ? { baseUrl } : {}),
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
  /** Public URL of the output folder (ending in `/`): feeds, sitemap and robots.txt. */
  baseUrl?: string;
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
  const record = await readNewsroomRecord(outDir);
  await assertOurs(
    outDir,
    'index.html',
    record?.sha256,
    looksLikeOurNewsroom,
    'newsroom index was not written over it',
  );
  const theme = loadTheme(config.templateDir);
  const published = await publishedFiles({
    outDir,
    // Feeds and the sitemap are public: an index for a press list still keeps embargoes out.
    slugs: kits.filter((kit) => kit.publiclyListable).map((kit) => kit.slug),
    title: config.defaults.organization?.name ?? 'Press releases',
    baseUrl: input.baseUrl,
    generator: GENERATOR,
  });
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
      // Feed autodiscovery: readers given the newsroom's address find its feeds.
      feeds: published.has('feed.xml')
        ? [
            { type: 'application/atom+xml', href: 'feed.xml', title: 'Atom' },
            { type: 'application/rss+xml', href: 'rss.xml', title: 'RSS' },
            { type: 'application/feed+json', href: 'feed.json', title: 'JSON Feed' },
          ]
        : [],
      releases: listed,
    }),
  );
  for (const name of published.keys()) {
    await assertOurs(
      outDir,
      name,
      record?.files[name],
      namesPresskit,
      'newsroom did not write over it',
    );
  }
  const hashes: Record<string, string> = {};
  for (const [name, content] of [['index.html', html], ...published] as const) {
    await writeStaged(outDir, name, content);
    hashes[name] = sha256(content);
  }
  await removeStale(outDir, record, hashes);
  const { 'index.html': indexHash = '', ...files } = hashes;
  await recordNewsroom(outDir, { sha256: indexHash, files }).catch((error: unknown) => {
    throw asWriteError(error, join(outDir, STATE_DIR));
  });
  // A release in several languages is one entry, and one release.
  return { file, releases: listed.length, published: [...published.keys()] };
}

/** What presskit last wrote of the newsroom: the index's SHA-256, and each other file's. */
interface NewsroomRecord {
  sha256: string;
  files: Record<string, string>;
}

/**
 * Written beside the kits' staging, never in the published folder itself: a full disk
 * leaves no half file where a web server would serve it.
 */
async function writeStaged(outDir: string, name: string, content: string): Promise<void> {
  const staging = join(outDir, STAGING_DIR);
  const target = join(outDir, name);
  const temporary = join(staging, `${randomBytes(6).toString('hex')}-${name}`);
  try {
    await mkdir(staging, { recursive: true });
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw asWriteError(error, target);
  }
}

/**
 * Throws unless `<out>/<name>` is absent or presskit's: the one it last wrote (by hash), or,
 * without that record (a folder merged from CI shards), one that looks like its own: the
 * newsroom page by its markers, a feed, sitemap or robots.txt by its generator line.
 */
async function assertOurs(
  outDir: string,
  name: string,
  recordedHash: string | undefined,
  looksOurs: (text: string) => boolean,
  /** What was not done, for the message: "so the <refusal>". */
  refusal: string,
): Promise<void> {
  const file = join(outDir, name);
  const info = await lstat(file).catch(() => undefined);
  if (!info) return;
  const refuse = (): PresskitError =>
    new PresskitError('E_OUTPUT', {
      file: relative(process.cwd(), file) || file,
      message: `was not written by presskit, so the ${refusal}: move it away, or choose another output folder`,
    });
  if (!info.isFile() || info.size > 64 * 1024 * 1024) throw refuse();
  const bytes = await readFile(file);
  if (recordedHash !== undefined && recordedHash === sha256(bytes)) return;
  if (!looksOurs(bytes.toString('utf8'))) throw refuse();
}

function looksLikeOurNewsroom(text: string): boolean {
  return (
    /<meta name="generator" content="presskit[ "]/.test(text) && /<body class="newsroom"/.test(text)
  );
}

/** How a feed, sitemap or robots.txt names presskit, whatever its version. */
function namesPresskit(text: string): boolean {
  return text.includes('presskit ');
}

/** A file presskit wrote last time and not this time (the base URL was dropped, a language). */
async function removeStale(
  outDir: string,
  record: NewsroomRecord | undefined,
  written: Record<string, string>,
): Promise<void> {
  for (const [name, hash] of Object.entries(record?.files ?? {})) {
    if (name in written || name.includes('/') || name.startsWith('.')) continue;
    const file = join(outDir, name);
    const bytes = await readFile(file).catch(() => undefined);
    // Changed since presskit wrote it: someone's, now; kept.
    if (bytes && sha256(bytes) === hash) await rm(file, { force: true });
  }
}

async function readNewsroomRecord(outDir: string): Promise<NewsroomRecord | undefined> {
  const path = join(outDir, STATE_DIR, NEWSROOM_RECORD);
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isFile() || info.size > 64 * 1024) return undefined;
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    const member = (key: string): unknown =>
      typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
    const hash = member('sha256');
    const files = member('files');
    if (typeof hash !== 'string') return undefined;
    const named: Record<string, string> = {};
    if (typeof files === 'object' && files !== null) {
      for (const [name, fileHash] of Object.entries(files)) {
        if (typeof fileHash === 'string') named[name] = fileHash;
      }
    }
    return { sha256: hash, files: named };
  } catch {
    return undefined;
  }
}

async function recordNewsroom(outDir: string, record: NewsroomRecord): Promise<void> {
  const dir = join(outDir, STATE_DIR);
  await mkdir(dir, { recursive: true });
  const path = join(dir, NEWSROOM_RECORD);
  await writeFile(`${path}.tmp`, JSON.stringify(record));
  await rename(`${path}.tmp`, path);
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
