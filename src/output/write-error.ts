import { relative } from 'node:path';
import { printable } from '../util/unsafe-text.js';
import { PresskitError } from '../errors.js';
import { describeFsError, isFsError } from '../release/read-text.js';

/**
 * The operating system's refusal to write (disk full, read-only, permissions) as the user's
 * one-line problem, naming the path it failed on; anything else is passed on unchanged.
 */
export function asWriteError(error: unknown, fallbackPath: string): unknown {
  if (!isFsError(error)) return error;
  const path = error.path ?? fallbackPath;
  return new PresskitError('E_WRITE', {
    file: printable(relative(process.cwd(), path) || path),
    message: `cannot write (${describeFsError(error)})`,
  });
}
