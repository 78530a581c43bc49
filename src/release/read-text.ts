import { PresskitError } from '../errors.js';
import { readRegularFileOrWhyNot } from '../util/sync-fs.js';

/** A release file larger than this is not a press release; refuse before reading it. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a text file as UTF-8 (BOM stripped, CRLF and CR normalised to LF).
 * Binary or non-UTF-8 content is a user error, not a crash.
 */
export async function readText(path: string, displayPath: string): Promise<string> {
  // Read synchronously (non-blocking open, fstat first, see util/sync-fs.ts): a check of
  // 1,000 releases spent about 400 ms of main-thread time on the promise API's round trips.
  let bytes: Buffer;
  try {
    const found = readRegularFileOrWhyNot(path, { maxBytes: MAX_SOURCE_BYTES });
    if (found.kind === 'not-a-file') throw fail(displayPath, 'not a regular file');
    if (found.kind === 'too-large') {
      throw fail(displayPath, `file is ${found.size} bytes; the limit is ${MAX_SOURCE_BYTES}`);
    }
    bytes = found.bytes;
  } catch (error) {
    if (error instanceof PresskitError) throw error;
    throw fail(displayPath, `cannot read file (${describeFsError(error)})`);
  }
  if (bytes.includes(0)) throw fail(displayPath, 'binary file: expected UTF-8 Markdown text');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw fail(displayPath, 'not valid UTF-8: save the file as UTF-8');
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

function fail(file: string, message: string): PresskitError {
  return new PresskitError('E_READ', { file, message });
}

/** What the operating system said, in words: "no space left on device (ENOSPC)". */
const FS_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  ENOTEMPTY: 'folder not empty',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

export function describeFsError(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    if (error.code === 'ENOENT') return 'no such file';
    const words = FS_ERRORS[error.code];
    return words ? `${words} (${error.code})` : error.code;
  }
  return String(error);
}

/** Whether `error` is the operating system's (it has an errno code such as `ENOSPC`). */
export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    /^E[A-Z]+$/.test(error.code) &&
    'syscall' in error
  );
}
