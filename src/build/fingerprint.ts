import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreparedAsset } from '../assets/prepare.js';
import type { ProjectSettings } from '../types.js';
import { VERSION } from '../version.js';

/**
 * A digest of everything a kit is made from: tool version, settings, config file, theme,
 * the release source and its assets, SOURCE_DATE_EPOCH. Equal digests mean equal kits, so
 * the kit need not be rebuilt.
 */
export async function fingerprint(parts: {
  sourceFile: string;
  assets: PreparedAsset[];
  settings: ProjectSettings;
  configFile: string | undefined;
  themeDirs: string[];
  sourceDateEpoch: string | undefined;
}): Promise<string> {
  const hash = createHash('sha256');
  const { root: _root, ...portable } = parts.settings;
  hash.update(JSON.stringify({ VERSION, portable, epoch: parts.sourceDateEpoch ?? null }));
  const files = [parts.sourceFile, ...parts.assets.map((asset) => asset.source)];
  if (parts.configFile) files.push(parts.configFile);
  for (const dir of parts.themeDirs) files.push(...(await themeFiles(dir)));
  for (const file of files) {
    hash.update(`\0${file}\0`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

const themeCache = new Map<string, Promise<string[]>>();

function themeFiles(dir: string): Promise<string[]> {
  let files = themeCache.get(dir);
  if (!files) {
    files = readdir(dir, { withFileTypes: true }).then((entries) =>
      entries
        .filter((entry) => entry.isFile())
        .map((entry) => join(dir, entry.name))
        .sort(),
    );
    themeCache.set(dir, files);
  }
  return files;
}
