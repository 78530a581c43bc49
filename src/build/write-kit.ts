import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SHA256SUMS, sha256sums } from '../bundle/checksums.js';
import { zipKit } from '../bundle/zip.js';
import type { KitEntry } from './render-kit.js';

/** Where a release's kit is assembled before it replaces the previous one. */
export const STAGING_DIR = '.presskit-staging';

export interface StagedKit {
  kitDir: string;
  zipFile: string;
  /** Moves the kit and zip into place, replacing an earlier kit of the same slug. */
  commit(): Promise<void>;
  /** Removes the staged files; safe to call after commit. */
  discard(): Promise<void>;
}

/**
 * Writes the kit and its zip into a private staging folder inside the output folder
 * (same file system, so the final moves are renames). Nothing appears under `outDir/<slug>`
 * until every file is complete; a failure leaves an earlier kit untouched.
 */
export async function stageKit(
  outDir: string,
  slug: string,
  entries: KitEntry[],
  mtime: Date,
): Promise<StagedKit> {
  const stage = join(outDir, STAGING_DIR, `${slug}-${randomBytes(6).toString('hex')}`);
  const kitDir = join(stage, slug);
  const zipFile = join(stage, `${slug}.zip`);
  const discard = (): Promise<void> => rm(stage, { recursive: true, force: true });
  try {
    for (const entry of entries) {
      const target = join(kitDir, entry.path);
      await mkdir(dirname(target), { recursive: true });
      if ('copyFrom' in entry) await copyFile(entry.copyFrom, target);
      else await writeFile(target, entry.data);
    }
    await writeFile(join(kitDir, SHA256SUMS), await sha256sums(kitDir));
    await zipKit(kitDir, slug, zipFile, mtime);
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    kitDir,
    zipFile,
    discard,
    async commit() {
      const finalKit = join(outDir, slug);
      const previous = join(stage, 'previous');
      await rename(finalKit, previous).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await rename(kitDir, finalKit);
      await rename(zipFile, join(outDir, `${slug}.zip`));
      await discard();
    },
  };
}
