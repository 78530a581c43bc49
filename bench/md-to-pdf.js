/**
 * md-to-pdf 5.2.5 on the release bodies, in one process with one browser.
 *
 *   node bench/md-to-pdf.js <concurrency> <file.md>...
 *   node bench/md-to-pdf.js api <file.md>...
 *
 * Its public API, `mdToPdf()`, converts one document per call and launches a browser for
 * each. Its CLI accepts many files in one call and shares one browser, but starts every
 * file at once: with 100 files on a 2-core machine every page hit its 30 s navigation
 * timeout. So this runs exactly the CLI's own pipeline (its file server, `convertMdToPdf`
 * with its shared browser, `closeBrowser`), with the files fed `concurrency` at a time.
 * Each PDF is written next to its Markdown file, as the CLI does.
 *
 * `api` instead calls the public `mdToPdf({ path }, config)` once per file, in turn: a
 * browser launch per document, which is how one document is converted from a script.
 */
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { findBrowser } from '../lib/render/browser-path.js';

const require = createRequire(import.meta.url);
const { defaultConfig } = require('md-to-pdf/dist/lib/config.js');
const { convertMdToPdf } = require('md-to-pdf/dist/lib/md-to-pdf.js');
const { closeBrowser } = require('md-to-pdf/dist/lib/generate-output.js');
const { serveDirectory, closeServer } = require('md-to-pdf/dist/lib/serve-dir.js');
const getPort = require('get-port');

const [concurrencyArg, ...files] = process.argv.slice(2);
if (files.length === 0) throw new Error('no files');
const launchOptions = { executablePath: findBrowser(), args: ['--no-sandbox'] };

if (concurrencyArg === 'api') {
  const { mdToPdf } = require('md-to-pdf');
  let failed = 0;
  for (const file of files) {
    const pdf = await mdToPdf(
      { path: file },
      { dest: file.replace(/\.md$/, '.pdf'), launch_options: launchOptions },
    ).catch(() => undefined);
    if (!pdf?.content?.length) failed++;
  }
  report(failed, undefined);
} else {
  await runPipeline(Number(concurrencyArg));
}

async function runPipeline(concurrency) {
  const config = {
    ...defaultConfig,
    basedir: dirname(files[0]),
    port: await getPort(),
    launch_options: launchOptions,
  };
  const server = await serveDirectory(config);
  let next = 0;
  let failed = 0;
  let firstError;
  async function worker() {
    while (next < files.length) {
      const file = files[next++];
      try {
        await convertMdToPdf({ path: file }, config, { args: {} });
      } catch (error) {
        failed++;
        firstError ??= String(error).split('\n')[0];
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  } finally {
    await closeBrowser();
    await closeServer(server);
  }
  report(failed, firstError);
}

function report(failed, firstError) {
  process.stdout.write(
    `${JSON.stringify({
      ok: failed === 0,
      documents: files.length,
      failed,
      firstError,
      processMs: performance.now(),
      maxRssKB: process.resourceUsage().maxRSS,
      /** CPU time of this Node process only (not the browser's). */
      nodeCpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    })}\n`,
  );
}
