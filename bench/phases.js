/**
 * Where presskit's time goes: the real `build()` of a corpus, run under V8's CPU profiler in
 * this process, every sample's time given to the presskit stage it was spent in (the
 * innermost frame under lib/<stage>/, libraries it calls included), else to the npm package,
 * else to what V8 names it (garbage collector, idle: waiting for Chromium or the disk).
 * It calls nothing but the public build(), so it cannot fall out of step with the build's
 * internals. It runs the bundle, as users do (the bundle patches some libraries, see
 * rolldown.config.js); a sampled line is given to the module it came from by the
 * `// lib/…` or `// node_modules/…` comment that rolldown writes above each module.
 *
 *   node bench/phases.js <projectRoot> [check]
 *
 * With `check`, the same for `check()`; its table `byPackage` then says whose code ran
 * (the library the sampled frame is in, else presskit's stage), since a check is mostly
 * libraries called from one stage. Prints one JSON line.
 */
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleDescendantsCpu } from './process-cpu.js';

const [root, command = 'build'] = process.argv.slice(2);
const out = 'dist-phases';
const { build, check } = await import('../bundled/index.js');

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });
const browser = sampleDescendantsCpu();
const cpuBefore = process.cpuUsage();
await session.post('Profiler.start');
const started = performance.now();
const report =
  command === 'check' ? await check({ root }) : await build({ root, out, force: true });
const wallMs = 'timings' in report ? report.timings.totalMs : performance.now() - started;
const { profile } = await session.post('Profiler.stop');
const cpu = process.cpuUsage(cpuBefore);
const browserCpuMs = browser.stop();
await rm(join(root, out), { recursive: true, force: true });

/** Where each module of a bundled file starts: [line, its path from the repository]. */
const moduleStarts = new Map();
function moduleStartsOf(url) {
  let starts = moduleStarts.get(url);
  if (!starts) {
    starts = [];
    readFileSync(fileURLToPath(url), 'utf8')
      .split('\n')
      .forEach((text, line) => {
        const region = /^\/\/ ((?:lib|node_modules)\/\S+)$/.exec(text);
        if (region) starts.push([line, region[1]]);
      });
    moduleStarts.set(url, starts);
  }
  return starts;
}
/** The module a frame ran in, as a path from the repository (`/lib/…`, `/node_modules/…`). */
function moduleOf({ url, lineNumber }) {
  if (!url.includes('/bundled/')) return url;
  let found = url;
  for (const [line, path] of moduleStartsOf(url)) {
    if (line > lineNumber) break;
    found = `/${path}`;
  }
  return found;
}
for (const node of profile.nodes) node.callFrame.url = moduleOf(node.callFrame);

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);
const selfUs = new Map();
profile.samples.forEach((id, index) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});

const byStage = {};
const byFile = {};
const byPackage = {};
const add = (table, key, us) => (table[key] = (table[key] ?? 0) + us / 1000);
for (const [id, us] of selfUs) {
  let stage;
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const url = byId.get(at).callFrame.url;
    const lib = url.indexOf('/lib/');
    if (lib >= 0 && !url.includes('/node_modules/')) {
      const file = url.slice(lib + '/lib/'.length);
      stage = file.includes('/') ? `${file.split('/')[0]}/` : file;
      add(byFile, file, us);
      break;
    }
  }
  if (!stage) {
    const { url, functionName } = byId.get(id).callFrame;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    // Frames without a script are V8's own ("(idle)", "(garbage collector)") or Node's
    // bindings (file system, module compilation), which count as Node's internals.
    const internal = url.startsWith('node:') || (url === '' && !functionName.startsWith('('));
    stage = pkg
      ? `${pkg} (outside any stage)`
      : internal
        ? 'Node internals (modules, files, streams)'
        : functionName || 'native';
  }
  add(byStage, stage, us);
  // A regular expression or a builtin has no script of its own: its caller's counts.
  let at = id;
  while (byId.get(at).callFrame.url === '' && parent.get(at) !== undefined) at = parent.get(at);
  const own = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(byId.get(at).callFrame.url)?.[1];
  add(byPackage, own ?? stage.replace(' (outside any stage)', ''), us);
}
const pdfMs = report.releases.map((release) => release.timings?.pdfMs ?? 0).sort((a, b) => a - b);
const releases = report.releases.length;
process.stdout.write(
  `${JSON.stringify({
    ok: report.ok,
    releases,
    nodeCpuMs: (cpu.user + cpu.system) / 1000,
    browserCpuMs,
    wallMs,
    pdfMsMedian: pdfMs[Math.floor(pdfMs.length / 2)] ?? 0,
    byStage,
    byFile,
    byPackage,
  })}\n`,
);
