import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isInside } from '../assets/inside-root.js';
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
  /** Where the project is (`projectPlace(settings.root)`): files are named by their place in it. */
  place: ProjectPlace;
  configFile: string | undefined;
  themeDirs: string[];
}): Promise<string> {
  const hash = createHash('sha256');
  const { root: _root, templateDir, ...portable } = parts.settings;
  const { place } = parts;
  hash.update(
    JSON.stringify({
      VERSION,
      portable,
      templateDir: templateDir && pathLabel(place, templateDir),
      media: MEDIA_SETTINGS,
    }),
  );
  const files: LabelledFile[] = parts.configFile
    ? [{ label: pathLabel(place, parts.configFile), file: parts.configFile }]
    : [];
  for (const [index, dir] of parts.themeDirs.entries()) {
    const entries = await readdir(dir, { withFileTypes: true });
    files.push(
      ...entries
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort()
        // By its place among the theme's folders: the default theme is wherever presskit is
        // installed, which differs between machines.
        .map((name) => ({ label: `theme ${index}/${name}`, file: join(dir, name) })),
    );
  }
  hashFiles(hash, files);
  return hash.digest('hex');
}

/**
 * Where a project is: its root as given, and as the file system resolves it (an asset's
 * path is its real path, which a symlink in the root's path changes).
 */
export interface ProjectPlace {
  root: string;
  realRoot: string;
}

export function projectPlace(root: string): ProjectPlace {
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    // A root that cannot be resolved is checked, and reported, where it is read.
  }
  return { root, realRoot };
}

/**
 * A file as a fingerprint names it: by its path inside the project, so that a project
 * moved or cloned elsewhere (a CI runner's workspace, a restored cache) has the same
 * fingerprints, and its unchanged kits are not built again.
 */
function pathLabel(place: ProjectPlace, file: string): string {
  if (isInside(place.root, file)) return `project/${relative(place.root, file)}`;
  if (isInside(place.realRoot, file)) return `project/${relative(place.realRoot, file)}`;
  return file;
}

interface LabelledFile {
  label: string;
  file: string;
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
  place: ProjectPlace,
  kitDate: Date,
  sourceFile: string,
  assetFiles: readonly string[],
  lifecycle: KitLifecycle,
): string {
  const hash = createHash('sha256')
    .update(project)
    .update(`\0${kitDate.toISOString()}`)
    .update(`\0lifecycle:${lifecycle}`);
  hashFiles(
    hash,
    [sourceFile, ...assetFiles].map((file) => ({ label: pathLabel(place, file), file })),
  );
  return hash.digest('hex');
}

/**
 * Read synchronously (see util/sync-fs.ts): a no-change build hashes every release's source.
 * A path that is no longer a regular file fails the fingerprint; the release is then read
 * and built, which reports why.
 */
function hashFiles(hash: ReturnType<typeof createHash>, files: LabelledFile[]): void {
  for (const { label, file } of files) {
    const bytes = readRegularFileSync(file);
    if (bytes === undefined) throw new Error(`${file}: not a readable regular file`);
    hash.update(`\0${label}\0`);
    hash.update(bytes);
  }
}
