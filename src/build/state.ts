import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReleaseReport } from './options.js';
import { STATE_DIR } from './paths.js';

/** What the last successful build of a slug was made from, to skip unchanged releases. */
interface SavedState {
  fingerprint: string;
  report: ReleaseReport;
  /** The zip as written, so a replaced or touched zip is noticed without hashing it. */
  zipBytes: number;
  zipMtimeMs: number;
}

const statePath = (outDir: string, slug: string): string => join(outDir, STATE_DIR, `${slug}.json`);
const zipPath = (outDir: string, slug: string): string => join(outDir, `${slug}.zip`);

/** The saved report when the kit on disk is still the one built from `fingerprint`. */
export async function unchangedReport(
  outDir: string,
  slug: string,
  fingerprint: string,
): Promise<ReleaseReport | undefined> {
  let saved: unknown;
  try {
    saved = JSON.parse(await readFile(statePath(outDir, slug), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isSavedState(saved) || saved.fingerprint !== fingerprint) return undefined;
  const zip = await stat(zipPath(outDir, slug)).catch(() => undefined);
  const same = zip && zip.size === saved.zipBytes && zip.mtimeMs === saved.zipMtimeMs;
  return same ? saved.report : undefined;
}

export async function saveState(
  outDir: string,
  slug: string,
  fingerprint: string,
  report: ReleaseReport,
): Promise<void> {
  const path = statePath(outDir, slug);
  const zip = await stat(zipPath(outDir, slug));
  await mkdir(join(outDir, STATE_DIR), { recursive: true });
  const state: SavedState = { fingerprint, report, zipBytes: zip.size, zipMtimeMs: zip.mtimeMs };
  await writeFile(`${path}.tmp`, JSON.stringify(state));
  await rename(`${path}.tmp`, path);
}

function isSavedState(value: unknown): value is SavedState {
  if (typeof value !== 'object' || value === null) return false;
  const has = (key: string, type: string): boolean => typeof Reflect.get(value, key) === type;
  if (!has('fingerprint', 'string') || !has('zipBytes', 'number') || !has('zipMtimeMs', 'number')) {
    return false;
  }
  if (!('report' in value) || typeof value.report !== 'object' || value.report === null)
    return false;
  return 'files' in value.report && Array.isArray(value.report.files) && 'zip' in value.report;
}
