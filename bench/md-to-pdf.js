/**
 * md-to-pdf 5.2.5 on the release bodies, run as a user runs it.
 *
 *   node bench/md-to-pdf.js cli <files-per-call> <file.md>...
 *   node bench/md-to-pdf.js api <file.md>...
 *
 * `cli` runs md-to-pdf's own command (`node_modules/md-to-pdf/dist/cli.js`, what the
 * `md-to-pdf` bin starts) on the files, `files-per-call` at a time, one call after the other,
 * as `xargs -n K md-to-pdf` would. Each call launches one browser, serves the files' folder
 * and converts all its files at once (its CLI has no concurrency setting); with too many
 * files in one call its pages hit its 30 s navigation timeout. Each PDF is written next to
 * its Markdown file; a file without a PDF afterwards counts as failed.
 *
 * The browser is `BENCH_BROWSER` if set, else the one presskit would find.
 *
 * `api` instead calls the public `mdToPdf({ path }, config)` once per file, in turn: a
 * browser launch per document, which is how one document is converted from a script.
 */
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const [mode, ...rest] = process.argv.slice(2);
// The bench passes the browser it found, so that this wrapper does not load puppeteer (half a
// second) before md-to-pdf even starts.
const executablePath =
  process.env.BENCH_BROWSER ?? (await import('../lib/browser/find.js')).findBrowser();
const launchOptions = { executablePath, args: ['--no-sandbox'] };

if (mode === 'api') {
  const files = rest;
  if (files.length === 0) throw new Error('no files');
  const { mdToPdf } = require('md-to-pdf');
  let failed = 0;
  for (const file of files) {
    const pdf = await mdToPdf(
      { path: file },
      { dest: file.replace(/\.md$/, '.pdf'), launch_options: launchOptions },
    ).catch(() => undefined);
    if (!pdf?.content?.length) failed++;
  }
  report({ documents: files.length, failed });
} else if (mode === 'cli') {
  const [perCallArg, ...files] = rest;
  const perCall = Number(perCallArg);
  if (files.length === 0 || !(perCall > 0))
    throw new Error('usage: cli <files-per-call> <file.md>...');
  const cli = require.resolve('md-to-pdf/dist/cli.js');
  let calls = 0;
  let firstError;
  for (let start = 0; start < files.length; start += perCall) {
    const batch = files.slice(start, start + perCall);
    calls++;
    const { code, output } = await run(
      cli,
      ['--launch-options', JSON.stringify(launchOptions), ...batch],
      dirname(batch[0]),
    );
    if (code !== 0)
      firstError ??= `exit ${code}: ${
        output
          .trim()
          .split('\n')
          .find((line) => /error|timeout/i.test(line)) ?? ''
      }`.trim();
  }
  const failed = files.filter((file) => !existsSync(file.replace(/\.md$/, '.pdf'))).length;
  report({ documents: files.length, failed, calls, firstError });
} else {
  throw new Error(`unknown mode ${mode}`);
}

function run(script, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function report(fields) {
  process.stdout.write(
    `${JSON.stringify({
      ok: fields.failed === 0,
      ...fields,
      processMs: performance.now(),
      maxRssKB: process.resourceUsage().maxRSS,
      /** CPU time of this Node process only (not md-to-pdf's calls, nor the browser's). */
      nodeCpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    })}\n`,
  );
}
