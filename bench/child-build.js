/**
 * Runs one presskit `build` or `check` in its own process and prints one JSON line with its
 * timings and peak RSS, so that every measurement starts from a cold Node process — as the
 * CLI does — and memory is the process's own.
 *
 *   node bench/child-build.js build <root> <out> [--force] [--concurrency N]
 *   node bench/child-build.js check <root>
 */
import { performance } from 'node:perf_hooks';
import { tuneTieringForBatch } from '../bin/batch-tiering.js';
import { enableCompileCache } from '../bin/compile-cache.js';
import { mainThreadCpuMs } from './process-cpu.js';
// As the `presskit` command starts (bin/presskit.js).
tuneTieringForBatch();
enableCompileCache();
const importStarted = performance.now();
const { build, check } = await import('../bundled/index.js');
const imported = performance.now();

const [command, root, out, ...flags] = process.argv.slice(2);
const concurrencyFlag = flags.indexOf('--concurrency');
const concurrency = concurrencyFlag >= 0 ? Number(flags[concurrencyFlag + 1]) : undefined;

let summary;
const marks = {};
if (command === 'build') {
  const report = await build({
    root,
    out,
    force: flags.includes('--force'),
    ...(concurrency ? { concurrency } : {}),
    // When the work between import and exit happens: before the first release, during, after.
    onProgress(event) {
      const now = performance.now();
      if (event.type === 'start') marks.started ??= now;
      if (event.type === 'release-start') marks.firstRelease ??= now;
      if (event.type === 'release-done') marks.lastDone = now;
    },
  });
  marks.returned = performance.now();
  const count = (status) => report.releases.filter((release) => release.status === status).length;
  const failed = report.releases.filter((release) => release.status === 'failed');
  const pdfMs = report.releases.map((release) => release.timings.pdfMs ?? 0);
  summary = {
    ok: report.ok,
    built: count('built'),
    unchanged: count('unchanged'),
    failed: failed.length,
    firstProblem: failed[0]?.problems[0],
    buildMs: report.timings.totalMs,
    pdfMsSum: pdfMs.reduce((a, b) => a + b, 0),
    releaseMsSum: report.releases.reduce((sum, release) => sum + release.timings.totalMs, 0),
    marks,
    firstRelease: report.releases[0]?.timings,
  };
} else if (command === 'check') {
  const report = await check({ root });
  summary = { ok: report.ok, releases: report.releases.length, problems: report.problems.length };
} else {
  throw new Error(`unknown command ${command}`);
}

const finished = performance.now();
process.stdout.write(
  `${JSON.stringify({
    ...summary,
    // performance.now() counts from process start, so this includes Node's own boot.
    processMs: finished,
    importMs: imported - importStarted,
    runMs: finished - imported,
    maxRssKB: process.resourceUsage().maxRSS,
    /** CPU time of this Node process only (not the browser's). */
    nodeCpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    mainThreadCpuMs: mainThreadCpuMs(),
  })}\n`,
);
