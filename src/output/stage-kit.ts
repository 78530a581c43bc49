import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatSha256Sums, SHA256SUMS, sha256File } from '../bundle/checksums.js';
import { compareUtf8 } from '../bundle/list-files.js';
import { IN_MEMORY_MAX_FILE_BYTES, zipKit } from '../bundle/zip.js';
import type { KitBytes } from '../bundle/zip.js';
import type { FileReport } from '../reports.js';
import { STAGING_DIR } from './paths.js';
import { asWriteError } from './write-error.js';

/**
 * A file of the kit: bytes to write, or a source file to copy as it is. Bytes still to come
 * (a PDF being printed) are written when they are there, after the entries before them.
 */
export type KitEntry =
  | { path: string; data: Uint8Array | string | Promise<Uint8Array | string> }
  | { path: string; copyFrom: string };

export interface StagedKit {
  /** Every file of the kit (paths `<slug>/…`), SHA256SUMS included, sorted. */
  files: FileReport[];
  /** None for a kit staged without one (a withdrawn release's notice). */
  zip?: FileReport;
  /** Moves the kit and zip into place, replacing an earlier kit of the same slug. */
  commit(): Promise<void>;
  /** Removes the staged files; safe to call after commit. */
  discard(): Promise<void>;
}

/**
 * Writes the kit and its zip into a private staging folder inside the output folder
 * (same file system, so the final moves are renames). Nothing appears under `outDir/<slug>`
 * until every file is complete; a failure leaves an earlier kit untouched. Files are
 * hashed as they are written, so nothing is read back.
 *
 * The bytes are in memory and go to files presskit has just created in its own folder, so
 * they are written synchronously, as the kit's moves are: a system call each, where the
 * promise API makes several round trips through libuv's threads per file. A 100-release
 * build used 7 % less Node CPU, and 2–5 % less wall time on 2 cores, where that work
 * competed with Chromium's. The staging folder, with the kit it replaced, is removed
 * asynchronously: a dozen unlinks that would hold the main thread for milliseconds.
 *
 * Without `withZip`, no zip is made, and committing removes the earlier kit's zip (which
 * the caller has made sure presskit wrote, see assertKitReplaceable).
 */
export async function stageKit(
  outDir: string,
  slug: string,
  entries: KitEntry[],
  mtime: Date,
  withZip = true,
): Promise<StagedKit> {
  const stage = join(outDir, STAGING_DIR, `${slug}-${randomBytes(6).toString('hex')}`);
  const kitDir = join(stage, slug);
  const zipFile = join(stage, `${slug}.zip`);
  const discard = (): Promise<void> => rm(stage, { recursive: true, force: true });
  const hashed: { name: string; sha256: string; bytes: number }[] = [];
  /** Every file's bytes as written, while all are small enough to zip from memory. */
  let held: KitBytes[] | undefined = [];
  let zip: FileReport | undefined;
  try {
    const made = new Set<string>();
    for (const entry of entries) {
      const target = join(kitDir, entry.path);
      // Each folder once: most of a kit's files share one.
      const folder = dirname(target);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      if ('copyFrom' in entry) {
        await copyFile(entry.copyFrom, target);
        const { size } = await stat(target);
        if (size <= IN_MEMORY_MAX_FILE_BYTES) {
          // Read once, for the hash and the zip.
          const bytes = await readFile(target);
          hashed.push({ name: entry.path, ...digest(bytes) });
          held?.push({ name: entry.path, data: bytes });
        } else {
          hashed.push({ name: entry.path, sha256: await sha256File(target), bytes: size });
          held = undefined;
        }
      } else {
        const data = await entry.data;
        // Encoded once: writeFile and the hash would each turn a string into UTF-8 again.
        const bytes = typeof data === 'string' ? Buffer.from(data) : data;
        writeFileSync(target, bytes);
        hashed.push({ name: entry.path, ...digest(bytes) });
        held?.push({ name: entry.path, data: bytes });
      }
    }
    const sums = Buffer.from(formatSha256Sums(hashed));
    writeFileSync(join(kitDir, SHA256SUMS), sums);
    hashed.push({ name: SHA256SUMS, ...digest(sums) });
    held?.push({ name: SHA256SUMS, data: sums });
    if (withZip) {
      // From the bytes just written when every file's are at hand, else read from the folder.
      zip = { path: `${slug}.zip`, ...(await zipKit(kitDir, slug, zipFile, mtime, held)) };
    }
  } catch (error) {
    await discard();
    throw asWriteError(error, stage);
  }
  const files = hashed
    .sort((a, b) => compareUtf8(a.name, b.name))
    .map((file) => ({ path: `${slug}/${file.name}`, bytes: file.bytes, sha256: file.sha256 }));
  return {
    files,
    ...(zip ? { zip } : {}),
    discard,
    async commit() {
      const finalKit = join(outDir, slug);
      const previous = join(stage, 'previous');
      let movedAway = false;
      try {
        try {
          renameSync(finalKit, previous);
          movedAway = true;
        } catch (error) {
          if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
        }
        renameSync(kitDir, finalKit);
        if (zip) renameSync(zipFile, join(outDir, `${slug}.zip`));
        else rmSync(join(outDir, `${slug}.zip`), { force: true });
      } catch (error) {
        // The earlier kit goes back where it was if the new one did not take its place.
        if (movedAway) {
          try {
            renameSync(previous, finalKit);
          } catch {
            // The error that matters is the first one.
          }
        }
        throw asWriteError(error, finalKit);
      }
      await discard();
    },
  };
}

function digest(data: Uint8Array | string): { sha256: string; bytes: number } {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength };
}
