import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copySample, expectValidKit, REPO, runCli, SAMPLE_SLUG } from './helpers.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Run> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Puppeteer's browser downloads pointed at a closed local port: an install that tried to
 * fetch a browser would fail, where a firewall or an offline CI runner would stop it too.
 */
const NO_BROWSER_DOWNLOAD: NodeJS.ProcessEnv = {
  PUPPETEER_DOWNLOAD_BASE_URL: 'http://127.0.0.1:9',
  PUPPETEER_CHROME_DOWNLOAD_BASE_URL: 'http://127.0.0.1:9',
  PUPPETEER_CHROME_HEADLESS_SHELL_DOWNLOAD_BASE_URL: 'http://127.0.0.1:9',
  PUPPETEER_SKIP_DOWNLOAD: '',
};

/** Every package.json under `dir`'s node_modules, nested ones too. */
function installedPackages(dir: string): { name: string; scripts: Record<string, string> }[] {
  const found: { name: string; scripts: Record<string, string> }[] = [];
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) return found;
  for (const entry of readdirSync(modules)) {
    const names = entry.startsWith('@')
      ? readdirSync(join(modules, entry)).map((name) => `${entry}/${name}`)
      : [entry];
    for (const name of names) {
      const manifest = join(modules, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const data = JSON.parse(readFileSync(manifest, 'utf8')) as {
        scripts?: Record<string, string>;
      };
      found.push({ name, scripts: data.scripts ?? {} });
      found.push(...installedPackages(join(modules, name)));
    }
  }
  return found;
}

// The package as users get it: packed, installed with npm into a prefix of its own, run from
// a project folder elsewhere, with an empty home (no puppeteer cache, no npm config).
describe('the packed package, installed with npm', () => {
  let work: string;
  let prefix: string;
  let installed: Run;
  let tarball: string;
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'presskit-install-'));
    prefix = join(work, 'prefix');
    // The bundle is built already (`npm test` builds first): pack what is there.
    const packed = await exec(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
      { cwd: REPO },
    );
    expect(packed.code, packed.stderr).toBe(0);
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    tarball = join(work, filename);
    installed = await exec(
      'npm',
      ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', join(work, filename)],
      { cwd: work, env: { ...process.env, ...NO_BROWSER_DOWNLOAD } },
    );
  }, 180_000);

  it('installs without downloading a browser', () => {
    expect(installed.code, installed.stderr).toBe(0);
    const packages = installedPackages(join(prefix, 'lib', 'node_modules', pkg.name));
    const names = packages.map((entry) => entry.name);
    // puppeteer (not -core) is the package whose install downloads Chrome.
    expect(names).not.toContain('puppeteer');
    // Nothing in the tree runs code at install time, so nothing can reach for the network.
    const withScripts = packages.filter((entry) =>
      ['preinstall', 'install', 'postinstall'].some((hook) => hook in entry.scripts),
    );
    expect(withScripts.map((entry) => entry.name)).toEqual([]);
    expect(existsSync(join(prefix, 'bin', 'presskit'))).toBe(true);
  });

  it('runs with npx -p, as the README says, here from the tarball instead of the registry', async () => {
    // Its own npm cache, so that npx installs as on a machine that never had presskit.
    const result = await exec('npx', ['--yes', '-p', tarball, 'presskit', '--version'], {
      cwd: work,
      env: { ...process.env, ...NO_BROWSER_DOWNLOAD, npm_config_cache: join(work, 'npx-cache') },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it('takes about 70 MB installed, not 137', async () => {
    // The libraries are in the bundle, not installed beside it too (it was 137 MB so); the
    // Chinese face's two weights are 21 MB of it, sharp's prebuilt libvips 20 MB.
    // Measured: BENCHMARKS.md, "Installed size" (69.8 MB).
    const usage = await exec('du', ['-sk', prefix], { cwd: work });
    expect(Number(usage.stdout.split('\t')[0]) / 1024).toBeLessThan(75);
  });

  it('builds the sample from another folder, the same bytes as the checkout builds', async () => {
    const project = join(work, 'project');
    await copySample(project);
    const home = join(work, 'home');
    await mkdir(home);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...NO_BROWSER_DOWNLOAD,
      HOME: home,
      CI: 'true',
    };
    delete env['PUPPETEER_CACHE_DIR'];
    const version = await exec(join(prefix, 'bin', 'presskit'), ['--version'], {
      cwd: project,
      env,
    });
    expect(version.stdout.trim()).toBe(pkg.version);
    const built = await exec(
      join(prefix, 'bin', 'presskit'),
      ['build', join(project, 'releases'), '--out', join(project, 'dist')],
      { cwd: work, env },
    );
    expect(built.code, built.stderr).toBe(0);
    await expectValidKit(join(project, 'dist'), SAMPLE_SLUG);
    expect(existsSync(join(home, '.cache', 'puppeteer'))).toBe(false);

    const reference = join(work, 'reference');
    await copySample(reference);
    const checkout = await runCli(['build'], { cwd: reference });
    expect(checkout.code, checkout.stderr).toBe(0);
    const zip = `${SAMPLE_SLUG}.zip`;
    expect(await readFile(join(project, 'dist', zip))).toEqual(
      await readFile(join(reference, 'dist', zip)),
    );
  });
});
