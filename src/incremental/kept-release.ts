import { realPathInside } from '../assets/inside-root.js';
import type { ReleaseSource } from '../release/discover.js';
import { releaseFingerprint } from './fingerprint.js';
import type { ReleaseReport } from '../reports.js';
import type { SavedState } from './state.js';
import { intactReport } from './state.js';

/**
 * The saved report of a release whose kit is still the one `saved` describes (every file
 * of it as written, the zip hashed again), told from files alone: the same source bytes, the same assets behind the same paths, the same
 * project (config, theme, presskit). Reading and validating the release again would only
 * repeat the last build's verdict, which depends on nothing else; a no-change build of
 * many releases then costs little more than hashing their files.
 *
 * Undefined whenever anything differs or cannot be read: the build then reads the release
 * as usual, and reports its problems.
 */
export async function keptReport(
  source: ReleaseSource,
  saved: SavedState,
  project: { root: string; digest: string; outDir: string },
): Promise<ReleaseReport | undefined> {
  const { slug } = saved.report;
  if (slug === undefined) return undefined;
  for (const asset of saved.assets) {
    const real = await realPathInside(project.root, asset.requested).catch(() => undefined);
    if (real !== asset.real) return undefined;
  }
  const fingerprint = await releaseFingerprint(
    project.digest,
    source.sourceFile,
    saved.assets.map((asset) => asset.real),
  ).catch(() => undefined);
  if (fingerprint !== saved.fingerprint) return undefined;
  return intactReport(project.outDir, slug, saved);
}
