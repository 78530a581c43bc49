/**
 * The floor: the least any tool must do to print these HTML files with this browser.
 * One launch, `concurrency` reused pages, page.setContent + page.pdf with the options
 * presskit uses, each PDF written to disk, then close. No interception, no JavaScript
 * switch-off, no metadata post-processing, no zip.
 *
 *   node bench/floor.js <concurrency> <outDir> <file.html>...
 *   node bench/floor.js <concurrency>:<fresh page every N> <outDir> <file.html>...
 *
 * Each page is closed and replaced after N documents (default 20):
 * Chrome slows down on a page that has printed many setContent() documents with inline fonts, so a bare
 * script that never replaces its pages would be a slow floor, not the best one. The
 * result also has the time of each successive block of 100 documents, to show that.
 *
 * The browser is launched with the same executable and the same switches as presskit's
 * BrowserManager, so that the comparison measures presskit's work, not a flag choice; all
 * but frames on demand (see bench/bare-browser.js), which FLOOR_FRAMES_ON_DEMAND=1 adds.
 */
import { performance } from 'node:perf_hooks';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PDF_OPTIONS } from '../lib/pdf/print-options.js';
import { launchBareBrowser } from './bare-browser.js';
import { mainThreadCpuMs } from './process-cpu.js';

const [concurrencyArg, outDir, ...files] = process.argv.slice(2);
const [concurrency, freshPageEvery = 20] = concurrencyArg.split(':').map(Number);
await mkdir(outDir, { recursive: true });

const { browser, launchMs } = await launchBareBrowser({
  framesOnDemand: process.env.FLOOR_FRAMES_ON_DEMAND === '1',
});

let next = 0;
let pdfBytes = 0;
const doneAt = [];
async function worker() {
  let page = await browser.newPage();
  let used = 0;
  while (next < files.length) {
    const index = next++;
    if (used++ === freshPageEvery) {
      await page.close();
      page = await browser.newPage();
      used = 1;
    }
    const html = await readFile(files[index], 'utf8');
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf(PDF_OPTIONS);
    pdfBytes += pdf.length;
    await writeFile(join(outDir, `${index}.pdf`), pdf);
    doneAt.push(performance.now());
  }
  await page.close();
}
const printStarted = performance.now();
await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
const printMs = performance.now() - printStarted;
const closeStarted = performance.now();
await browser.close();
const closeMs = performance.now() - closeStarted;

const finished = performance.now();
const blocksOf100Ms = [];
for (let end = 100; end <= doneAt.length; end += 100) {
  blocksOf100Ms.push(doneAt[end - 1] - (end > 100 ? doneAt[end - 101] : printStarted));
}
process.stdout.write(
  `${JSON.stringify({
    ok: true,
    documents: files.length,
    pdfBytes,
    launchMs,
    printMs,
    closeMs,
    blocksOf100Ms,
    processMs: finished,
    maxRssKB: process.resourceUsage().maxRSS,
    /** CPU time of this Node process only (not the browser's). */
    nodeCpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    mainThreadCpuMs: mainThreadCpuMs(),
  })}\n`,
);
