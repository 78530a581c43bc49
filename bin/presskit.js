#!/usr/bin/env node
import { run } from '../bundled/cli.js';

const code = await run(process.argv);
// The only process.exit of the tool, once stdout (maybe a pipe) has been flushed.
process.stdout.write('', () => process.exit(code));
