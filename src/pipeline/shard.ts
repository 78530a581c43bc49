import { createHash } from 'node:crypto';
import type { ReleaseSource } from '../release/discover.js';

/**
 * Shard `index` of `count` (1-based). A release's shard comes from a hash of its path
 * relative to the project, so it stays put when other releases are added or removed
 * and every CI job agrees without talking to the others.
 */
export function selectShard(
  sources: ReleaseSource[],
  shard: { index: number; count: number },
): ReleaseSource[] {
  return sources.filter((source) => shardOf(source.projectPath, shard.count) === shard.index);
}

export function shardOf(path: string, count: number): number {
  const digest = createHash('sha256').update(path.split('\\').join('/')).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}
