import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import type { KitFile } from './list-files.js';

/** A file of the kit, its name in the zip, and whether it is stored as it is (not deflated). */
export interface StreamedEntry {
  file: KitFile;
  name: string;
  store: boolean;
}

export interface StreamZipSettings {
  level: number;
  mode: number;
}

/** archiver's streaming zip, for kits too large to zip in memory: no file is held whole. */
export async function streamZip(
  entries: readonly StreamedEntry[],
  date: Date,
  temp: string,
  outFile: string,
  settings: StreamZipSettings,
): Promise<void> {
  const out = createWriteStream(temp, { flags: 'wx' });
  try {
    // Once the file exists, a cleanup can no longer race its creation.
    await once(out, 'ready');
    await writeArchive(entries, date, out, settings);
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

async function writeArchive(
  entries: readonly StreamedEntry[],
  date: Date,
  out: Writable,
  settings: StreamZipSettings,
): Promise<void> {
  const archive = new ZipArchive({
    zlib: { level: settings.level },
    // UTC DOS times: the default, spelt out because reproducibility depends on it.
    forceLocalTime: false,
    comment: '',
  });
  // Warnings are files that vanished or changed type after listing: a broken kit.
  archive.on('warning', (error) => archive.destroy(error));
  for (const { file, name, store } of entries) {
    // Passing stats keeps entries in our order (no concurrent stat queue) and opens files lazily.
    // `store` is archiver's per-entry switch; its type definitions omit it.
    const entry = {
      name,
      date,
      mode: settings.mode,
      stats: file.stats,
      // Said for empty files too: archiver would deflate a streamed one.
      store,
    };
    archive.file(file.absolutePath, entry);
  }
  // Any failure also surfaces as an 'error' on the archive, which rejects the pipeline; the
  // promise from finalize() may never settle once the archive is destroyed, so it is not awaited.
  archive.finalize().catch(() => undefined);
  await pipeline(archive, out);
}
