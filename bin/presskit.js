#!/usr/bin/env node
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
// Imported only now, so that the compile cache is on before the bundle is compiled.
const { run } = await import('../bundled/cli.cjs');

const code = await run(process.argv);
// The only process.exit of the tool, once stdout (maybe a pipe) has been flushed.
process.stdout.write('', () => process.exit(code));
