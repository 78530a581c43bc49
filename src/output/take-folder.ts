import { existsSync } from 'node:fs';
import { lstat, mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { lockOutput } from './lock.js';
import { STAGING_DIR } from './paths.js';
import { asWriteError } from './write-error.js';

/**
 * Creates the output folder, takes its lock and clears what a killed build left: its
 * staging folder (or a file in its place). Returns the lock's release.
 */
export async function takeOutputFolder(
  outDir: string,
  display: string,
  signal: AbortSignal | undefined,
  notice: (message: string) => void,
): Promise<() => Promise<void>> {
  await makeFolder(outDir);
  const unlock = await lockOutput(outDir, { display, signal, onWait: notice });
  try {
    const staging = join(outDir, STAGING_DIR);
    const info = await lstat(staging).catch(() => undefined);
    if (info && !info.isDirectory())
      notice(`${relative(process.cwd(), staging)}: not a folder; removed`);
    await rm(staging, { recursive: true, force: true });
  } catch (error) {
    await unlock().catch(() => undefined);
    throw asWriteError(error, outDir);
  }
  return unlock;
}

/**
 * `mkdir -p`, failing with the operating system's real reason: Node's recursive mkdir
 * reports a read-only parent as ENOENT; making the missing folders one by one does not.
 */
async function makeFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
    return;
  } catch {
    // Found again below, one folder at a time.
  }
  const missing: string[] = [];
  for (let current = path; !existsSync(current); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  try {
    for (const folder of missing) await mkdir(folder);
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw asWriteError(error, path);
  }
}
