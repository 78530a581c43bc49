import { realPathInside } from '../assets/inside-root.js';
import { documentDate } from '../bundle/mtime.js';
import type { ReleaseSource } from '../release/discover.js';
import type { ProjectPlace } from './fingerprint.js';
import { releaseFingerprint } from './fingerprint.js';
import type { ReleaseReport } from '../reports.js';
import type { SavedState } from './state.js';
import { intactReport } from './state.js';
import { embargoedAt } from '../release/lifecycle.js';
import type { KitLifecycle } from '../types.js';

/**
 * The saved report of a release whose kit is still the one `saved` describes (every file
 * of it as written, the zip hashed again), told from files alone: the same source bytes, the same assets behind the same paths, the same
 * project (config, theme, presskit), the same kit date under this SOURCE_DATE_EPOCH. Reading and validating the release again would only
 * repeat the last build's verdict, which depends on nothing else; a no-change build of
 * many releases then costs little more than hashing their files.
 *
 * Undefined whenever anything differs or cannot be read: the build then reads the release
 * as usual, and reports its problems.
 */
export async function keptReport(
  source: ReleaseSource,
  saved: SavedState,
  project: {
    place: ProjectPlace;
    digest: string;
    outDir: string;
    now: Date;
    drafts: boolean;
    epoch: number | undefined;
  },
): Promise<ReleaseReport | undefined> {
  const { slug } = saved.report;
  if (slug === undefined) return undefined;
  const lifecycle = lifecycleNow(saved, project.now);
  // A draft's kit in a build without drafts: read it, to leave it out (and remove the kit).
  if (lifecycle === 'draft' && !project.drafts) return undefined;
  for (const asset of saved.assets) {
    const real = await realPathInside(project.place.root, asset.requested).catch(() => undefined);
    if (real !== asset.real) return undefined;
  }
  if (fingerprintNow(source, saved, project, lifecycle) !== saved.fingerprint) return undefined;
  return intactReport(project.outDir, slug, saved);
}

/** The fingerprint the release's files give now, or undefined if one cannot be read. */
function fingerprintNow(
  source: ReleaseSource,
  saved: SavedState,
  project: { digest: string; place: ProjectPlace; epoch: number | undefined },
  lifecycle: KitLifecycle,
): string | undefined {
  try {
    return releaseFingerprint(
      project.digest,
      project.place,
      documentDate(new Date(saved.releaseInstantMs), project.epoch),
      source.sourceFile,
      saved.assets.map((asset) => asset.real),
      lifecycle,
    );
  } catch {
    return undefined;
  }
}

/**
 * What the saved kit's release is at `now`, from the state alone: a draft or withdrawn
 * release stays so (its source would have to change), a published one is embargoed while
 * its embargo holds. A kit built embargoed whose embargo has passed gets another
 * fingerprint, so it is rebuilt, unmarked, and listed.
 */
function lifecycleNow(saved: SavedState, now: Date): KitLifecycle {
  const built = saved.lifecycle ?? 'published';
  if (built === 'draft' || built === 'withdrawn') return built;
  return embargoedAt(saved.embargoMs, now) ? 'embargoed' : 'published';
}
