/**
 * Where presskit's time goes, per release, phase by phase, one release at a time so that
 * every millisecond is attributed to one phase. Diagnostic only: `npm run bench` runs it
 * once (in its own process) and writes its table to BENCHMARKS.md.
 *
 *   node bench/phases.js <projectRoot> [releases=20]
 *
 * Prints one JSON line: module import costs, then the median milliseconds per release of
 * each phase, including printing each release the bare way (the kit's page) and presskit's way
 * (its print version, JavaScript off + request interception) on one browser, alternately.
 */
import { performance } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const imports = {};
async function timedImport(name, specifier) {
  const started = performance.now();
  const module = await import(specifier);
  imports[name] = performance.now() - started;
  return module;
}
// Sequential: each figure is what that module adds on top of the ones above it.
await timedImport('puppeteer-core', 'puppeteer-core');
await timedImport(
  'pdf-lib (its single-file build, as presskit loads it)',
  'pdf-lib/dist/pdf-lib.esm.min.js',
);
await timedImport('liquidjs', 'liquidjs');
await timedImport('marked', 'marked');
await timedImport('zod', 'zod');
await timedImport('libphonenumber-js/max', 'libphonenumber-js/max');
await timedImport('qr', 'qr');
await timedImport('archiver', 'archiver');
await timedImport('presskit (lib/index.js, the rest)', '../lib/index.js');

const { loadConfig } = await import('../lib/project/config.js');
const { resolveSettings } = await import('../lib/project/settings.js');
const { discoverReleases } = await import('../lib/release/discover.js');
const { prepareRelease } = await import('../lib/pipeline/prepare-release.js');
const fingerprints = await import('../lib/incremental/fingerprint.js');
const { contactCards } = await import('../lib/contacts/cards.js');
const { renderKit } = await import('../lib/pipeline/render-kit.js');
const { loadTheme } = await import('../lib/html/templates.js');
const { withFontFaces, FONT_FACES_PLACEHOLDER } = await import('../lib/html/fonts.js');
const { printHtml } = await import('../lib/pdf/print-pdf.js');
const { setPdfMetadata } = await import('../lib/pdf/metadata.js');
const { stageKit } = await import('../lib/output/stage-kit.js');
const { zipKit, reproducibleMtime } = await import('../lib/bundle/zip.js');
const { saveState } = await import('../lib/incremental/state.js');
const { launchBareBrowser } = await import('./bare-browser.js');
const { PDF_OPTIONS } = await import('../lib/pdf/print-options.js');

const [root, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 20);
const config = await loadConfig(root);
const settings = resolveSettings(root, config, {});
const theme = loadTheme(settings.templateDir);
const sources = (await discoverReleases(['releases'], root)).slice(0, count);
const out = await mkdtemp(join(tmpdir(), 'presskit-phases-'));

/** The release fingerprint as the build computes it, whichever of its two shapes lib has. */
const digestParts = {
  settings,
  configFile: config.file,
  themeDirs: theme.dirs,
  sourceDateEpoch: undefined,
};
const projectDigest = fingerprints.projectDigest && (await fingerprints.projectDigest(digestParts));
const releaseFingerprint = (prepared) =>
  fingerprints.releaseFingerprint
    ? fingerprints.releaseFingerprint(
        projectDigest,
        prepared.release.sourceFile,
        prepared.assets.map((asset) => asset.source),
      )
    : fingerprints.fingerprint({
        ...digestParts,
        sourceFile: prepared.release.sourceFile,
        assets: prepared.assets,
      });

let started = performance.now();
await withFontFaces(FONT_FACES_PLACEHOLDER);
const fontCssFirstMs = performance.now() - started;

const { browser, launchMs } = await launchBareBrowser();
const barePage = await browser.newPage();
const presskitPage = await browser.newPage();

/** A BrowserManager stand-in: renderKit prints through it, and we keep what it printed. */
function capturingManager() {
  const captured = {};
  return {
    captured,
    async withPage(fn) {
      const started = performance.now();
      const result = await fn(presskitPage);
      captured.printMs = performance.now() - started;
      return result;
    },
  };
}

const phases = {};
const cpuPhases = {};
const record = (name, ms, cpuMs) => {
  (phases[name] ??= []).push(ms);
  (cpuPhases[name] ??= []).push(cpuMs);
};
const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const time = async (name, fn) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await fn();
  record(name, performance.now() - started, cpuMs(cpu));
  return result;
};

let htmlBytes = 0;
for (const [index, source] of sources.entries()) {
  const prepared = await time('load + validate (prepareRelease)', () =>
    prepareRelease(source, settings, config.defaults),
  );
  const { release } = prepared;
  await time('fingerprint', () => releaseFingerprint(prepared));
  const cards = await time('vCards + QR codes', () => contactCards(release, '3.0'));
  const mtime = reproducibleMtime(release.date.instant, {});

  // renderKit as the build runs it; the print inside is timed by the manager stand-in.
  let printed;
  const manager = capturingManager();
  const originalSetContent = presskitPage.setContent.bind(presskitPage);
  presskitPage.setContent = async (html, options) => {
    printed = html;
    return originalSetContent(html, options);
  };
  const kitStarted = performance.now();
  const kitCpu = process.cpuUsage();
  const kit = await renderKit(prepared, cards, settings, theme, manager, mtime);
  const kitMs = performance.now() - kitStarted;
  const kitCpuMs = cpuMs(kitCpu);
  presskitPage.setContent = originalSetContent;
  htmlBytes += printed.length;

  // Printed twice more, alternating which goes first: the kit's page the floor's way (fonts
  // inline), and presskit's print version presskit's way (fonts served by its request filter).
  const pageHtml = kit.entries.find((entry) => entry.path === 'index.html')?.data;
  const bare = async () =>
    time('print, bare (kit page, setContent + pdf)', async () => {
      await barePage.setContent(pageHtml, { waitUntil: 'load' });
      return barePage.pdf(PDF_OPTIONS);
    });
  const guarded = () =>
    time('print, presskit (print version, print media, JS off + interception)', () =>
      printHtml(presskitPage, printed),
    );
  let chromePdf;
  if (index % 2 === 0) {
    chromePdf = await bare();
    await guarded();
  } else {
    await guarded();
    chromePdf = await bare();
  }
  const meta = {
    title: release.title,
    keywords: release.tags,
    lang: release.lang,
    date: mtime,
    creator: 'presskit bench',
  };
  const metaStarted = performance.now();
  const metaCpu = process.cpuUsage();
  await setPdfMetadata(chromePdf, meta);
  const metaMs = performance.now() - metaStarted;
  const metaCpuMs = cpuMs(metaCpu);
  record('PDF metadata (pdf-lib)', metaMs, metaCpuMs);
  // Node's CPU during renderKit's own print is about that of the separate presskit print.
  const printCpu =
    cpuPhases['print, presskit (print version, print media, JS off + interception)'].at(-1);
  record(
    'HTML + text rendering (renderKit minus print and pdf-lib)',
    kitMs - manager.captured.printMs - metaMs,
    kitCpuMs - printCpu - metaCpuMs,
  );

  const staged = await time('stage: write + hash files, SHA256SUMS, zip', () =>
    stageKit(out, release.slug, kit.entries, mtime),
  );
  await time('commit (renames) + save state', async () => {
    await staged.commit();
    await saveState(
      out,
      release.slug,
      'x',
      { files: [], zip: undefined },
      { sourceFile: release.sourceFile, assets: [] },
    );
  });
}
// The zip alone, again, on the committed kits: part of the staging line above.
for (const source of sources) {
  const { release } = await prepareRelease(source, settings, config.defaults);
  const mtime = reproducibleMtime(release.date.instant, {});
  await time('of which zip', () =>
    zipKit(join(out, release.slug), release.slug, join(out, `zip-only.zip`), mtime),
  );
}
await browser.close();
await rm(out, { recursive: true, force: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
process.stdout.write(
  `${JSON.stringify({
    ok: true,
    releases: sources.length,
    imports,
    fontCssFirstMs,
    launchMs,
    meanPrintHtmlKB: htmlBytes / sources.length / 1024,
    phases: Object.fromEntries(
      Object.entries(phases).map(([name, values]) => [name, median(values)]),
    ),
    // CPU time of this Node process during each phase (the browser's is not included).
    cpuPhases: Object.fromEntries(
      Object.entries(cpuPhases).map(([name, values]) => [name, median(values)]),
    ),
  })}\n`,
);
