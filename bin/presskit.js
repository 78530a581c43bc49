#!/usr/bin/env node
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Node 22.1+ keeps the bundle's compiled code between runs: a one-release build starts
// ~30 ms sooner (BENCHMARKS.md). In the user's own cache folder, not the shared temp folder
// Node defaults to, since compiled code is trusted as it is read. Older Nodes lack it.
const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
module.enableCompileCache?.(
  process.env.NODE_COMPILE_CACHE || join(cacheHome, 'presskit', 'node-compile-cache'),
);
// Imported only now, so that the cache is on before the bundle is compiled.
const { run } = await import('../bundled/cli.js');

const code = await run(process.argv);
// The only process.exit of the tool, once stdout (maybe a pipe) has been flushed.
process.stdout.write('', () => process.exit(code));
