import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { KitLifecycle, ProjectSettings, TranslationSet } from '../types.js';
import { MEDIA_SETTINGS } from '../media/settings.js';
import { VERSION } from '../version.js';
import { readRegularFileSync } from '../util/sync-fs.js';

/**
 * A digest of what every kit of the project is made from: tool version, settings, config
 * file, theme files, the sizes and qualities of the images presskit makes (media/). Computed once per build. (SOURCE_DATE_EPOCH is no part of it: it
 * changes a kit only through the kit's date, which `releaseFingerprint` takes.)
 */
export async function projectDigest(parts: {
  settings: ProjectSettings;
  configFile: string | undefined;
  themeDirs: string[];
}): Promise<string> {
  const hash = createHash('sha256');
  const { root: _root, ...portable } = parts.settings;
  hash.update(JSON.stringify({ VERSION, portable, media: MEDIA_SETTINGS }));
  const files = parts.configFile ? [parts.configFile] : [];
  for (const dir of parts.themeDirs) {
    const entries = await readdir(dir, { withFileTypes: true });
    files.push(
      ...entries
        .filter((entry) => entry.isFile())
        .map((entry) => join(dir, entry.name))
        .sort(),
    );
  }
  hashFiles(hash, files);
  return hash.digest('hex');
}

/**
 * The project digest, and for a release in several languages its set: a translation
 * added, or a sibling's new slug, changes the links of every kit of the set.
 */
export function withLanguages(project: string, set: TranslationSet | undefined): string {
  if (!set) return project;
  return createHash('sha256').update(project).update(JSON.stringify(set)).digest('hex');
}

/**
 * A digest of everything one kit is made from: the project digest, the kit's date (the
 * release's, or SOURCE_DATE_EPOCH where that clamps it), the release source and its assets (their real paths, in the order the release names them), and what the kit is
 * at the build's time (`lifecycle`: an embargoed kit differs from the same release's
 * published one). Equal digests mean equal kits, so the kit need not be rebuilt.
 */
export function releaseFingerprint(
  project: string,
  kitDate: Date,
  sourceFile: string,
  assetFiles: readonly string[],
  lifecycle: KitLifecycle,
): string {
  const hash = createHash('sha256')
    .update(project)
    .update(`\0${kitDate.toISOString()}`)
    .update(`\0lifecycle:${lifecycle}`);
  hashFiles(hash, [sourceFile, ...assetFiles]);
  return hash.digest('hex');
}

/**
 * Read synchronously (see util/sync-fs.ts): a no-change build hashes every release's source.
 * A path that is no longer a regular file fails the fingerprint; the release is then read
 * and built, which reports why.
 */
function hashFiles(hash: ReturnType<typeof createHash>, files: string[]): void {
  for (const file of files) {
    const bytes = readRegularFileSync(file);
    if (bytes === undefined) throw new Error(`${file}: not a readable regular file`);
    hash.update(`\0${file}\0`);
    hash.update(bytes);
  }
}
