import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { compareUtf8, listKitFiles } from './list-files.js';

/** The checksum file's name at the kit folder's root; it never lists itself. */
export const SHA256SUMS = 'SHA256SUMS';

/**
 * Up to this size a file is read whole and hashed in one call: a stream's chunks cost more
 * than the hashing of a kit's zip, which a no-change build of 1,000 kits does 1,000 times.
 */
const READ_WHOLE_BYTES = 8 * 1024 * 1024;

/** Lowercase hex SHA-256 of a file's bytes; a large one is streamed, not held in memory. */
export async function sha256File(path: string): Promise<string> {
  if ((await stat(path)).size <= READ_WHOLE_BYTES) {
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * The text of `SHA256SUMS` for every regular file under `kitDir` except itself, in the
 * format `sha256sum -c` reads: `<hex>  <path>` with `/` separators, sorted by UTF-8 bytes.
 * Names are checked safe by the listing, so none needs sha256sum's backslash escaping.
 */
export async function sha256sums(kitDir: string): Promise<string> {
  const files = (await listKitFiles(kitDir)).filter((file) => file.name !== SHA256SUMS);
  const hashed = [];
  for (const file of files)
    hashed.push({ name: file.name, sha256: await sha256File(file.absolutePath) });
  return formatSha256Sums(hashed);
}

/** `SHA256SUMS` text from hashes already known (e.g. computed while writing the files). */
export function formatSha256Sums(files: readonly { name: string; sha256: string }[]): string {
  return [...files]
    .filter((file) => file.name !== SHA256SUMS)
    .sort((a, b) => compareUtf8(a.name, b.name))
    .map((file) => `${file.sha256}  ${file.name}\n`)
    .join('');
}
