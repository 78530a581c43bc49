/**
 * `npm run bench [-- --full --runs N …]`: bench/run.js with the options given, then the
 * preview's bench. One entry, because npm appends the options to the end of a script's
 * command line: with `run.js && preview.js` there, `--full` reached the preview alone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR } from './measure.js';

for (const [script, args] of [
  ['run.js', process.argv.slice(2)],
  ['preview.js', []],
]) {
  const { status } = spawnSync(process.execPath, [join(BENCH_DIR, script), ...args], {
    stdio: 'inherit',
  });
  if (status !== 0) process.exit(status ?? 1);
}
