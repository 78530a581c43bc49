/**
 * `npm run bench:install`: what installing presskit costs. Packs the package as it is built
 * (`npm pack`), installs the tarball into an empty prefix with npm, as `npm install -g`
 * does, and writes the sizes into BENCHMARKS.md's "Installed size" section (bench/run.js
 * keeps that section when it rewrites the rest).
 *
 *   node bench/install-size.js
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, URL } from 'node:url';
import { replaceSection } from './sections.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'presskit-install-size-'));

/** Disk usage in KiB, as `du -sk` counts it (blocks, not apparent size). */
const du = (path) => Number(execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0]);

function countFiles(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    count += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  }
  return count;
}

const mb = (kib) => (kib < 1024 ? `${Math.round(kib)} kB` : `${(kib / 1024).toFixed(1)} MB`);

try {
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: REPO,
      encoding: 'utf8',
    }),
  );
  const tarball = join(work, filename);
  const prefix = join(work, 'prefix');
  const started = performance.now();
  execFileSync(
    'npm',
    ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', tarball],
    { cwd: work, stdio: 'ignore' },
  );
  const seconds = (performance.now() - started) / 1000;
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const root = join(prefix, 'lib', 'node_modules', pkg.name);
  const rows = readdirSync(root)
    .map((name) => ({ name, kib: du(join(root, name)) }))
    .sort((a, b) => b.kib - a.kib);
  const modules = join(root, 'node_modules');
  const dependencies = readdirSync(modules).filter((name) => !name.startsWith('.'));
  const total = du(prefix);
  const lines = [
    '## Installed size',
    '',
    `Written by \`npm run bench:install\` (bench/install-size.js) on ${new Date().toISOString()}, presskit ${pkg.version}: \`npm pack\`, then \`npm install -g --prefix <empty folder> <tarball>\` (npm ${execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim()}, packages from its cache), ${seconds.toFixed(1)} s.`,
    '',
    `- Tarball: ${mb(statSync(tarball).size / 1024)}; installed prefix (\`du -sk\`): **${mb(total)}**, ${countFiles(prefix)} files (target < 50 MB: ${total < 50 * 1024 ? 'met' : '**missed**'}).`,
    `- Dependencies installed with it: ${dependencies.join(', ')} (the public type declarations name zod; every other library is in the bundle).`,
    ...(dependencies.includes('@img')
      ? [
          `- Of these, \`@img\` is ${mb(du(join(modules, '@img')))}: sharp's prebuilt libvips for this platform, the native library that makes the web-size images and writes their metadata; it is what took the install over 50 MB.`,
        ]
      : []),
    '',
    '| in the package | size |',
    '| --- | --- |',
    ...rows.map(
      (row) =>
        `| \`${row.name}\`${row.name === 'node_modules' ? ` (${dependencies.join(', ')})` : ''} | ${mb(row.kib)} |`,
    ),
    '',
    'Before presskit carried its libraries in its bundle only, the same install was 137 MB (128 MB with puppeteer-core instead of puppeteer): every library twice, once in bundled/ and once in node_modules, the largest pdf-lib (23 MB), chromium-bidi (20 MB), puppeteer-core (13 MB), libphonenumber-js (13 MB), the two @fontsource packages (9 MB, of which presskit uses 0.3 MB) and zod (8 MB).',
  ];
  const file = join(REPO, 'BENCHMARKS.md');
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), '## Installed size', lines));
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
