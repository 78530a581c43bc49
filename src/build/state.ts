import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReleaseReport } from './options.js';
import { STATE_DIR } from './paths.js';

/** A file the kit was made from: the path the release named, and the file it led to. */
export interface AssetLink {
  requested: string;
  real: string;
}

/** What the last successful build of a slug was made from, to skip unchanged releases. */
export interface SavedState {
  fingerprint: string;
  report: ReleaseReport;
  /** The zip as written, so a replaced or touched zip is noticed without hashing it. */
  zipBytes: number;
  zipMtimeMs: number;
  /**
   * The release's source file and assets, so that the next build can tell an unchanged
   * release from its files alone, without reading and validating it again.
   */
  sourceFile: string;
  assets: AssetLink[];
}

const statePath = (outDir: string, slug: string): string => join(outDir, STATE_DIR, `${slug}.json`);
const zipPath = (outDir: string, slug: string): string => join(outDir, `${slug}.zip`);

/** Whether the zip on disk is still the one `saved` describes. */
export async function kitIntact(outDir: string, slug: string, saved: SavedState): Promise<boolean> {
  const zip = await stat(zipPath(outDir, slug)).catch(() => undefined);
  return zip !== undefined && zip.size === saved.zipBytes && zip.mtimeMs === saved.zipMtimeMs;
}

/**
 * Every saved state of the output folder, by the source file it was built from: usually
 * one, more when the release's slug changed (the old slug's state stays beside the new).
 */
export async function savedStatesBySource(outDir: string): Promise<Map<string, SavedState[]>> {
  const states = new Map<string, SavedState[]>();
  const names = await readdir(join(outDir, STATE_DIR)).catch(() => []);
  const read = await Promise.all(
    names
      .filter((name) => name.endsWith('.json'))
      .map((name) => readState(join(outDir, STATE_DIR, name))),
  );
  for (const saved of read) {
    if (saved) states.set(saved.sourceFile, [...(states.get(saved.sourceFile) ?? []), saved]);
  }
  return states;
}

export async function saveState(
  outDir: string,
  slug: string,
  fingerprint: string,
  report: ReleaseReport,
  inputs: { sourceFile: string; assets: AssetLink[] },
): Promise<void> {
  const path = statePath(outDir, slug);
  const zip = await stat(zipPath(outDir, slug));
  await mkdir(join(outDir, STATE_DIR), { recursive: true });
  const state: SavedState = {
    fingerprint,
    report,
    zipBytes: zip.size,
    zipMtimeMs: zip.mtimeMs,
    ...inputs,
  };
  await writeFile(`${path}.tmp`, JSON.stringify(state));
  await rename(`${path}.tmp`, path);
}

async function readState(path: string): Promise<SavedState | undefined> {
  try {
    const saved: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isSavedState(saved) ? saved : undefined;
  } catch {
    return undefined;
  }
}

function isSavedState(value: unknown): value is SavedState {
  if (typeof value !== 'object' || value === null) return false;
  const has = (key: string, type: string): boolean => typeof Reflect.get(value, key) === type;
  if (
    !has('fingerprint', 'string') ||
    !has('zipBytes', 'number') ||
    !has('zipMtimeMs', 'number') ||
    !has('sourceFile', 'string')
  ) {
    return false;
  }
  const assets: unknown = Reflect.get(value, 'assets');
  if (!Array.isArray(assets) || !assets.every(isAssetLink)) return false;
  if (!('report' in value) || typeof value.report !== 'object' || value.report === null)
    return false;
  return (
    'files' in value.report &&
    Array.isArray(value.report.files) &&
    'zip' in value.report &&
    'slug' in value.report &&
    typeof value.report.slug === 'string'
  );
}

function isAssetLink(value: unknown): value is AssetLink {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'requested') === 'string' &&
    typeof Reflect.get(value, 'real') === 'string'
  );
}
