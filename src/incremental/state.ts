import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isInside } from '../assets/inside-root.js';
import type { ProjectPlace } from './fingerprint.js';
import { sha256File } from '../bundle/checksums.js';
import type { ReleaseReport } from '../reports.js';
import type { KitLifecycle } from '../types.js';
import { STATE_DIR } from '../output/paths.js';
import { lstatOrUndefined, readRegularFileSync } from '../util/sync-fs.js';

/** A file the kit was made from: the path the release named, and the file it led to. */
export interface AssetLink {
  requested: string;
  real: string;
}

/** What the last successful build of a slug was made from, to skip unchanged releases. */
export interface SavedState {
  fingerprint: string;
  report: ReleaseReport;
  /**
   * The zip as written, so a replaced or touched zip is noticed without hashing it. None for
   * a withdrawn release's notice, which has no zip.
   */
  zipBytes?: number;
  zipMtimeMs?: number;
  /**
   * The zip's inode and change time as written: while both are the same, nothing has
   * written, moved or restored the file since, and its hash is not read again. (A zip
   * restored from a CI cache keeps its time but not these: it is hashed once more.)
   */
  zipIno?: number;
  zipCtimeMs?: number;
  /**
   * What the kit was built as, and the release's embargo (ms since the epoch): the next
   * build tells from them, without reading the release, whether the kit is still what it
   * would build now (an embargo that has passed since makes it rebuild and list it).
   * Absent in states from before lifecycles: published.
   */
  lifecycle?: KitLifecycle;
  embargoMs?: number;
  /**
   * Modification time of every file of the kit as written (by path relative to the output
   * folder): with the sizes in `report.files`, a file changed or replaced since is noticed
   * without hashing it.
   */
  fileTimes: Record<string, number>;
  /**
   * The release's source file and assets, so that the next build can tell an unchanged
   * release from its files alone, without reading and validating it again.
   */
  sourceFile: string;
  assets: AssetLink[];
  /**
   * Where the project was when this was saved: a project moved or cloned elsewhere since has
   * its paths above read as the same places in it. Absent in older states.
   */
  place?: ProjectPlace;
  /**
   * The release's own instant (ms): with the same source it is the same, so the next build
   * can work out the kit's date under its SOURCE_DATE_EPOCH without reading the release.
   */
  releaseInstantMs: number;
}

/** Far above any real state (a few KB): a bigger file is not one presskit wrote. */
const MAX_STATE_BYTES = 8 * 1024 * 1024;

const statePath = (outDir: string, slug: string): string => join(outDir, STATE_DIR, `${slug}.json`);
const zipPath = (outDir: string, slug: string): string => join(outDir, `${slug}.zip`);

/**
 * The kit's report if every file of the kit on disk is still the one `saved` describes
 * (same size and time, and the zip's SHA-256 read again unless the zip is the very file
 * presskit wrote: same inode, same change time), else undefined. The zip's hash is what the
 * newsroom publishes: a zip anything has touched since is hashed again, never taken on the
 * state's word. Hashing every zip was a fifth of a no-change build of 1,000 kits.
 */
export async function intactReport(
  outDir: string,
  slug: string,
  saved: SavedState,
): Promise<ReleaseReport | undefined> {
  const zip = lstatOrUndefined(zipPath(outDir, slug));
  if (saved.report.zip === undefined) {
    // A notice page's kit has no zip; one there now is not presskit's.
    if (zip) return undefined;
  } else if (!zip?.isFile() || zip.size !== saved.zipBytes || zip.mtimeMs !== saved.zipMtimeMs) {
    return undefined;
  }
  for (const file of saved.report.files) {
    const info = lstatOrUndefined(join(outDir, file.path));
    if (!info?.isFile() || info.size !== file.bytes || info.mtimeMs !== saved.fileTimes[file.path])
      return undefined;
  }
  if (saved.report.zip === undefined) return saved.report;
  if (zip?.ino === saved.zipIno && zip?.ctimeMs === saved.zipCtimeMs) return saved.report;
  const sha256 = await sha256File(zipPath(outDir, slug)).catch(() => undefined);
  if (sha256 === undefined || sha256 !== saved.report.zip.sha256) return undefined;
  return saved.report;
}

/**
 * Every saved state of the output folder, by the source file it was built from: usually
 * one, more when the release's slug changed (the old slug's state stays beside the new).
 * Entries that are not regular files are removed, never opened (a FIFO would block the
 * read for good); each removal is reported through `warn`.
 */
export async function savedStatesBySource(
  outDir: string,
  place: ProjectPlace,
  warn: (message: string) => void,
): Promise<Map<string, SavedState[]>> {
  const states = new Map<string, SavedState[]>();
  const dir = join(outDir, STATE_DIR);
  const info = await lstat(dir).catch(() => undefined);
  if (info === undefined) return states;
  if (!info.isDirectory()) {
    warn(`${dir}: not a folder; removed (presskit keeps its build state there)`);
    await rm(dir, { force: true });
    return states;
  }
  const entries = await readdir(dir, { withFileTypes: true });
  const read: (SavedState | undefined)[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isFile()) {
      if (entry.name.endsWith('.json')) read.push(readState(path));
    } else {
      warn(`${path}: not a regular file; removed from presskit's build state`);
      await rm(path, { recursive: true, force: true });
    }
  }
  for (const found of read) {
    if (!found) continue;
    const saved = movedTo(found, place);
    states.set(saved.sourceFile, [...(states.get(saved.sourceFile) ?? []), saved]);
  }
  return states;
}

/**
 * `saved`, its paths moved from where the project was to `place`: a project moved, or its
 * output folder restored into another clone, finds its unchanged releases, and does not
 * take their sources for gone.
 */
function movedTo(saved: SavedState, place: ProjectPlace): SavedState {
  const from = saved.place;
  if (!from || (from.root === place.root && from.realRoot === place.realRoot)) return saved;
  const move = (path: string, old: string, now: string): string =>
    isInside(old, path) ? join(now, relative(old, path)) : path;
  return {
    ...saved,
    sourceFile: move(saved.sourceFile, from.root, place.root),
    assets: saved.assets.map((asset) => ({
      requested: move(asset.requested, from.root, place.root),
      real: move(asset.real, from.realRoot, place.realRoot),
    })),
    place,
  };
}

export async function saveState(
  outDir: string,
  slug: string,
  fingerprint: string,
  report: ReleaseReport,
  inputs: {
    sourceFile: string;
    assets: AssetLink[];
    place: ProjectPlace;
    lifecycle: KitLifecycle;
    embargoMs: number | undefined;
    releaseInstantMs: number;
  },
): Promise<void> {
  const path = statePath(outDir, slug);
  const zip = report.zip ? statSync(zipPath(outDir, slug)) : undefined;
  const fileTimes: Record<string, number> = {};
  for (const file of report.files) fileTimes[file.path] = statSync(join(outDir, file.path)).mtimeMs;
  mkdirSync(join(outDir, STATE_DIR), { recursive: true });
  const { embargoMs, ...rest } = inputs;
  const state: SavedState = {
    fingerprint,
    report,
    ...(zip
      ? { zipBytes: zip.size, zipMtimeMs: zip.mtimeMs, zipIno: zip.ino, zipCtimeMs: zip.ctimeMs }
      : {}),
    fileTimes,
    ...rest,
    ...(embargoMs !== undefined ? { embargoMs } : {}),
  };
  const temporary = `${path}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * A state file's content, if it is one. Read synchronously (see util/sync-fs.ts): a
 * no-change build of 1,000 kits reads 1,000 of them. Opened without following a symlink,
 * and refused at once if an entry was swapped for a FIFO or device since the listing.
 */
function readState(path: string): SavedState | undefined {
  const bytes = readRegularFileSync(path, { maxBytes: MAX_STATE_BYTES, noFollow: true });
  if (bytes === undefined) return undefined;
  try {
    const saved: unknown = JSON.parse(bytes.toString('utf8'));
    return isSavedState(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

function isSavedState(value: unknown): value is SavedState {
  if (typeof value !== 'object' || value === null) return false;
  const has = (key: string, type: string): boolean => typeof Reflect.get(value, key) === type;
  const optional = (key: string, type: string): boolean =>
    Reflect.get(value, key) === undefined || has(key, type);
  if (
    !has('fingerprint', 'string') ||
    !has('sourceFile', 'string') ||
    !has('releaseInstantMs', 'number') ||
    !has('fileTimes', 'object') ||
    !optional('embargoMs', 'number') ||
    !optional('zipIno', 'number') ||
    !optional('zipCtimeMs', 'number') ||
    !optional('lifecycle', 'string') ||
    !(Reflect.get(value, 'place') === undefined || isPlace(Reflect.get(value, 'place')))
  ) {
    return false;
  }
  const assets: unknown = Reflect.get(value, 'assets');
  if (!Array.isArray(assets) || !assets.every(isAssetLink)) return false;
  if (!('report' in value) || typeof value.report !== 'object' || value.report === null)
    return false;
  const { report } = value;
  return (
    'files' in report &&
    Array.isArray(report.files) &&
    report.files.every(isFileReport) &&
    // A kit with a zip records its size and time; a notice page's has none.
    ('zip' in report
      ? isFileReport(report.zip) && has('zipBytes', 'number') && has('zipMtimeMs', 'number')
      : true) &&
    'slug' in report &&
    typeof report.slug === 'string' &&
    // A slug is a folder name in the output folder: a tampered one must not lead elsewhere.
    /^[a-z0-9][a-z0-9-]{0,99}$/.test(report.slug)
  );
}

function isFileReport(value: unknown): boolean {
  return hasFields(value, { path: 'string', bytes: 'number', sha256: 'string' });
}

function isPlace(value: unknown): value is ProjectPlace {
  return hasFields(value, { root: 'string', realRoot: 'string' });
}

function isAssetLink(value: unknown): value is AssetLink {
  return hasFields(value, { requested: 'string', real: 'string' });
}

/** Whether `value` is an object whose fields `fields` names have these `typeof` types. */
function hasFields(value: unknown, fields: Record<string, string>): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.entries(fields).every(([key, type]) => typeof Reflect.get(value, key) === type)
  );
}

/** Removes a slug's saved state (its kit is gone). */
export async function removeState(outDir: string, slug: string): Promise<void> {
  await rm(statePath(outDir, slug), { force: true });
}

/** Every file the saved states say presskit wrote, by slug: its kit's files and zip. */
export function writtenBySlug(states: Map<string, SavedState[]>): Map<string, Set<string>> {
  const written = new Map<string, Set<string>>();
  for (const saved of [...states.values()].flat()) {
    const slug = saved.report.slug;
    if (slug === undefined) continue;
    const files = written.get(slug) ?? new Set<string>();
    for (const file of saved.report.files) files.add(file.path);
    if (saved.report.zip) files.add(saved.report.zip.path);
    written.set(slug, files);
  }
  return written;
}
