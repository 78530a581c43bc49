import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PresskitError } from '../errors.js';
import { sha256File } from './checksums.js';
import { clampToDosTime } from './mtime.js';
import { printable } from '../util/unsafe-text.js';
import { assertSafeNames, compareUtf8, listKitFiles, unsafeNameReason } from './list-files.js';
import { ZIP32_MAX_ENTRIES, zipRecords } from './zip-records.js';

/**
 * Fixed so that the same input always deflates to the same bytes. zlib's default: level 9
 * took half again as long on a kit and made it no smaller (the page is mostly base64 fonts).
 */
const COMPRESSION_LEVEL = 6;
/**
 * A kit whose files are all this small, and together no larger than the total below, is
 * zipped in memory by `zipRecords` (native zlib, a few milliseconds); any other kit is
 * streamed through archiver, which holds no file whole and writes Zip64 past 4 GiB.
 */
export const IN_MEMORY_MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Every file of an in-memory kit is held at once, with its deflated copy and the zip. */
export const IN_MEMORY_MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const FILE_MODE = 0o644;
/**
 * Formats that are compressed already: deflating them again costs time and saves nothing,
 * so they are stored as they are (still the same bytes for the same input).
 */
const ALREADY_COMPRESSED = /\.(?:pdf|png|jpe?g|gif|webp|zip|docx|xlsx|pptx|odt|mp3|mp4)$/i;

/** Whether an entry is stored as it is: a compressed format, or empty (nothing to deflate). */
function storedAsIs(name: string, bytes: number): boolean {
  return bytes === 0 || ALREADY_COMPRESSED.test(name);
}

export { clampToDosTime, reproducibleMtime } from './mtime.js';

/** The zip as written: what the build reports and checksums. */
export interface ZipReport {
  bytes: number;
  sha256: string;
}

/** A file of the kit and its bytes, as the caller wrote it (path relative to the kit). */
export interface KitBytes {
  name: string;
  data: Uint8Array;
}

/**
 * Zips the kit folder into `outFile` with top folder `<slug>/`, reproducibly: entries sorted by
 * UTF-8 bytes, file entries only (no directory entries: unzip creates folders from the paths,
 * and they would only add timestamps and modes to keep fixed), mode 0644, every timestamp
 * `mtime` (clamped, stored as UTC whatever TZ is; no extended-timestamp extra field), no
 * comments, deflate level 6. The zip is written next to `outFile` under a hidden temporary
 * name and renamed into place only when complete, so no partial zip is ever visible.
 *
 * `written`, the bytes of every file of the kit as the caller has just written them there,
 * spares listing the folder and reading each file back: the same zip, byte for byte. A kit
 * too large to zip in memory is zipped from its folder all the same.
 */
export async function zipKit(
  kitDir: string,
  slug: string,
  outFile: string,
  mtime: Date,
  written?: readonly KitBytes[],
): Promise<ZipReport> {
  const date = clampToDosTime(mtime);
  // The slug prefixes every name, so it must itself be one safe path segment.
  if (slug.includes('/') || unsafeNameReason(slug) !== undefined) {
    throw new PresskitError('E_USAGE', {
      file: kitDir,
      field: 'slug',
      message: `not usable as the zip's top folder: ${JSON.stringify(printable(slug))}`,
    });
  }
  /** Each item with its name in the zip: under the slug, and checked safe there. */
  const inZip = <T>(items: readonly T[], nameOf: (item: T) => string) => {
    const named = items.map((item) => ({ item, name: `${slug}/${nameOf(item)}` }));
    assertSafeNames(
      kitDir,
      named.map((entry) => entry.name),
    );
    return named;
  };
  const temp = join(
    dirname(outFile),
    `.${basename(outFile)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  if (written && fitsInMemory(written.map((file) => file.data.byteLength))) {
    // As listKitFiles gives them: sorted, and each name safe in itself.
    const sorted = [...written].sort((a, b) => compareUtf8(a.name, b.name));
    assertSafeNames(
      kitDir,
      sorted.map((file) => file.name),
    );
    const sources = inZip(sorted, (file) => file.name).map(({ item: { data }, name }) => ({
      name,
      // The very Buffer when it is one: an assembled page is known by it (zip-records.ts).
      data: Buffer.isBuffer(data)
        ? data
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    }));
    return zipInMemory(sources, date, temp, outFile);
  }
  const entries = inZip(await listKitFiles(kitDir), (file) => file.name).map(({ item, name }) => ({
    file: item,
    name,
  }));
  if (fitsInMemory(entries.map((entry) => entry.file.stats.size))) {
    const sources = await Promise.all(
      entries.map(async ({ file, name }) => ({ name, data: await readFile(file.absolutePath) })),
    );
    return zipInMemory(sources, date, temp, outFile);
  }
  // archiver and its streams (a fifth of a one-release build's code) load only for such a kit.
  const { streamZip } = await import('./stream-zip.js');
  const streamed = entries.map((entry) => ({
    ...entry,
    store: storedAsIs(entry.name, entry.file.stats.size),
  }));
  await streamZip(streamed, date, temp, outFile, { level: COMPRESSION_LEVEL, mode: FILE_MODE });
  return { bytes: (await stat(outFile)).size, sha256: await sha256File(outFile) };
}

/**
 * Small files only, few enough and small enough together to hold in memory; far below the
 * limits of a zip without Zip64, which zipRecords does not write.
 */
export function fitsInMemory(sizes: readonly number[]): boolean {
  if (sizes.length > ZIP32_MAX_ENTRIES) return false;
  let total = 0;
  for (const size of sizes) {
    if (size > IN_MEMORY_MAX_FILE_BYTES) return false;
    total += size;
  }
  return total <= IN_MEMORY_MAX_TOTAL_BYTES;
}

async function zipInMemory(
  files: readonly { name: string; data: Buffer }[],
  date: Date,
  temp: string,
  outFile: string,
): Promise<ZipReport> {
  const sources = files.map(({ name, data }) => ({
    name,
    data,
    store: storedAsIs(name, data.length),
  }));
  const zip = Buffer.concat(
    zipRecords(sources, { date, mode: FILE_MODE, level: COMPRESSION_LEVEL }),
  );
  await writeThenRename(temp, zip, outFile);
  return { bytes: zip.length, sha256: createHash('sha256').update(zip).digest('hex') };
}

/**
 * Synchronous, as the kit's other files are written (see stageKit): a zip is in memory and
 * goes to the page cache in a system call, where the promise API's round trips cost more CPU.
 */
async function writeThenRename(temp: string, data: Buffer, outFile: string): Promise<void> {
  // Created exclusively: if opening fails there is nothing of ours to clean up.
  const fd = openSync(temp, 'wx');
  try {
    try {
      writeFileSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, outFile);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
