/**
 * `npm run bench`: presskit against the floor (bare puppeteer printing the same HTML with
 * the same browser) and against md-to-pdf, on a generated corpus of 100 releases; then
 * no-change rebuild, check, a single release, memory, and where presskit's time goes.
 * Prints a table and writes BENCHMARKS.md.
 *
 *   node bench/run.js [--runs N] [--full] [--keep]
 *
 * --runs N   iterations of the main loop (default 3; 5 for figures worth publishing)
 * --full     also build a 1,000-release corpus: time and memory at scale, check of 1,000,
 *            a build where 1 of the 1,000 changed against a one-release build, and the
 *            floor's page reuse; saved to bench/last-full.json so that later runs without
 *            --full still show it, dated
 * --keep     keep the temporary project folders and print where they are
 * --node P   run every measured process with the Node executable P (default: this one),
 *            e.g. a Node 22
 * --corpus N, --big N   smaller corpora, only to try the bench itself quickly
 *
 * Every measurement runs in its own Node process and is timed from here, start to exit,
 * as a user would time the command. The machine may be shared: the loop alternates the
 * tools so that load affects them alike, and ratios are computed per iteration.
 */
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { defaultConcurrency } from '../lib/project/settings.js';
import { defaultFallbacks, findBrowser, isHeadlessShell } from '../lib/browser/find.js';
import { VERSION } from '../lib/version.js';
import { generateCorpus } from './corpus.js';
import { BENCH_DIR, median, megabytes, runNode, seconds, summarize } from './measure.js';
import { section } from './sections.js';

const argv = process.argv.slice(2);
const option = (name) => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};
const RUNS = Number(option('--runs') ?? 3);
/** One-release pairs (presskit, then its floor, or the other way round) in each run. */
const SINGLE_PAIRS = 3;
/**
 * Full builds of the corpus against the floor per run, for the same reason: one pair per run
 * gave ratios from 0.73 to 0.93 within one bench of the same code (issue 20), and a median
 * of three such pairs is a coin's toss near a target. The first pair of a run also times
 * the no-change rebuild and the check.
 */
const FULL_PAIRS = 3;
const FULL = argv.includes('--full');
const KEEP = argv.includes('--keep');
/** The Node every measured process runs on. */
const NODE = option('--node') ?? process.execPath;
/** The heading of BENCHMARKS.md's last section, written by hand and kept by this script. */
const BY_HAND = '## Measured by hand';

/** `--corpus N` is for trying the bench quickly; the report's targets are for 100. */
const CORPUS = Number(option('--corpus') ?? 100);
const BIG_CORPUS = Number(option('--big') ?? 1000);
const FLOOR_CANDIDATES = [1, 2, 3, 4];
const CALIBRATION_DOCS = 24;

const REPO = join(BENCH_DIR, '..');
const LAST_FULL = join(BENCH_DIR, 'last-full.json');

const log = (text) => process.stderr.write(`${text}\n`);
const benchStarted = performance.now();
const loadBefore = loadavg();

const browserPath = findBrowser();
const machine = {
  date: new Date().toISOString(),
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGB: (totalmem() / 1024 ** 3).toFixed(1),
  node: execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim(),
  // Debian's wrapper script complains on stderr about its own arithmetic; only stdout matters.
  chromium: execFileSync(browserPath, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim(),
  browserPath,
  presskit: VERSION,
  mdToPdf: JSON.parse(
    await readFile(join(REPO, 'node_modules', 'md-to-pdf', 'package.json'), 'utf8'),
  ).version,
  puppeteer: JSON.parse(
    await readFile(join(REPO, 'node_modules', 'puppeteer-core', 'package.json'), 'utf8'),
  ).version,
};
const presskitConcurrency = defaultConcurrency();
/**
 * md-to-pdf's CLI converts all the files of one call at once, and waits for network idle
 * (500 ms) on every page, so it gains from many files per call, up to the point where its
 * pages hit its 30 s navigation timeout (all 100 in one call fail here; in trials 50 lost a
 * fifth of them, 34 a few in two runs of three, 30 none). Like the floor, it is measured at
 * its best: the fastest of these numbers of files per call on the whole corpus, once each
 * before the measured runs.
 */
const MD_TO_PDF_CANDIDATES = [10, 20, 25, 30];
/** md-to-pdf's wrapper gets the browser from the bench rather than load puppeteer to find it. */
const MD_TO_PDF_ENV = { BENCH_BROWSER: browserPath };

const work = await mkdtemp(join(tmpdir(), 'presskit-bench-'));

/**
 * Every child runs from a snapshot of lib/, bundled/, fonts/, templates/ and bench/ taken now: the checkout
 * may change while the bench runs (a rebuilt lib/, an edited template would turn the
 * no-change rebuild into a full one), and the figures must all be of one presskit.
 */
const snapshot = join(work, 'presskit');
for (const folder of ['lib', 'bundled', 'bin', 'fonts', 'templates', 'bench']) {
  await cp(join(REPO, folder), join(snapshot, folder), { recursive: true });
}
for (const file of ['package.json', '.puppeteerrc.cjs']) {
  await copyFile(join(REPO, file), join(snapshot, file)).catch(() => undefined);
}
await symlink(join(REPO, 'node_modules'), join(snapshot, 'node_modules'), 'dir');
const CHILD = join(snapshot, 'bench', 'child-build.js');
const FLOOR = join(snapshot, 'bench', 'floor.js');
const MD_TO_PDF = join(snapshot, 'bench', 'md-to-pdf.js');
const PHASES = join(snapshot, 'bench', 'phases.js');
const failures = [];

/** Adds a measured value to its series; a figure this platform cannot give is left out. */
function record(list, value) {
  if (Number.isFinite(value)) list.push(value);
}

/** Runs a child; a failure is logged and kept for the report instead of stopping the bench. */
async function measure(label, script, args, check = () => true, env = {}) {
  // The command's compile cache (V8's code cache of the bundle; see bin/compile-cache.js)
  // in the bench's own folder:
  // warmed by the warm-up runs, never by the user's earlier runs.
  const run = await runNode(script, args, {
    node: NODE,
    env: { XDG_CACHE_HOME: join(work, 'cache'), ...env },
  });
  const ok = run.ok && check(run.result);
  log(`  ${label}: ${seconds(run.wallMs)}${ok ? '' : '  FAILED'}`);
  if (!ok) {
    failures.push({ label, code: run.code, result: run.result, stderr: run.stderr });
  }
  return { ...run, ok };
}

async function removePdfs(dir) {
  for (const name of await readdir(dir)) {
    if (name.endsWith('.pdf')) await rm(join(dir, name));
  }
}

try {
  // ---- corpora ---------------------------------------------------------------------------
  log(
    `presskit bench in ${work}: ${RUNS} runs, corpus of ${CORPUS}${FULL ? ` and ${BIG_CORPUS}` : ''}`,
  );
  const corpus = join(work, 'corpus-100');
  const { releases } = await generateCorpus(corpus, CORPUS);
  const bodies = releases.map((release) => join(corpus, 'bodies', `${release.slug}.md`));
  const htmlFiles = releases.map((release) => join(corpus, 'dist', release.slug, 'index.html'));

  // The single release: the one of median length.
  const byLength = [...releases].sort((a, b) => a.words - b.words);
  const typical = byLength[Math.floor(byLength.length / 2)];
  const single = join(work, 'corpus-1');
  await mkdir(join(single, 'releases'), { recursive: true });
  await mkdir(join(single, 'bodies'), { recursive: true });
  for (const folder of ['releases', 'bodies']) {
    await copyFile(
      join(corpus, folder, `${typical.slug}.md`),
      join(single, folder, `${typical.slug}.md`),
    );
  }
  const singleHtml = join(single, 'dist', typical.slug, 'index.html');
  const singleBody = join(single, 'bodies', `${typical.slug}.md`);
  const words = releases.map((release) => release.words);
  const languages = {};
  for (const release of releases) languages[release.lang] = (languages[release.lang] ?? 0) + 1;

  // ---- warm-up: also produces the HTML the floor prints -------------------------------
  log('warm-up');
  const warm = await measure('presskit build (warm-up)', CHILD, [
    'build',
    corpus,
    'dist',
    '--force',
  ]);
  const warmSingle = await measure('presskit build 1 (warm-up)', CHILD, [
    'build',
    single,
    'dist',
    '--force',
  ]);
  if (!warm.ok || !warmSingle.ok) throw new Error('the warm-up build failed; see above');

  // ---- floor calibration ---------------------------------------------------------------
  log(`floor calibration: 1–4 pages, ${CALIBRATION_DOCS} documents, 2 rounds`);
  const calibration = new Map(FLOOR_CANDIDATES.map((pages) => [pages, []]));
  const floorOut = join(work, 'floor-out');
  for (let round = 0; round < 2; round++) {
    for (const pages of FLOOR_CANDIDATES) {
      const run = await measure(`floor ${pages} page(s)`, FLOOR, [
        String(pages),
        floorOut,
        ...htmlFiles.slice(0, CALIBRATION_DOCS),
      ]);
      if (run.ok) calibration.get(pages).push(run.result.printMs / CALIBRATION_DOCS);
    }
  }
  const floorPages = [...calibration].sort((a, b) => median(a[1]) - median(b[1]))[0][0];
  log(`  best: ${floorPages} page(s)`);

  /** md-to-pdf's CLI over the whole corpus, `perCall` files per call, from no PDFs. */
  const mdToPdfCli = async (perCall) => {
    await removePdfs(join(corpus, 'bodies'));
    return measure(
      `md-to-pdf CLI, ${perCall} file(s) per call`,
      MD_TO_PDF,
      ['cli', String(perCall), ...bodies],
      () => true,
      MD_TO_PDF_ENV,
    );
  };
  log(`md-to-pdf calibration: ${MD_TO_PDF_CANDIDATES.join(', ')} files per call, ${CORPUS} bodies`);
  const mdToPdfCalibration = new Map();
  for (const perCall of MD_TO_PDF_CANDIDATES) {
    const run = await mdToPdfCli(perCall);
    mdToPdfCalibration.set(perCall, run.ok ? run.wallMs : undefined);
  }
  const mdToPdfWorking = [...mdToPdfCalibration].filter(([, ms]) => ms !== undefined);
  const mdToPdfPerCall =
    mdToPdfWorking.sort((a, b) => a[1] - b[1])[0]?.[0] ?? MD_TO_PDF_CANDIDATES[0];
  log(`  best: ${mdToPdfPerCall} files per call`);

  // ---- main loop -------------------------------------------------------------------------
  const series = {
    full: [],
    fullNodeCpu: [],
    floor: [],
    floorOnDemand: [],
    mdToPdf: [],
    noChange: [],
    check: [],
    checkInProcess: [],
    checkImport: [],
    single: [],
    singleFloor: [],
    singleMdToPdf: [],
    rss100: [],
    floorRss: [],
    floorNodeCpu: [],
    fullImport: [],
    fullBrowserCpu: [],
    floorBrowserCpu: [],
    // One release and its floor: where the time goes (CPU of the main thread, of the whole
    // Node process, of the browser; when the release began).
    singleMainCpu: [],
    singleNodeCpu: [],
    singleBrowserCpu: [],
    singleReleaseBegins: [],
    singlePdf: [],
    singleFloorMainCpu: [],
    singleFloorNodeCpu: [],
    singleFloorBrowserCpu: [],
    singleFloorLaunch: [],
    singleFloorPrint: [],
    singleScriptEnd: [],
    singleFloorScriptEnd: [],
    checkMainCpu: [],
  };
  const paired = {
    fullOverFloor: [],
    fullOverFloorOnDemand: [],
    mdOverFull: [],
    mdOverFloor: [],
    singleOverFloor: [],
    noChangeOverFull: [],
  };
  const mdToPdfFailures = [];

  const steps = {
    async presskit(iteration, { fullOnly = false } = {}) {
      const full = await measure('presskit full build', CHILD, [
        'build',
        corpus,
        'dist',
        '--force',
      ]);
      if (full.ok) {
        series.full.push(full.wallMs);
        series.rss100.push(full.result.maxRssKB);
        series.fullImport.push(full.result.importMs);
        series.fullNodeCpu.push(full.result.nodeCpuMs);
        series.fullBrowserCpu.push(full.browserCpuMs);
        iteration.full = full.wallMs;
      }
      if (fullOnly) return;
      const noChange = await measure(
        'presskit no-change rebuild',
        CHILD,
        ['build', corpus, 'dist'],
        (result) => result.unchanged === CORPUS,
      );
      if (noChange.ok) {
        series.noChange.push(noChange.wallMs);
        iteration.noChange = noChange.wallMs;
      }
      const check = await measure('presskit check', CHILD, ['check', corpus]);
      if (check.ok) {
        series.check.push(check.wallMs);
        series.checkInProcess.push(check.result.runMs);
        series.checkImport.push(check.result.importMs);
        record(series.checkMainCpu, check.result.mainThreadCpuMs);
      }
    },
    async floor(iteration) {
      const run = await measure(`floor, ${floorPages} page(s)`, FLOOR, [
        String(floorPages),
        floorOut,
        ...htmlFiles,
      ]);
      if (run.ok) {
        series.floor.push(run.wallMs);
        series.floorRss.push(run.result.maxRssKB);
        series.floorNodeCpu.push(run.result.nodeCpuMs);
        series.floorBrowserCpu.push(run.browserCpuMs);
        iteration.floor = run.wallMs;
      }
    },
    // The floor given presskit's frames on demand too (src/browser/frames.ts): how much of
    // the margin is that switch, which a bare script could pass but whose screenshots it
    // would then have to take another way. For scale, without a target.
    async floorOnDemand(iteration) {
      const run = await measure(
        `floor with frames on demand, ${floorPages} page(s)`,
        FLOOR,
        [String(floorPages), floorOut, ...htmlFiles],
        undefined,
        { FLOOR_FRAMES_ON_DEMAND: '1' },
      );
      if (run.ok) series.floorOnDemand.push((iteration.floorOnDemand = run.wallMs));
    },
    async mdToPdf(iteration) {
      const run = await mdToPdfCli(mdToPdfPerCall);
      if (run.ok) {
        series.mdToPdf.push(run.wallMs);
        iteration.mdToPdf = run.wallMs;
      } else {
        mdToPdfFailures.push(run.result?.firstError ?? `exit ${run.code}`);
      }
    },
  };
  const singleSteps = {
    async presskit(iteration) {
      const run = await measure('presskit, 1 release', CHILD, ['build', single, 'dist', '--force']);
      if (!run.ok) return;
      series.single.push((iteration.single = run.wallMs));
      record(series.singleMainCpu, run.result.mainThreadCpuMs);
      record(series.singleNodeCpu, run.result.nodeCpuMs);
      record(series.singleBrowserCpu, run.browserCpuMs);
      record(series.singleReleaseBegins, run.result.marks.firstRelease);
      record(series.singlePdf, run.result.firstRelease?.pdfMs);
      record(series.singleScriptEnd, run.result.processMs);
    },
    async floor(iteration) {
      const run = await measure('floor, 1 document', FLOOR, ['1', floorOut, singleHtml]);
      if (!run.ok) return;
      series.singleFloor.push((iteration.singleFloor = run.wallMs));
      record(series.singleFloorMainCpu, run.result.mainThreadCpuMs);
      record(series.singleFloorNodeCpu, run.result.nodeCpuMs);
      record(series.singleFloorBrowserCpu, run.browserCpuMs);
      record(series.singleFloorLaunch, run.result.launchMs);
      record(series.singleFloorPrint, run.result.printMs);
      record(series.singleFloorScriptEnd, run.result.processMs);
    },
    async mdToPdf() {
      await removePdfs(join(single, 'bodies'));
      const run = await measure(
        'md-to-pdf, 1 document',
        MD_TO_PDF,
        ['api', singleBody],
        () => true,
        MD_TO_PDF_ENV,
      );
      if (run.ok) series.singleMdToPdf.push(run.wallMs);
    },
  };
  // presskit and its floor run back to back, each first in every other pair, so that each
  // ratio compares two runs under the same load; the tools without a target go around them.
  const pairFirst = (index) => (index % 2 === 0 ? ['presskit', 'floor'] : ['floor', 'presskit']);
  const units = ['pair', 'floorOnDemand', 'mdToPdf'];
  const loopStarted = performance.now();
  for (let index = 0; index < RUNS; index++) {
    if (index === 1) {
      const perRun = performance.now() - loopStarted;
      log(`  (about ${seconds(perRun * (RUNS - 1))} more for the remaining runs)`);
    }
    log(`run ${index + 1}/${RUNS}`);
    const iteration = {};
    // A different unit goes first each time, so a load spike does not always hit the same one.
    const order = units.map((_, offset) => units[(index + offset) % units.length]);
    const ratio = (a, b) => (a !== undefined && b !== undefined ? a / b : undefined);
    const push = (list, value) => value !== undefined && list.push(value);
    for (const unit of order) {
      if (unit !== 'pair') {
        await steps[unit](iteration);
        continue;
      }
      for (let pair = 0; pair < FULL_PAIRS; pair++) {
        // The run's other ratios (md-to-pdf, the no-change rebuild) use its first pair.
        const full = pair === 0 ? iteration : {};
        for (const name of pairFirst(index * FULL_PAIRS + pair)) {
          await steps[name](full, { fullOnly: pair > 0 });
        }
        push(paired.fullOverFloor, ratio(full.full, full.floor));
      }
    }
    push(paired.fullOverFloorOnDemand, ratio(iteration.full, iteration.floorOnDemand));
    push(paired.mdOverFull, ratio(iteration.mdToPdf, iteration.full));
    push(paired.mdOverFloor, ratio(iteration.mdToPdf, iteration.floor));
    push(paired.noChangeOverFull, ratio(iteration.noChange, iteration.full));
    // A one-release run lasts under a second, where the load's swings are a tenth of it:
    // several pairs per run, and md-to-pdf's single before them, not between them.
    await singleSteps.mdToPdf();
    for (let pair = 0; pair < SINGLE_PAIRS; pair++) {
      const single = {};
      for (const name of pairFirst(index * SINGLE_PAIRS + pair)) await singleSteps[name](single);
      push(paired.singleOverFloor, ratio(single.single, single.singleFloor));
    }
  }

  // ---- the headless shell against full Chromium ------------------------------------------
  // What presskit's choice of browser is worth: the same build with the full browser it
  // would take if there were no shell, alternating, twice.
  const fullChromium = isHeadlessShell(browserPath)
    ? defaultFallbacks().find((path) => !isHeadlessShell(path) && existsSync(path))
    : undefined;
  const byBrowser = { shell: [], full: [] };
  if (fullChromium) {
    log('presskit with full Chromium instead of the headless shell');
    for (let round = 0; round < 2; round++) {
      for (const [key, env] of [
        ['full', { PUPPETEER_EXECUTABLE_PATH: fullChromium }],
        ['shell', {}],
      ]) {
        const run = await measure(
          `presskit full build, ${key}`,
          CHILD,
          ['build', corpus, 'dist', '--force'],
          () => true,
          env,
        );
        if (run.ok) byBrowser[key].push(run.wallMs);
      }
    }
  }

  // ---- where the time goes ---------------------------------------------------------------
  log(`where the time goes: ${CORPUS} releases under the CPU profiler`);
  const phases = await measure('phases', PHASES, [corpus], (result) => Boolean(result?.byStage));

  // ---- 1,000 releases --------------------------------------------------------------------
  let big;
  if (FULL) {
    const loadBeforeFull = loadavg();
    log(`${BIG_CORPUS}-release corpus`);
    const bigCorpus = join(work, 'corpus-1000');
    await generateCorpus(bigCorpus, BIG_CORPUS);
    const build = await measure(`presskit full build, ${BIG_CORPUS}`, CHILD, [
      'build',
      bigCorpus,
      'dist',
      '--force',
    ]);
    const noChange = await measure(
      `presskit no-change rebuild, ${BIG_CORPUS}`,
      CHILD,
      ['build', bigCorpus, 'dist'],
      (result) => result.unchanged === BIG_CORPUS,
    );
    // Three runs, the median kept: one run of a few seconds moves with the machine's load.
    const checkRuns = [];
    const checkMainCpu = [];
    const checkProcessCpu = [];
    for (let round = 0; round < 3; round++) {
      const run = await measure(`presskit check, ${BIG_CORPUS}`, CHILD, ['check', bigCorpus]);
      if (!run.ok) continue;
      checkRuns.push(run.wallMs);
      record(checkMainCpu, run.result.mainThreadCpuMs);
      record(checkProcessCpu, run.result.nodeCpuMs);
    }
    // Where check's time goes: whose code its main thread runs, under the CPU profiler.
    const checkPhases = await measure(`check of ${BIG_CORPUS} under the CPU profiler`, PHASES, [
      bigCorpus,
      'check',
    ]);
    // One release of the 1,000 changed (in the middle of the list, a sentence added), then a
    // build without --force, beside a one-release build from a cold process: 3 of each,
    // alternating. The target is the ratio of the two.
    const sorted = [...(await readdir(join(bigCorpus, 'releases')))].sort();
    const changedFile = join(bigCorpus, 'releases', sorted[Math.floor(sorted.length / 2)]);
    const oneChanged = { changed: [], single: [], paired: [] };
    for (let round = 0; round < 3; round++) {
      await writeFile(
        changedFile,
        `${await readFile(changedFile, 'utf8')}\nUne phrase de plus (${round + 1}).\n`,
      );
      const changed = await measure(
        `presskit build, 1 of ${BIG_CORPUS} changed`,
        CHILD,
        ['build', bigCorpus, 'dist'],
        (result) => result.built === 1 && result.unchanged === BIG_CORPUS - 1,
      );
      const one = await measure('presskit, 1 release', CHILD, ['build', single, 'dist', '--force']);
      if (changed.ok) oneChanged.changed.push(changed.wallMs);
      if (one.ok) oneChanged.single.push(one.wallMs);
      if (changed.ok && one.ok) oneChanged.paired.push(changed.wallMs / one.wallMs);
    }
    // Why the floor replaces a page after 20 documents: does a page printing inline fonts slow down with use?
    const many = [...htmlFiles, ...htmlFiles, ...htmlFiles, ...htmlFiles];
    log(`page reuse: floor, ${many.length} documents on 2 pages`);
    const pageReuse = {};
    for (const [label, pages] of [
      ['kept for every document', '2:1000000'],
      ["replaced every 20 documents (the floor's default)", '2:20'],
    ]) {
      const run = await measure(`floor, pages ${label}`, FLOOR, [pages, floorOut, ...many]);
      pageReuse[label] = run.ok
        ? { wallMs: run.wallMs, blocksOf100Ms: run.result.blocksOf100Ms }
        : { failed: true };
    }
    big = {
      date: machine.date,
      machine,
      loadBefore: loadBeforeFull,
      build: build.ok
        ? {
            wallMs: build.wallMs,
            maxRssKB: build.result.maxRssKB,
            buildMs: build.result.buildMs,
            nodeCpuMs: build.result.nodeCpuMs,
            mainThreadCpuMs: build.result.mainThreadCpuMs,
            browserCpuMs: build.browserCpuMs,
          }
        : { failed: true },
      noChange: noChange.ok ? { wallMs: noChange.wallMs } : { failed: true },
      check:
        checkRuns.length > 0
          ? {
              wallMs: median(checkRuns),
              runsMs: checkRuns,
              ...(checkMainCpu.length > 0 ? { mainThreadCpuMs: median(checkMainCpu) } : {}),
              ...(checkProcessCpu.length > 0 ? { nodeCpuMs: median(checkProcessCpu) } : {}),
            }
          : { failed: true },
      ...(checkPhases.ok
        ? {
            checkPhases: {
              wallMs: checkPhases.result.wallMs,
              nodeCpuMs: checkPhases.result.nodeCpuMs,
              byPackage: checkPhases.result.byPackage,
            },
          }
        : {}),
      oneChanged,
      pageReuse,
      loadAfter: loadavg(),
      corpus: CORPUS,
      // The same run's 100-release figures, so that these can be read against them.
      full100: { wallMs: median(series.full), maxRssKB: median(series.rss100) },
    };
    // Only the real 100/1,000 comparison is kept for later runs, not a trial with --corpus.
    if (CORPUS === 100) await writeFile(LAST_FULL, `${JSON.stringify(big, null, 2)}\n`);
  } else {
    big = await readFile(LAST_FULL, 'utf8')
      .then((text) => ({ ...JSON.parse(text), carried: true }))
      .catch(() => undefined);
  }

  // ---- report ----------------------------------------------------------------------------
  // The corpus the --full figures were measured beside: this run's, or the one carried over.
  const bigCorpusBase = big?.corpus ?? (big?.carried ? 100 : CORPUS);
  const s = Object.fromEntries(Object.entries(series).map(([key, list]) => [key, summarize(list)]));
  const loadAfter = loadavg();
  const ratios = [
    [
      'full build / floor',
      median(paired.fullOverFloor),
      s.full.median / s.floor.median,
      '≤ 0.85',
      (r) => r <= 0.85,
    ],
    [
      'single release / single floor',
      median(paired.singleOverFloor),
      s.single.median / s.singleFloor.median,
      '≤ 1.0',
      (r) => r <= 1.0,
    ],
    [
      'no-change / full build',
      median(paired.noChangeOverFull),
      s.noChange.median / s.full.median,
      '≤ 0.10',
      (r) => r <= 0.1,
    ],
    [
      'check of 100 (process, seconds)',
      s.check.median / 1000,
      s.check.median / 1000,
      '< 1.5 s',
      (r) => r < 1.5,
    ],
    [
      'full build / floor with frames on demand (for scale)',
      median(paired.fullOverFloorOnDemand),
      s.full.median / s.floorOnDemand.median,
      'none',
      undefined,
    ],
    [
      'md-to-pdf / full build (for scale)',
      median(paired.mdOverFull),
      s.mdToPdf.median / s.full.median,
      'none (retired)',
      undefined,
    ],
  ];
  // The 1,000-release targets: this run's --full figures, or the last ones, dated.
  const oneChanged = big?.oneChanged;
  const scaleTargets = big
    ? [
        [
          `build of ${BIG_CORPUS.toLocaleString('en')} releases`,
          big.build?.wallMs / 1000,
          '≤ 45 s',
          (v) => v <= 45,
          's',
        ],
        [
          `peak RSS of the Node process, ${BIG_CORPUS.toLocaleString('en')} releases`,
          big.build?.maxRssKB / 1024,
          '≤ 250 MB',
          (v) => v <= 250,
          'MB',
        ],
        [
          `check of ${BIG_CORPUS.toLocaleString('en')}${big.check?.runsMs ? ` (median of ${big.check.runsMs.length} runs: ${big.check.runsMs.map(seconds).join(', ')})` : ''}`,
          big.check?.wallMs / 1000,
          '≤ 2 s',
          (v) => v <= 2,
          's',
        ],
        [
          `1 of ${BIG_CORPUS.toLocaleString('en')} changed / one-release build (paired, ${oneChanged?.paired?.length ?? 0} runs: ${seconds(median(oneChanged?.changed ?? []))} against ${seconds(median(oneChanged?.single ?? []))})`,
          median(oneChanged?.paired ?? []),
          '≤ 2×',
          (v) => v <= 2,
          '×',
        ],
      ]
    : [];
  /**
   * How busy each run keeps the cores: a bound met on CPU can still be missed on the wall,
   * where the cores wait (Node on Chromium, Chromium on Node, both on the start-up). Wall
   * time is CPU time over the cores kept busy, so the full build's ratio of medians is their
   * CPU's ratio times how much busier the floor keeps the cores; under load both keep them
   * busy, and the ratio tends to the CPU's.
   */
  const busyCores = () => {
    const presskitCpu = s.fullNodeCpu.median + s.fullBrowserCpu.median;
    const floorCpu = s.floorNodeCpu.median + s.floorBrowserCpu.median;
    const busy = (cpuMs, wallMs) => (cpuMs / (wallMs * machine.cores)) * 100;
    const presskitBusy = busy(presskitCpu, s.full.median);
    const floorBusy = busy(floorCpu, s.floor.median);
    if (!Number.isFinite(presskitBusy) || !Number.isFinite(floorBusy)) return [];
    const allowedMs = (0.85 * s.floor.median * machine.cores * presskitBusy) / 100;
    return [
      `The cores are not busy all the time: presskit's full build kept them ${fmt(presskitBusy, 0)} % busy (its CPU time over ${machine.cores} × its wall time), the floor ${fmt(floorBusy, 0)} %. They wait while Node starts and renders the first kit alone (Chromium is booting), at the end (the last kits' zips, the newsroom, the close), and wherever a page waits for Node or Node for a page. As busy as it is, presskit would meet 0.85× with at most ${fmt(allowedMs / CORPUS, 1)} ms of CPU per release for Node and Chromium together, against ${fmt(presskitCpu / CORPUS, 1)} measured.`,
      '',
      ...(presskitBusy > 0 && floorCpu > 0
        ? [
            `Taken apart, the full build's ratio of medians (${fmt(s.full.median / s.floor.median, 2)}) is the ratio of their CPU per release (${fmt(presskitCpu / CORPUS, 1)} against ${fmt(floorCpu / CORPUS, 1)} ms: ${fmt(presskitCpu / floorCpu, 2)}) times the ratio of how busy they keep the cores (the floor's over presskit's: ${fmt(floorBusy / presskitBusy, 2)}). Where other work keeps the cores busy (this machine is shared), both runs wait less for each other and more for the cores, and the ratio tends to the CPU's alone.`,
            '',
          ]
        : []),
    ];
  };
  /**
   * One release against its floor: the whole build's JavaScript runs on one thread, which
   * is the limit where the browser is not (see the release's marks).
   */
  const singleReleaseBound = () => {
    if (s.singleMainCpu.n === 0 || s.singleFloor.n === 0) return [];
    const mainMs = s.singleMainCpu.median;
    const waitMs = s.single.median - mainMs;
    const allowedMs = s.singleFloor.median - waitMs;
    return [
      '### One release: where its time goes',
      '',
      `Medians of ${s.single.n} runs. CPU of the main thread (every line of JavaScript runs there, in turn), of the whole Node process (with V8's garbage-collector and compiler threads), and of the browser's processes.`,
      '',
      '| | wall | Node main thread | Node process | Chromium |',
      '| --- | --- | --- | --- | --- |',
      `| presskit, 1 release | ${seconds(s.single.median)} | ${seconds(mainMs)} | ${seconds(s.singleNodeCpu.median)} | ${seconds(s.singleBrowserCpu.median)} |`,
      `| floor, 1 document | ${seconds(s.singleFloor.median)} | ${seconds(s.singleFloorMainCpu.median)} | ${seconds(s.singleFloorNodeCpu.median)} | ${seconds(s.singleFloorBrowserCpu.median)} |`,
      '',
      `presskit's release begins ${seconds(s.singleReleaseBegins.median)} after its process starts (Node's own start, the package entry, the browser's launch begun, the project read and the build's modules loaded), and its PDF takes ${seconds(s.singlePdf.median)} from the print's start to the end of its post-processing; the floor's browser is up after ${seconds(s.singleFloorLaunch.median)} and prints in ${seconds(s.singleFloorPrint.median)}. presskit's main thread was busy ${seconds(mainMs)} of its ${seconds(s.single.median)}: Chromium prints while that thread goes on (loading the PDF code, making the kit's other files), so the thread, not the browser, is the limit. The nearest physical limit: with the ${seconds(waitMs)} of that run when the thread was not busy (Node starting, the browser's last steps and its close), matching the floor (${seconds(s.singleFloor.median)}) leaves the main thread at most ${seconds(allowedMs)} of work, against ${seconds(mainMs)} measured: a one-release build must load, as JavaScript, the code of everything it makes (the page, the PDF post-processing, the text, the e-mail, the vCards, the zip) where the floor loads puppeteer alone.`,
      '',
      `Each script's last line runs ${seconds(s.singleScriptEnd.median)} (presskit) and ${seconds(s.singleFloorScriptEnd.median)} (floor) after its process starts; the rest of each wall time is Node ending. The floor's Node waits there on puppeteer's timers: closing a page, or the browser with \`browser.close()\`, starts a 100 ms one per page (puppeteer waits for a page swap). presskit's browser manager disconnects before it stops Chrome, and leaves none.`,
      '',
    ];
  };
  /** The 1,000-release targets against the machine: its cores for the build, one thread for check. */
  const scaleBounds = () => {
    const lines = [];
    const b = big?.build;
    if (b?.nodeCpuMs && b?.browserCpuMs) {
      const perRelease = (ms) => fmt(ms / BIG_CORPUS, 1);
      const boundMs = (b.nodeCpuMs + b.browserCpuMs) / machine.cores;
      lines.push(
        `### ${BIG_CORPUS.toLocaleString('en')} releases: the bound${big.carried ? ` (measured ${big.date})` : ''}`,
        '',
        `The build of ${BIG_CORPUS.toLocaleString('en')} used ${seconds(b.nodeCpuMs)} of Node CPU (${perRelease(b.nodeCpuMs)} ms per release; main thread ${seconds(b.mainThreadCpuMs)}) and ${seconds(b.browserCpuMs)} of Chromium CPU (${perRelease(b.browserCpuMs)} ms per release). On ${machine.cores} cores it can take no less than their sum over ${machine.cores}: ${seconds(boundMs)}, against ${seconds(b.wallMs)} measured and a target of 45 s, which would allow ${fmt((45000 * machine.cores) / BIG_CORPUS, 1)} ms of CPU per release for both together, against ${perRelease(b.nodeCpuMs + b.browserCpuMs)} measured.`,
        '',
      );
    }
    const c = big?.check;
    if (c?.mainThreadCpuMs) {
      const p = big.checkPhases;
      const packages = p
        ? Object.entries(p.byPackage)
            .filter(([name]) => name !== '(idle)')
            .sort((x, y) => y[1] - x[1])
            .slice(0, 8)
        : [];
      const profiled = packages.reduce((sum, [, ms]) => sum + ms, 0);
      lines.push(
        `check of ${BIG_CORPUS.toLocaleString('en')}: its main thread was busy ${seconds(c.mainThreadCpuMs)} of its ${seconds(c.wallMs)}. A check reads and validates each release in JavaScript, on that one thread; the other core already runs V8's garbage collector and compiler threads${c.nodeCpuMs ? ` (the process used ${seconds(c.nodeCpuMs)} of CPU in all)` : ''}, and spreading releases over worker threads, measured by hand on the 2-core machine of issue 20, gained nothing. So the thread is the limit: ≤ 2 s needs its work under ${fmt((2000 - (c.wallMs - c.mainThreadCpuMs)) / BIG_CORPUS, 2)} ms per release, against ${fmt(c.mainThreadCpuMs / BIG_CORPUS, 2)} measured.${packages.length > 0 ? ` Whose code that is, from one check under the CPU profiler (bench/phases.js, the bundle as users run it, ${seconds(p.wallMs)} with the profiler's overhead), ms per release: ${packages.map(([name, ms]) => `${name} ${fmt(ms / BIG_CORPUS, 2)}`).join(', ')} (${fmt((100 * profiled) / Object.values(p.byPackage).reduce((sum, ms) => sum + ms, 0), 0)} % of the samples).` : ''}`,
        '',
      );
    }
    return lines;
  };
  const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
  const verdict = (value, test) =>
    test === undefined
      ? ''
      : Number.isFinite(value)
        ? test(value)
          ? 'met'
          : '**missed**'
        : 'not measured';
  const row = (label, summary, extra = '') =>
    `| ${label} | ${seconds(summary.median)} | ${seconds(summary.min)} – ${seconds(summary.max)} | ${summary.n} | ${extra} |`;

  const lines = [];
  lines.push(
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.js) on ${machine.date}. Do not edit by hand.`,
    '',
    '## Machine',
    '',
    `- ${machine.cores} cores (${machine.cpu}), ${machine.memoryGB} GB RAM`,
    `- Node ${machine.node}, ${machine.chromium} (\`${machine.browserPath}\`, what presskit finds here; every tool below runs it), puppeteer ${machine.puppeteer}, md-to-pdf ${machine.mdToPdf}, presskit ${machine.presskit}`,
    `- Load average (1, 5, 15 min) before: ${loadBefore.map((v) => v.toFixed(2)).join(', ')}; after: ${loadAfter.map((v) => v.toFixed(2)).join(', ')}`,
    `- ${RUNS} runs; the whole bench took ${seconds(performance.now() - benchStarted)}`,
    '',
    '## Corpus',
    '',
    `${CORPUS} generated releases (seeded, bench/corpus.js): ${Object.entries(languages)
      .map(([lang, count]) => `${count} ${lang}`)
      .join(
        ', ',
      )}; ${Math.min(...words)}–${Math.max(...words)} words (median ${median(words)}); quotes, one or two contacts with phone numbers, tags, some under embargo; no images. Single release: \`${typical.slug}\` (${typical.words} words).`,
    '',
    '## Results',
    '',
    'Wall time of each command as its own process, start to exit. Median, range, number of successful runs.',
    '',
    '| measurement | median | min – max | runs | notes |',
    '| --- | --- | --- | --- | --- |',
    row(
      `presskit full build, ${CORPUS} releases`,
      s.full,
      `concurrency ${presskitConcurrency} (default); the package entry (bundled/index.js) loads in ${seconds(s.fullImport.median)}, the rest on demand`,
    ),
    row(`floor: bare puppeteer, ${CORPUS} PDFs`, s.floor, `${floorPages} page(s), one launch`),
    row(
      `floor with frames on demand, ${CORPUS} PDFs`,
      s.floorOnDemand,
      "the same, its shell given presskit's begin-frame switches (for scale, see Method)",
    ),
    row(
      `md-to-pdf, ${CORPUS} bodies`,
      s.mdToPdf,
      `its CLI, ${mdToPdfPerCall} files per call, ${Math.ceil(CORPUS / mdToPdfPerCall)} call(s) in turn (its best, see below)${mdToPdfFailures.length ? `; ${mdToPdfFailures.length} failed run(s): ${mdToPdfFailures[0]}` : ''}`,
    ),
    row(`presskit no-change rebuild, ${CORPUS}`, s.noChange, 'same output folder, no --force'),
    row(
      `presskit check, ${CORPUS}`,
      s.check,
      `bundled/index.js ${seconds(s.checkImport.median)}, then check() ${seconds(s.checkInProcess.median)} with its modules`,
    ),
    row('presskit, 1 release', s.single, 'launch + build + close'),
    row('floor, 1 document', s.singleFloor, 'launch + one PDF + close'),
    row('md-to-pdf, 1 document', s.singleMdToPdf, 'public mdToPdf() API'),
    '',
    '## Ratios and targets',
    '',
    `Paired: the ratio of presskit's run to its floor's, run back to back (each first in every other pair), median over the pairs: ${FULL_PAIRS} per run for the full build, ${SINGLE_PAIRS} per run for one release (load changes between runs, less within a pair). Of medians: the ratio of the medians above.`,
    '',
    '| ratio | paired | of medians | target | |',
    '| --- | --- | --- | --- | --- |',
    ...ratios.map(
      ([label, pairedValue, ofMedians, target, test]) =>
        `| ${label} | ${fmt(pairedValue)} | ${fmt(ofMedians)} | ${target} | ${verdict(pairedValue, test)} |`,
    ),
    '',
    `For scale, without a target (issue 20 retired \`≥ 3× md-to-pdf\`: md-to-pdf itself runs at ${fmt(median(paired.mdOverFloor))}× the floor here, paired, so no tool could meet it): md-to-pdf / presskit's full build is in the table above.`,
    '',
    `### At ${BIG_CORPUS.toLocaleString('en')} releases${big?.carried ? ` (measured ${big.date} with --full, carried over)` : ''}`,
    '',
    ...(scaleTargets.length > 0
      ? [
          '| figure | measured | target | |',
          '| --- | --- | --- | --- |',
          ...scaleTargets.map(
            ([label, value, target, test, unit]) =>
              `| ${label} | ${fmt(value, unit === 'MB' ? 0 : 2)} ${unit} | ${target} | ${verdict(value, test)} |`,
          ),
          '',
          `Growth from ${bigCorpusBase} to ${BIG_CORPUS.toLocaleString('en')} releases (${fmt(BIG_CORPUS / bigCorpusBase, 0)}× the releases), in the same run: time ${fmt(big.build?.wallMs / big.full100?.wallMs, 1)}×, peak memory ${fmt(big.build?.maxRssKB / big.full100?.maxRssKB, 2)}×. Load average (1, 5, 15 min) before the ${BIG_CORPUS.toLocaleString('en')}-release part: ${(big.loadBefore ?? []).map((v) => v.toFixed(2)).join(', ')}; after: ${(big.loadAfter ?? []).map((v) => v.toFixed(2)).join(', ')}.`,
        ]
      : ['Not measured: run `npm run bench -- --full`.']),
    '',
    ...(byBrowser.full.length > 0 && byBrowser.shell.length > 0
      ? [
          `The browser: presskit found Chromium's headless shell here. The same full build with full Chromium (\`${fullChromium}\`), the browser it takes where there is no shell, took ${seconds(median(byBrowser.full))} against ${seconds(median(byBrowser.shell))} with the shell (${byBrowser.full.length} alternating runs each): the shell saves ${fmt(100 * (1 - median(byBrowser.shell) / median(byBrowser.full)), 0)} % of the build. Full Chromium starts a print compositor process for every PDF; the shell writes the PDF in the page's own process. The floor and md-to-pdf run the shell too.`,
          '',
        ]
      : []),
    '## CPU: where the floor and the bound are',
    '',
    `CPU time per release, median of ${s.fullNodeCpu.n} runs (less sensitive to other load than wall time). Node: the process's own (\`process.cpuUsage()\`, start-up and imports included). Chromium: every process the run started, read from /proc by bench/process-cpu.js.`,
    '',
    '| | Node ms per release | Chromium ms per release | both, per release | wall time can be no less than (both / cores) |',
    '| --- | --- | --- | --- | --- |',
    `| presskit full build | ${fmt(s.fullNodeCpu.median / CORPUS, 1)} | ${fmt(s.fullBrowserCpu.median / CORPUS, 1)} | ${fmt((s.fullNodeCpu.median + s.fullBrowserCpu.median) / CORPUS, 1)} | ${seconds((s.fullNodeCpu.median + s.fullBrowserCpu.median) / machine.cores)} (measured ${seconds(s.full.median)}) |`,
    `| floor | ${fmt(s.floorNodeCpu.median / CORPUS, 1)} | ${fmt(s.floorBrowserCpu.median / CORPUS, 1)} | ${fmt((s.floorNodeCpu.median + s.floorBrowserCpu.median) / CORPUS, 1)} | ${seconds((s.floorNodeCpu.median + s.floorBrowserCpu.median) / machine.cores)} (measured ${seconds(s.floor.median)}) |`,
    '',
    `The nearest physical limit: on ${machine.cores} cores no run can take less wall time than its CPU time over ${machine.cores}. For the full build to take 0.85× the floor (${seconds(0.85 * s.floor.median)}), presskit's Chromium and Node together could use at most ${seconds(0.85 * s.floor.median * machine.cores)} of CPU, ${fmt((0.85 * s.floor.median * machine.cores) / CORPUS, 1)} ms per release; with its Chromium at ${fmt(s.fullBrowserCpu.median / CORPUS, 1)} ms (less than the floor's ${fmt(s.floorBrowserCpu.median / CORPUS, 1)}: presskit prints a leaner document), its Node process would have to use at most ${fmt((0.85 * s.floor.median * machine.cores - s.fullBrowserCpu.median) / CORPUS, 1)} ms per release, against ${fmt(s.fullNodeCpu.median / CORPUS, 1)} measured.`,
    '',
    ...busyCores(),
    ...singleReleaseBound(),
    ...scaleBounds(),
    '## Memory',
    '',
    "Peak RSS of the presskit Node process (`process.resourceUsage().maxRSS`); Chromium's processes are not included.",
    '',
    '| corpus | peak RSS | wall time |',
    '| --- | --- | --- |',
    `| ${CORPUS} releases | ${megabytes(s.rss100.median)} (median of ${s.rss100.n}) | ${seconds(s.full.median)} |`,
    big?.build?.maxRssKB
      ? `| ${BIG_CORPUS.toLocaleString('en')} releases | ${megabytes(big.build.maxRssKB)}${big.carried && big.full100 ? ` (that run's 100: ${megabytes(big.full100.maxRssKB)})` : ''} | ${seconds(big.build.wallMs)}${big.carried ? ` (measured ${big.date} with --full)` : ''} |`
      : `| ${BIG_CORPUS.toLocaleString('en')} releases | not measured (run \`npm run bench -- --full\`) | |`,
    `| floor, ${CORPUS} PDFs (for comparison) | ${megabytes(s.floorRss.median)} | |`,
  );
  if (big?.build?.wallMs && big.full100?.wallMs) {
    lines.push(
      '',
      `Time at scale${big.carried ? ` (measured ${big.date})` : ''}: the ${BIG_CORPUS}-release build took ${fmt(big.build.wallMs / big.full100.wallMs, 1)}× the ${bigCorpusBase}-release build of the same run (${fmt(BIG_CORPUS / bigCorpusBase, 0)}× the releases).`,
    );
  }
  if (big?.pageReuse) {
    lines.push(
      '',
      `Reusing a page for many documents${big.carried ? ` (measured ${big.date})` : ''}: the floor printing ${bigCorpusBase * 4} documents on 2 pages, seconds per successive block of 100:`,
      '',
      '| pages | blocks of 100 | total |',
      '| --- | --- | --- |',
      ...Object.entries(big.pageReuse).map(
        ([label, run]) =>
          `| ${label} | ${run.failed ? 'failed' : run.blocksOf100Ms.map((ms) => fmt(ms / 1000, 1)).join(', ')} | ${seconds(run.wallMs)} |`,
      ),
    );
  }
  if (big?.noChange?.wallMs) {
    lines.push(
      '',
      `At ${BIG_CORPUS.toLocaleString('en')} releases${big.carried ? ` (measured ${big.date})` : ''}: no-change rebuild ${seconds(big.noChange.wallMs)}, check ${seconds(big.check?.wallMs)}.`,
    );
  }
  lines.push(
    '',
    '## Calibration',
    '',
    `Bare puppeteer, ${CALIBRATION_DOCS} documents, printing time per document (median of 2 rounds):`,
    '',
    '| pages | per document |',
    '| --- | --- |',
  );
  for (const [pages, list] of calibration) lines.push(`| ${pages} | ${fmt(median(list), 0)} ms |`);
  lines.push(
    '',
    `md-to-pdf's CLI on the ${CORPUS} bodies, calls of N files one after the other, once each; the fastest is used above:`,
    '',
    '| files per call | calls | wall time |',
    '| --- | --- | --- |',
  );
  for (const [perCall, ms] of mdToPdfCalibration) {
    lines.push(
      `| ${perCall} | ${Math.ceil(CORPUS / perCall)} | ${ms === undefined ? 'failed' : seconds(ms)} |`,
    );
  }

  if (phases.ok) {
    const p = phases.result;
    const perRelease = (ms) => fmt(ms / p.releases, 1);
    const top = (table, count) => {
      const rows = Object.entries(table).sort((a, b) => b[1] - a[1]);
      const shown = rows.slice(0, count);
      const rest = rows.slice(count).reduce((sum, [, ms]) => sum + ms, 0);
      return [...shown, ...(rest > 0 ? [['everything else', rest]] : [])];
    };
    lines.push(
      '',
      "## Where presskit's time goes",
      '',
      `bench/phases.js: the real \`build()\` of the ${p.releases} releases (the bundle as users run it, each sampled line given to its module by the comment rolldown writes above each module), in one process under V8's CPU profiler, each sample's time given to the presskit stage it was spent in (the innermost frame in a module of lib/<stage>/, the libraries it calls included), else to the npm package or to what V8 names it. "(idle)" is the Node process waiting: for Chromium or the disk. Node used ${perRelease(p.nodeCpuMs)} ms of CPU per release in this run, Chromium ${perRelease(p.browserCpuMs)}; the median release's PDF took ${fmt(p.pdfMsMedian, 0)} ms from the print's start to its post-processing's end.`,
      '',
      '| stage or package | ms per release |',
      '| --- | --- |',
      ...top(p.byStage, 16).map(([name, ms]) => `| ${name} | ${perRelease(ms)} |`),
      '',
      'The files of lib/ that take most (ms per release):',
      '',
      '| file | ms per release |',
      '| --- | --- |',
      ...top(p.byFile, 10).map(([name, ms]) => `| ${name} | ${perRelease(ms)} |`),
    );
  }

  lines.push(
    '',
    '## How each tool was run',
    '',
    `- **presskit**: \`build({ root, out: 'dist', force: true })\` from the package entry (bundled/index.js, what \`import 'presskit'\` loads) in a fresh Node process (bench/child-build.js), with the command's compile cache turned on first as \`presskit\` turns it on (bin/compile-cache.js: V8's code cache of the bundle's files, warmed by the warm-up runs), default concurrency (${presskitConcurrency} on this machine). The no-change rebuild is the same call without \`force\`, right after; it must report all ${CORPUS} releases unchanged to count.`,
    `- **floor** (bench/floor.js): one Chromium launch with the executable and switches presskit uses but for frames on demand, N reused pages, each replaced by a fresh one after 20 documents, its best with inline fonts (see the page-reuse table; presskit, whose print fonts are served, replaces its pages after 100), \`page.setContent(html, { waitUntil: 'load' })\` + \`page.pdf()\` with presskit's options (preferCSSPageSize, printBackground, tagged, outline, waitForFonts), each PDF written to disk. It prints the \`index.html\` files of the kits presskit built (fonts inline; no images in the corpus, so they are standalone). N is the best of 1–4 pages from the calibration above. No interception, no JavaScript switch-off, no PDF post-processing, no zip. presskit itself prints a print version of each page whose fonts its page's request filter serves from memory, which Chrome then keeps for the page's next documents instead of decoding inline fonts again for each, on pages that show print media from the start, so that Chrome styles and lays out each document once rather than for the screen and then for print: its Chromium spends less per document than the floor's (see the phase table, which prints each release both ways).`,
    `- **floor with frames on demand**: the floor, its headless shell also given the two switches with which presskit's draws a page's frames only when asked (src/browser/frames.ts: \`--enable-begin-frame-control\`, \`--run-all-compositor-stages-before-draw\`). A print needs no frame, and Chrome otherwise draws one after each document loads. A bare script would not pass them: they stop \`page.screenshot()\`, and presskit takes its one picture, the social card, through \`HeadlessExperimental.beginFrame\` instead. Shown for scale, without a target: how much of presskit's margin over the floor is that switch.`,
    `- **md-to-pdf** (bench/md-to-pdf.js) on the Markdown bodies (frontmatter removed, since md-to-pdf reads frontmatter as its own configuration), launched with \`--launch-options '{ "executablePath": …, "args": ["--no-sandbox"] }'\`: the same browser executable as presskit and the floor, in md-to-pdf's own headless mode. The ${CORPUS} documents are converted by md-to-pdf's own command, as \`xargs -n N md-to-pdf\` would run it: calls of N files one after the other, each call launching one browser and converting its files all at once (the CLI has no concurrency setting). N is the fastest of ${MD_TO_PDF_CANDIDATES.join(', ')} files per call (${mdToPdfPerCall} in this run; see the calibration below): with all ${CORPUS} files in one call, md-to-pdf's pages hit its 30 s navigation timeout (measured in earlier runs: 20 of 100 PDFs written), and one call per file, a shell loop, took 182 s for the 100. The single document uses the public \`mdToPdf()\` API, one browser launch.`,
  );
  if (failures.length > 0) {
    lines.push('', '## Failed runs', '');
    for (const failure of failures) {
      lines.push(
        `- ${failure.label}: exit ${failure.code}; ${JSON.stringify(failure.result ?? failure.stderr.split('\n').slice(-3).join(' '))}`,
      );
    }
  }
  const previous = await readFile(join(REPO, 'BENCHMARKS.md'), 'utf8').catch(() => '');
  // bench/install-size.js writes the install's section; it is kept as it was.
  const installSection = section(previous, '## Installed size');
  if (installSection !== '') lines.push('', installSection);
  // A last section measured by hand (not by this script) is carried over as it is.
  const byHand = previous.indexOf(BY_HAND);
  const kept = byHand < 0 ? '' : `\n${previous.slice(byHand)}`;
  const markdown = `${lines.join('\n')}\n${kept}`;
  await writeFile(join(REPO, 'BENCHMARKS.md'), markdown);

  // The terminal gets the two tables that matter.
  const start = markdown.indexOf('## Results');
  const end = markdown.indexOf('## Memory');
  process.stdout.write(`${markdown.slice(start, end)}`);
  process.stdout.write(
    `Full report: BENCHMARKS.md (${seconds(performance.now() - benchStarted)})\n`,
  );
} finally {
  if (KEEP) log(`kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
