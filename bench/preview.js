/**
 * `npm run bench:preview`: how long `presskit preview` takes from a save to the reloaded
 * page, on the sample release, with the browser kept warm. A benchmark, not a test: the
 * machine is shared. Saves bench/last-preview.json, which `npm run bench` shows in
 * BENCHMARKS.md.
 *
 *   node bench/preview.js [--saves N]
 *
 * Each save rewrites the release with one word changed; the time is from the write to the
 * `reload` event a page's live-reload script receives. The page reloads only once the whole
 * kit (HTML, PDF, zip) is rebuilt, so that time is also the PDF's (checked: it holds the word).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPreview } from '../bundled/index.js';

const REPO = new URL('..', import.meta.url).pathname;
const SLUG = 'oim-belgique-accord-cadre';
const SAVES = Number(process.argv[process.argv.indexOf('--saves') + 1]) || 10;

export async function measurePreview(saves = SAVES) {
  const root = await mkdtemp(join(tmpdir(), 'presskit-bench-preview-'));
  await cp(join(REPO, 'releases'), join(root, 'releases'), { recursive: true });
  const release = join(root, 'releases', `${SLUG}.md`);
  const source = await readFile(release, 'utf8');
  const preview = await startPreview({ root, port: 0 });
  const events = await fetch(`${preview.url}__presskit/events`);
  const reader = events.body.getReader();
  const decoder = new TextDecoder();
  const nextReload = async () => {
    let buffer = '';
    for (;;) {
      const { value } = await reader.read();
      buffer += decoder.decode(value, { stream: true });
      if (buffer.includes('event: reload')) return;
      if (buffer.includes('event: problems')) throw new Error(buffer);
    }
  };
  const reload = [];
  try {
    for (let save = 0; save < saves; save++) {
      const word = `essai${save}`;
      const started = performance.now();
      await writeFile(release, source.replace('signent un', `signent ${word} un`));
      await nextReload();
      reload.push(performance.now() - started);
      const text = execFileSync('pdftotext', [join(preview.outDir, SLUG, `${SLUG}.pdf`), '-'], {
        encoding: 'utf8',
      });
      if (!text.includes(word)) throw new Error(`the PDF was not rebuilt by save ${save}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    await preview.close();
    await rm(root, { recursive: true, force: true });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    date: new Date().toISOString(),
    saves,
    load: loadavg()[0],
    reloadMs: { median: median(reload), min: Math.min(...reload), max: Math.max(...reload) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measurePreview();
  await writeFile(join(REPO, 'bench', 'last-preview.json'), `${JSON.stringify(result, null, 2)}\n`);
  const { median, min, max } = result.reloadMs;
  const line =
    `save → page reloaded with HTML and PDF rebuilt: median ${median.toFixed(0)} ms ` +
    `(min ${min.toFixed(0)}, max ${max.toFixed(0)}; ${result.saves} saves; load ${result.load.toFixed(1)})`;
  process.stdout.write(`preview, ${line}\n`);
  // Its own section of BENCHMARKS.md, replaced on each run (bench/run.js writes the rest).
  const file = join(REPO, 'BENCHMARKS.md');
  const report = await readFile(file, 'utf8');
  const section = [
    '## Preview (`npm run bench:preview`)',
    '',
    `Measured ${result.date.slice(0, 10)}, the sample release, \`presskit preview\` with its browser warm.`,
    '',
    '| figure | measured | target |',
    '| --- | --- | --- |',
    `| save → page reloaded, HTML and PDF rebuilt (median of ${result.saves}) | ${median.toFixed(0)} ms (min ${min.toFixed(0)}, max ${max.toFixed(0)}) | HTML ≤ 200 ms, PDF ≤ 600 ms |`,
    '',
    `Load average during the run: ${result.load.toFixed(1)} on ${availableParallelism()} cores (a shared machine). The page reloads once the whole kit is rebuilt (the PDF included), so the HTML's time is the PDF's, and each target is compared with that one figure.`,
    '',
  ].join('\n');
  const kept = report.replace(/\n## Preview[\s\S]*?(?=\n## |$)/u, '');
  await writeFile(file, `${kept.trimEnd()}\n\n${section}`);
}
