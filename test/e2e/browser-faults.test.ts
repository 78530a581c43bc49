import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, minimalRelease, run, runCli } from './helpers.js';
import type { Run } from './helpers.js';

function corpus(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const name = `release-${String(i).padStart(2, '0')}`;
    files[`releases/${name}.md`] = minimalRelease({ title: `Release ${i}` }, `Body of ${i}.`);
  }
  return files;
}

/** A private TMPDIR: the build's Chromium profiles go there, and mark its browser. */
const privateTmp = (): Promise<string> => mkdtemp(join(tmpdir(), 'presskit-faults-e2e-'));

/** The main browser process of the build whose TMPDIR is `tmp` (only it names the profile). */
function browserPid(tmp: string): number | undefined {
  const found = spawnSync('pgrep', ['-f', '--', `--user-data-dir=${tmp}/`], { encoding: 'utf8' });
  const pids = found.stdout.split('\n').filter(Boolean).map(Number);
  return pids.length === 1 ? pids[0] : undefined;
}

async function zipsIn(out: string): Promise<string[]> {
  const names = existsSync(out) ? await readdir(out) : [];
  return names.filter((name) => name.endsWith('.zip'));
}

/** Polls `probe` until it gives a value, or fails the test after a while. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let tries = 0; tries < 3000; tries++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** As the OOM killer does it. */
function kill(pid: number): void {
  process.kill(pid, 'SIGKILL');
}

/** Every zip passes `unzip -t` and every kit its own SHA256SUMS. */
async function expectValidKits(out: string): Promise<void> {
  for (const zip of await zipsIn(out)) {
    expect((await run('unzip', ['-tq', join(out, zip)])).code, zip).toBe(0);
    const kit = join(out, zip.replace(/\.zip$/, ''));
    expect((await run('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], kit)).code, kit).toBe(0);
  }
}

/** Nothing of the build's browsers is left: no process, no profile. */
async function expectNothingLeft(tmp: string): Promise<void> {
  expect((await run('pgrep', ['-f', tmp])).stdout.trim()).toBe('');
  expect(await readdir(tmp)).toEqual([]);
}

const NO_STACK = /^\s+at |internal error|Target closed|Protocol error/m;

interface RunningBuild {
  out: string;
  tmp: string;
  building: Promise<Run>;
  /** The browser's pid. */
  first: number;
  /** Kits written when it returned. */
  builtBefore: number;
}

/** Starts `presskit build` of `count` releases and returns once its first kit is written. */
async function buildUntilFirstKit(count: number, concurrency: number): Promise<RunningBuild> {
  const root = await makeProject(corpus(count));
  const out = join(root, 'dist');
  const tmp = await privateTmp();
  const building = runCli(['build', '--concurrency', String(concurrency)], {
    cwd: root,
    env: { TMPDIR: tmp },
  });
  const first = await waitFor('the browser', async () => browserPid(tmp));
  const builtBefore = await waitFor('a first kit', async () => {
    const built = (await zipsIn(out)).length;
    return built > 0 ? built : undefined;
  });
  return { out, tmp, building, first, builtBefore };
}

describe('a browser that crashes mid-build', () => {
  it('is relaunched: every release still builds, exit 0, every kit valid', async () => {
    const { out, tmp, building, first } = await buildUntilFirstKit(8, 2);
    kill(first);

    const result = await building;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^8 built, 0 unchanged, 0 failed in /m);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(await zipsIn(out)).toHaveLength(8);
    await expectValidKits(out);
    await expectNothingLeft(tmp);
  });

  it('again after its relaunch: the releases left fail with one clear line each, exit 1', async () => {
    const { out, tmp, building, first, builtBefore } = await buildUntilFirstKit(12, 1);
    kill(first);
    const second = await waitFor('the relaunched browser', async () => {
      const pid = browserPid(tmp);
      return pid !== first ? pid : undefined;
    });
    // Of the three releases in the works at the crash, two may have printed before it: a
    // third kit more proves the relaunched browser printed, so it is up and working.
    await waitFor('a kit printed by the relaunched browser', async () =>
      (await zipsIn(out)).length >= builtBefore + 3 ? true : undefined,
    );
    kill(second);

    const result = await building;
    expect(result.code, result.stderr).toBe(1);
    const verdict = /^(\d+) built, 0 unchanged, (\d+) failed in /m.exec(result.stderr);
    expect(verdict, result.stderr).not.toBeNull();
    const [built, failed] = [Number(verdict?.[1]), Number(verdict?.[2])];
    expect(built + failed).toBe(12);
    expect(failed).toBeGreaterThan(0);
    const crashLines = result.stderr
      .split('\n')
      .filter((line) => line.includes('the browser crashed'));
    expect(crashLines).toHaveLength(failed);
    for (const line of crashLines) {
      expect(line).toMatch(
        /: the browser crashed \(killed by SIGKILL\), again after being relaunched once$/,
      );
    }
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(await zipsIn(out)).toHaveLength(built);
    await expectValidKits(out);
    await expectNothingLeft(tmp);
  });
});

describe('a browser that cannot start', () => {
  it('because it never answers: one line naming it after the launch timeout, exit 2', async () => {
    const root = await makeProject(corpus(3));
    const tmp = await privateTmp();
    const scripts = await mkdtemp(join(tmpdir(), 'presskit-hanging-'));
    const browser = join(scripts, 'chromium');
    await writeFile(browser, '#!/bin/sh\nsleep 600\n');
    chmodSync(browser, 0o755);

    const result = await runCli(['build', '--browser', browser], {
      cwd: root,
      env: { TMPDIR: tmp },
    });
    expect(result.code, result.stderr).toBe(2);
    const problems = result.stderr.split('\n').filter((line) => !/^\[\d\/3\] /.test(line));
    expect(problems.filter(Boolean)).toEqual([
      `presskit: ${browser}: could not start the browser: no answer within 30 s`,
    ]);
    expect((await run('pgrep', ['-f', browser])).stdout.trim()).toBe('');
    expect(existsSync(join(root, 'dist', 'index.html'))).toBe(false);
    await expectNothingLeft(tmp);
  }, 120_000);

  it('because it is not there: one line naming it, exit 2', async () => {
    const root = await makeProject(corpus(3));
    const result = await runCli(['build', '--browser', '/nonexistent/chromium'], { cwd: root });
    expect(result.code, result.stderr).toBe(2);
    const problems = result.stderr.split('\n').filter((line) => !/^\[\d\/3\] /.test(line));
    expect(problems.filter(Boolean)).toEqual([
      'presskit: /nonexistent/chromium: --browser: no browser executable at this path',
    ]);
  });
});

describe('Chromium profiles left by a killed presskit', () => {
  it("are removed when the next build starts its browser; a live process's is kept", async () => {
    const tmp = await privateTmp();
    const profile = async (name: string, owner: number): Promise<string> => {
      const dir = join(tmp, name);
      await mkdir(join(dir, 'Default'), { recursive: true });
      await writeFile(join(dir, 'presskit-owner.pid'), `${owner}\n`);
      return dir;
    };
    const { pid: dead } = spawnSync('true');
    if (dead === undefined) throw new Error('no pid');
    const stale = await profile('presskit-chromium-Stale1', dead);
    const live = await profile('presskit-chromium-Live01', process.pid);

    const root = await makeProject(corpus(1));
    const result = await runCli(['build'], { cwd: root, env: { TMPDIR: tmp } });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(await readdir(tmp)).toEqual(['presskit-chromium-Live01']);
  });
});
