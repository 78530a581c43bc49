import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { asWriteError } from '../output/write-error.js';

/** What `init` and `new` did with a file: wrote it, or found one there and left it. */
export type FileOutcome = 'created' | 'kept';

/**
 * Writes `content` at `root/path` only if nothing is there: `wx` refuses an existing file,
 * folder or link (not followed) in the same call that creates it, so there is no moment
 * between looking and writing when another file could appear and be overwritten.
 */
export async function writeIfAbsent(
  root: string,
  path: string,
  content: string | Uint8Array,
): Promise<FileOutcome> {
  const file = join(root, path);
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw asWriteError(error, dirname(file));
  }
  try {
    await writeFile(file, content, { flag: 'wx' });
    return 'created';
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return 'kept';
    throw asWriteError(error, file);
  }
}
