import type { PreparedAsset } from '../assets/prepare.js';
import { prepareAssets } from '../assets/prepare.js';
import type { ReleaseDefaults } from '../release/schema.js';
import { validateRelease } from '../release/schema.js';
import type { ReleaseSource } from '../release/discover.js';
import { loadRelease } from '../release/load.js';
import { imageHrefs, rawLocator } from '../render/markdown.js';
import type { ProjectSettings, Release } from '../types.js';

/** A release read, validated and with its files checked: everything `check` verifies. */
export interface PreparedRelease {
  release: Release;
  assets: PreparedAsset[];
}

export async function prepareRelease(
  source: ReleaseSource,
  settings: ProjectSettings,
  defaults: ReleaseDefaults,
): Promise<PreparedRelease> {
  const raw = await loadRelease(source.sourceFile, source.displayPath);
  const release = validateRelease(raw, source.slugFromPath, defaults);
  const locate = rawLocator(release.body, release.bodyLine);
  const images = imageHrefs(release.body).map((href) => ({ href, line: locate(href) }));
  const assets = await prepareAssets(release, images, {
    root: settings.root,
    maxAssetBytes: settings.maxAssetBytes,
  });
  return { release, assets };
}
