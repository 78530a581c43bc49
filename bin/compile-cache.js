import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Turns on Node's compile cache (Node 22.1+; older Nodes lack it), so that the bundle's
 * compiled code is kept between runs: a one-release build starts ~35 ms sooner
 * (BENCHMARKS.md). In the user's own cache folder, not the shared temp folder Node defaults
 * to, since compiled code is trusted as it is read. Call it before the bundle is imported.
 */
export function enableCompileCache() {
  const dir = compileCacheDir();
  if (dir) module.enableCompileCache?.(dir);
}

function compileCacheDir() {
  if (process.env.NODE_COMPILE_CACHE) return process.env.NODE_COMPILE_CACHE;
  try {
    const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    return join(cacheHome, 'presskit', 'node-compile-cache');
  } catch {
    return undefined; // A user with no home (a container's numeric uid): no cache.
  }
}
