import { lstat, readdir } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, posix } from 'node:path';
import { PresskitError } from '../errors.js';
import { printable } from '../util/unsafe-text.js';

/** A regular file of a kit folder. */
export interface KitFile {
  /** Path relative to the kit folder, `/`-separated: the name in SHA256SUMS and the zip. */
  name: string;
  absolutePath: string;
  stats: Stats;
}

/** Orders strings by their UTF-8 bytes (what `LC_ALL=C sort` does), not by UTF-16 code units. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Every regular file under `kitDir`, recursively, sorted by UTF-8 bytes of its name.
 * Anything else (symlink, FIFO, socket, device) is refused rather than followed or skipped,
 * and every name must be safe to put in a zip (see `unsafeNameReason`).
 */
export async function listKitFiles(kitDir: string): Promise<KitFile[]> {
  const files: KitFile[] = [];
  await walk(kitDir, '', files);
  files.sort((a, b) => compareUtf8(a.name, b.name));
  assertSafeNames(
    kitDir,
    files.map((file) => file.name),
  );
  return files;
}

async function walk(dir: string, prefix: string, into: KitFile[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const name = prefix === '' ? entry.name : posix.join(prefix, entry.name);
    const absolutePath = join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(absolutePath, name, into);
    } else if (entry.isFile()) {
      // lstat, not stat: the entry was seen as a regular file, never follow a swapped-in link.
      into.push({ name, absolutePath, stats: await lstat(absolutePath) });
    } else {
      throw new PresskitError('E_ASSET', {
        file: join(dir, printable(entry.name)),
        message: 'not a regular file; a kit may only hold regular files and folders',
      });
    }
  }
}

/* Bidi controls (ALM, LRM, RLM, LRE..RLO, LRI..PDI) can make a name display as another. */
const BIDI = /\p{Bidi_Control}/u;
/* C0, DEL and C1 controls; U+FFFD marks a name that was not valid UTF-8 on disk. */
const CONTROL = /[\p{Cc}\uFFFD]/u;

/**
 * Why `name` is not a safe zip entry name (APPNOTE 4.4.17.1, STANDARDS §5), or undefined.
 * Stricter than the spec on empty and `.` segments so that a name has one spelling only.
 */
export function unsafeNameReason(name: string): string | undefined {
  if (name === '') return 'empty name';
  if (name.includes('\\')) return 'contains a backslash; only "/" may separate folders';
  if (CONTROL.test(name)) return 'contains a control character or invalid UTF-8';
  if (BIDI.test(name)) return 'contains a bidirectional-text control character';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  for (const segment of name.split('/')) {
    if (segment === '..') return 'contains a ".." segment';
    if (segment === '.' || segment === '') return 'contains an empty or "." segment';
  }
  return undefined;
}

/** Throws on the first unsafe name, or on names that collide once case and Unicode form are ignored. */
export function assertSafeNames(kitDir: string, names: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const reason = unsafeNameReason(name);
    if (reason !== undefined) {
      throw new PresskitError('E_ASSET', {
        file: join(kitDir, printable(name)),
        message: `unsafe file name for the zip: ${reason}`,
      });
    }
    // Case-insensitive, normalisation-insensitive file systems (macOS, Windows) would merge these.
    const key = name.normalize('NFC').toUpperCase().toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new PresskitError('E_ASSET', {
        file: join(kitDir, printable(name)),
        message: `file name collides with "${printable(earlier)}" when case is ignored`,
      });
    }
    seen.set(key, name);
  }
}
