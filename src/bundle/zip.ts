import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import { PresskitError } from '../errors.js';
import { assertSafeNames, listKitFiles, printable, unsafeNameReason } from './list-files.js';
import type { KitFile } from './list-files.js';

/** Fixed so that the same input always deflates to the same bytes. */
const COMPRESSION_LEVEL = 9;
const FILE_MODE = 0o644;
/** The earliest time a DOS timestamp can hold (315532800). */
const DOS_MIN_SECONDS = Date.UTC(1980, 0, 1) / 1000;
/** compress-commons stores this for any later time, so say it up front. */
const DOS_MAX_SECONDS = Date.UTC(2043, 11, 31, 23, 59, 58) / 1000;

/**
 * `date` made storable as a DOS timestamp: clamped to [1980-01-01, 2043-12-31T23:59:58] UTC
 * and rounded down to even seconds (DOS keeps two-second steps).
 */
export function clampToDosTime(date: Date): Date {
  const seconds = Math.floor(date.getTime() / 1000);
  if (Number.isNaN(seconds)) throw new RangeError('clampToDosTime: invalid date');
  const clamped = Math.min(Math.max(seconds, DOS_MIN_SECONDS), DOS_MAX_SECONDS);
  return new Date((clamped - (clamped % 2)) * 1000);
}

/**
 * The timestamp for every zip entry: `SOURCE_DATE_EPOCH` (reproducible-builds.org) when set,
 * else the release instant, clamped by `clampToDosTime`. An empty `SOURCE_DATE_EPOCH` counts
 * as unset, as shells make unsetting awkward; anything else that is not an integer (the
 * `date +%s` format) is an error rather than silently ignored.
 */
export function reproducibleMtime(
  releaseInstant: Date,
  env: NodeJS.ProcessEnv = process.env,
): Date {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return clampToDosTime(releaseInstant);
  if (!/^-?[0-9]+$/.test(raw)) {
    throw new PresskitError('E_USAGE', {
      file: 'environment',
      field: 'SOURCE_DATE_EPOCH',
      message: `must be an integer number of seconds since 1970-01-01 UTC, got ${JSON.stringify(raw)}`,
    });
  }
  // Clamp the seconds before making a Date: a huge value would overflow Date's range.
  const seconds = Math.min(Math.max(Number(raw), DOS_MIN_SECONDS), DOS_MAX_SECONDS);
  return clampToDosTime(new Date(seconds * 1000));
}

/**
 * Zips the kit folder into `outFile` with top folder `<slug>/`, reproducibly: entries sorted by
 * UTF-8 bytes, file entries only (no directory entries: unzip creates folders from the paths,
 * and they would only add timestamps and modes to keep fixed), mode 0644, every timestamp
 * `mtime` (clamped, stored as UTC whatever TZ is; archiver writes no extended-timestamp extra
 * field), no comments, deflate level 9. The zip is written next to `outFile` under a hidden
 * temporary name and renamed into place only when complete, so no partial zip is ever visible.
 */
export async function zipKit(
  kitDir: string,
  slug: string,
  outFile: string,
  mtime: Date,
): Promise<void> {
  const date = clampToDosTime(mtime);
  // The slug prefixes every name, so it must itself be one safe path segment.
  if (slug.includes('/') || unsafeNameReason(slug) !== undefined) {
    throw new PresskitError('E_USAGE', {
      file: kitDir,
      field: 'slug',
      message: `not usable as the zip's top folder: ${JSON.stringify(printable(slug))}`,
    });
  }
  const entries = (await listKitFiles(kitDir)).map((file) => ({
    file,
    name: `${slug}/${file.name}`,
  }));
  assertSafeNames(
    kitDir,
    entries.map((entry) => entry.name),
  );

  const temp = join(
    dirname(outFile),
    `.${basename(outFile)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const out = createWriteStream(temp, { flags: 'wx' });
  try {
    // Once the file exists, a cleanup can no longer race its creation.
    await once(out, 'ready');
    await writeZip(entries, date, out);
    await closed(out);
    await rename(temp, outFile);
  } catch (error) {
    out.destroy();
    await closed(out);
    await rm(temp, { force: true });
    throw error;
  }
}

/** Resolves once the file descriptor is closed; unlike once(), never rejects on an error. */
function closed(stream: WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}

async function writeZip(
  entries: readonly { file: KitFile; name: string }[],
  date: Date,
  out: Writable,
): Promise<void> {
  const archive = new ZipArchive({
    zlib: { level: COMPRESSION_LEVEL },
    // UTC DOS times: the default, spelt out because reproducibility depends on it.
    forceLocalTime: false,
    comment: '',
  });
  // Warnings are files that vanished or changed type after listing: a broken kit.
  archive.on('warning', (error) => archive.destroy(error));
  for (const { file, name } of entries) {
    // Passing stats keeps entries in our order (no concurrent stat queue) and opens files lazily.
    archive.file(file.absolutePath, { name, date, mode: FILE_MODE, stats: file.stats });
  }
  // Any failure also surfaces as an 'error' on the archive, which rejects the pipeline; the
  // promise from finalize() may never settle once the archive is destroyed, so it is not awaited.
  archive.finalize().catch(() => undefined);
  await pipeline(archive, out);
}
