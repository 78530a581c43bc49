import module from 'node:module';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const BUNDLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'bundled') + sep;

/**
 * Keeps V8's compiled code of the bundle's files between runs, so that a one-release build
 * starts sooner (BENCHMARKS.md). Not Node's compile cache (Node 22.1+): that one keeps only
 * the code compiled as a file loads, where this keeps the functions that ran too, and was
 * 17 % faster on one release on Node 22; Node 20 has none. In the user's own cache folder,
 * not the shared temp folder Node defaults to, since compiled code is trusted as it is
 * read. Call it before the bundle is imported.
 */
export function enableCompileCache() {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const dir = compileCacheDir();
  if (dir) cacheBundleCode(dir, `v8-${process.version}-${process.arch}`);
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

/**
 * Each bundle file is compiled with the code V8 kept from an earlier run, found by a hash of
 * the file's text (V8 itself only checks its length). Code for a file is written once, when
 * the process exits, so that it holds the functions that ran compiled too (V8 compiles
 * most of them on their first call).
 */
function cacheBundleCode(cacheDir, versionFolder) {
  const dir = join(cacheDir, versionFolder);
  const fresh = [];
  /** The files of code this run read or wrote: never pruned by it. */
  const used = new Set();
  const compile = module.prototype._compile;
  module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(BUNDLE_DIR) || content.startsWith('#!')) {
      return compile.call(this, content, filename);
    }
    const file = join(dir, `${createHash('sha1').update(content).digest('hex')}.v8`);
    used.add(file);
    const cachedData = readOrUndefined(file);
    const script = new Script(module.wrap(content), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) fresh.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true });
    const require = module.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  process.once('exit', () => {
    if (fresh.length === 0) return;
    keep(dir, fresh);
    prune(cacheDir, used);
  });
}

function keep(dir, fresh) {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return; // A folder it cannot make: the next run compiles again, as without a cache.
  }
  for (const { script, file } of fresh) {
    // Written aside and renamed: a process starting meanwhile reads all of a file or none.
    const partial = `${file}.${process.pid}`;
    try {
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, file);
    } catch {
      rmSync(partial, { force: true }); // A full disk, say: that file is compiled again.
    }
  }
}

/** Code not used for this long is removed, in any Node version's folder. */
const UNUSED_FOR_MS = 30 * 24 * 60 * 60 * 1000;
/** A file being written for this long was left by a process that died (`keep`). */
const PARTIAL_FOR_MS = 24 * 60 * 60 * 1000;

/**
 * Each presskit version, and each Node version, leaves code for its own bundle files, which
 * nothing else removes. When a run has written new code (a new version's first run, say),
 * code not read for 30 days goes: its last use is its access time, which Linux's default
 * `relatime` brings up to date once a day as it is read; where a file system keeps no access
 * times, its write time, and a version still in use past then compiles its files once
 * more. Another install sharing the folder loses nothing it used this month.
 */
function prune(cacheDir, used) {
  const now = Date.now();
  for (const folder of namesIn(cacheDir)) {
    // Only the folders this file makes: NODE_COMPILE_CACHE may be Node's own folder too.
    if (!folder.startsWith('v8-')) continue;
    const dir = join(cacheDir, folder);
    let left = 0;
    for (const name of namesIn(dir)) {
      const file = join(dir, name);
      const code = name.endsWith('.v8');
      const partial = /\.v8\.\d+$/.test(name);
      const unused =
        !used.has(file) &&
        (code || partial) &&
        unusedFor(file, code ? UNUSED_FOR_MS : PARTIAL_FOR_MS, now);
      if (!(unused && removed(file))) left++;
    }
    if (left === 0) {
      try {
        rmdirSync(dir);
      } catch {
        // Written to meanwhile, or not ours to remove: it stays.
      }
    }
  }
}

function removed(file) {
  try {
    rmSync(file, { force: true });
    return true;
  } catch {
    return false; // Not this user's to remove, say: it stays, and the command goes on.
  }
}

function namesIn(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function unusedFor(file, ms, now) {
  try {
    const { atimeMs, mtimeMs } = statSync(file);
    return now - Math.max(atimeMs, mtimeMs) > ms;
  } catch {
    return false;
  }
}

function readOrUndefined(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
