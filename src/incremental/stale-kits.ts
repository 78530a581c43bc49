import { lstat, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isInside } from '../assets/inside-root.js';
import type { RemovedKit } from '../reports.js';
import type { SavedState } from './state.js';
import { removeState } from './state.js';

/** What the build knows of one release it read: the slug it now builds, or that it is left out. */
export interface ReadRelease {
  slug?: string;
  status: 'built' | 'unchanged' | 'failed' | 'skipped' | 'draft';
}

/**
 * The saved kits no release builds any more, and why: the release's file is gone (deleted,
 * renamed or moved), it now builds another slug, or it is a draft this build leaves out.
 * A kit whose slug a release of this build claimed is never stale, nor one whose release
 * failed or was not read (a build of some of the releases leaves the others' kits alone).
 */
export async function staleKits(
  states: ReadonlyMap<string, SavedState[]>,
  readHere: ReadonlyMap<string, ReadRelease>,
  claimed: ReadonlySet<string>,
  /** The project's root: a source saved outside it (the project has moved since) is not gone. */
  root: string,
): Promise<{ saved: SavedState; why: RemovedKit['why'] }[]> {
  const stale: { saved: SavedState; why: RemovedKit['why'] }[] = [];
  for (const [sourceFile, saved] of states) {
    const read = readHere.get(sourceFile);
    for (const state of saved) {
      const slug = state.report.slug;
      if (slug === undefined || claimed.has(slug)) continue;
      if (read?.status === 'draft') stale.push({ saved: state, why: 'draft' });
      else if (read && (read.status === 'built' || read.status === 'unchanged')) {
        if (read.slug !== slug) stale.push({ saved: state, why: 'renamed' });
      } else if (!read && isInside(root, sourceFile) && !(await exists(sourceFile))) {
        stale.push({ saved: state, why: 'gone' });
      }
    }
  }
  return stale;
}

/**
 * Removes a stale kit: each file its state records, if it is still the regular file
 * presskit wrote (same size and time), then the folders left empty, then the state. A
 * file changed or added since stays where it is (and its folder with it); the names of
 * what stayed are returned.
 */
export async function removeKit(outDir: string, saved: SavedState): Promise<string[]> {
  const slug = saved.report.slug ?? '';
  const kept: string[] = [];
  const recorded = saved.report.files.map((file) => ({
    path: file.path,
    bytes: file.bytes,
    mtimeMs: saved.fileTimes[file.path],
  }));
  if (saved.report.zip) {
    recorded.push({
      path: saved.report.zip.path,
      bytes: saved.zipBytes ?? -1,
      mtimeMs: saved.zipMtimeMs,
    });
  }
  const folders = new Set<string>();
  for (const file of recorded) {
    // A tampered state must not lead outside the kit: its files are under `<slug>/`.
    if (file.path !== `${slug}.zip` && !file.path.startsWith(`${slug}/`)) continue;
    if (file.path.split('/').includes('..')) continue;
    const path = join(outDir, file.path);
    const info = await lstat(path).catch(() => undefined);
    if (!info) continue;
    if (!info.isFile() || info.size !== file.bytes || info.mtimeMs !== file.mtimeMs) {
      kept.push(file.path);
      continue;
    }
    await unlink(path);
    for (let dir = dirname(file.path); dir !== '.' && dir !== ''; dir = dirname(dir))
      folders.add(dir);
  }
  // Deepest first; a folder that still holds something (a file of the user's) stays.
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(join(outDir, dir)).catch(() => undefined);
  }
  const left = await lstat(join(outDir, slug)).catch(() => undefined);
  if (left && kept.every((path) => !path.startsWith(`${slug}/`))) {
    kept.push(`${slug}/ (holds files presskit did not write)`);
  }
  await removeState(outDir, slug);
  return kept;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT' && error.code !== 'ENOTDIR',
  );
}
