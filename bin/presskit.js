#!/usr/bin/env node
import { tuneTieringForBatch } from './batch-tiering.js';
import { enableCompileCache } from './compile-cache.js';

tuneTieringForBatch();
enableCompileCache();
// Imported only now, so that the compile cache and the tiering apply to the whole bundle.
const { run } = await import('../bundled/cli.cjs');

const code = await run(process.argv);
// The only process.exit of the tool, once stdout (maybe a pipe) has been flushed.
process.stdout.write('', () => process.exit(code));
