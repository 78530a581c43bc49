import type { Dirent } from 'node:fs';
import { readdirSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { SHA256SUMS } from '../bundle/checksums.js';
import { PresskitError } from '../errors.js';
import { printable } from '../util/unsafe-text.js';
import { lstatOrUndefined } from '../util/sync-fs.js';

/** What a kit's checksum file may weigh before it cannot be one of ours. */
const MAX_SUMS_BYTES = 4 * 1024 * 1024;

/**
 * Throws unless `<out>/<slug>/` and `<out>/<slug>.zip` are absent or presskit's own: every
 * file in them is one the output folder's state records (`recorded`, paths relative to the
 * output folder), or, without a record (a kit copied from another build, a lost state), the
 * kit's own SHA256SUMS lists every file in the folder. Anything else there — a user's
 * folder that happens to share the slug, a file added to a kit, a symlink — is never
 * replaced.
 */
export async function assertKitReplaceable(
  outDir: string,
  slug: string,
  recorded: ReadonlySet<string>,
  blame: { file: string; line?: number },
): Promise<void> {
  const conflict = (path: string, why: string): PresskitError =>
    new PresskitError('E_OUTPUT', {
      ...blame,
      field: 'slug',
      message: `${printable(relative(process.cwd(), path) || path)} ${why}, so presskit will not replace it: move it away, or set another slug or output folder`,
    });
  const kitDir = join(outDir, slug);
  // Synchronous, as the kit is then written (see stageKit): metadata of a few entries.
  const kit = lstatOrUndefined(kitDir);
  let kitIsOurs = false;
  if (kit) {
    if (!kit.isDirectory()) throw conflict(kitDir, 'exists and is not a folder presskit wrote');
    const { files, odd } = listTree(kitDir);
    if (odd) throw conflict(join(kitDir, odd), 'is not a regular file presskit wrote');
    const unknown = files.filter((name) => !recorded.has(`${slug}/${name}`));
    if (unknown.length > 0) {
      const listed = await sumsListing(kitDir);
      const stranger = unknown.find((name) => name !== SHA256SUMS && !listed?.has(name));
      if (stranger !== undefined || listed === undefined) {
        throw conflict(join(kitDir, stranger ?? unknown[0] ?? ''), 'was not written by presskit');
      }
    }
    kitIsOurs = true;
  }
  const zipPath = join(outDir, `${slug}.zip`);
  const zip = lstatOrUndefined(zipPath);
  if (!zip) return;
  if (!zip.isFile()) throw conflict(zipPath, 'is not a regular file presskit wrote');
  if (!recorded.has(`${slug}.zip`) && !kitIsOurs)
    throw conflict(zipPath, 'was not written by presskit');
}

/** Regular files under `dir` (relative, `/`-separated), and the first entry of another type. */
function listTree(dir: string): { files: string[]; odd?: string } {
  const files: string[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    const prefix = pending.pop() ?? '';
    const entries: Dirent[] = readdirSync(join(dir, prefix), { withFileTypes: true });
    for (const entry of entries) {
      const name = prefix === '' ? entry.name : posix.join(prefix, entry.name);
      if (entry.isDirectory()) pending.push(name);
      else if (entry.isFile()) files.push(name);
      else return { files, odd: name };
    }
  }
  return { files };
}

/** The names a kit's SHA256SUMS lists, or undefined when there is no such regular file. */
async function sumsListing(kitDir: string): Promise<Set<string> | undefined> {
  const path = join(kitDir, SHA256SUMS);
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isFile() || info.size > MAX_SUMS_BYTES) return undefined;
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const match = /^[0-9a-f]{64} {2}(.+)$/.exec(line);
    if (match?.[1]) names.add(match[1]);
    else if (line !== '') return undefined;
  }
  return names;
}
