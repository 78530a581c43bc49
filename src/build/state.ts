import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256File } from '../bundle/checksums.js';
import type { ReleaseReport } from './options.js';

/** What the last successful build of a slug was made from, to skip unchanged releases. */
interface SavedState {
  fingerprint: string;
  report: ReleaseReport;
}

export const STATE_DIR = '.presskit-state';

const statePath = (outDir: string, slug: string): string => join(outDir, STATE_DIR, `${slug}.json`);

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
  if (!isSavedState(saved) || saved.fingerprint !== fingerprint || !saved.report.zip)
    return undefined;
  const zipHash = await sha256File(join(outDir, `${slug}.zip`)).catch(() => undefined);
  return zipHash === saved.report.zip.sha256 ? saved.report : undefined;
}

export async function saveState(
  outDir: string,
  slug: string,
  fingerprint: string,
  report: ReleaseReport,
): Promise<void> {
  const path = statePath(outDir, slug);
  await mkdir(join(outDir, STATE_DIR), { recursive: true });
  const state: SavedState = { fingerprint, report };
  await writeFile(`${path}.tmp`, JSON.stringify(state));
  await rename(`${path}.tmp`, path);
}

function isSavedState(value: unknown): value is SavedState {
  if (typeof value !== 'object' || value === null) return false;
  if (!('fingerprint' in value) || typeof value.fingerprint !== 'string') return false;
  if (!('report' in value) || typeof value.report !== 'object' || value.report === null)
    return false;
  const report = value.report;
  return 'files' in report && Array.isArray(report.files) && 'zip' in report;
}
