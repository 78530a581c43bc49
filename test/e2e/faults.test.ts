/**
 * Faults an operator meets: a full disk, a read-only folder, two builds at once, odd entries
 * in presskit's own bookkeeping. Each asserts a clear message, the right exit code, no user
 * file lost and every kit left valid (`unzip -t`, `sha256sum -c`).
 *
 * Mounts happen in a private mount namespace (`unshare`), as root in CI or as a mapped root
 * user elsewhere, so a failed test never leaves a mount behind on the machine.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, expectValidKit, makeProject, minimalRelease, run, runCli } from './helpers.js';
import type { Run } from './helpers.js';

const CAMP = minimalRelease({ title: 'Camp visit' });

/** Runs a bash script in its own mount namespace, with the CLI and node at hand. */
function inMountNamespace(script: string, cwd: string): Promise<Run> {
  const asRoot = process.getuid?.() === 0;
  const args = [...(asRoot ? ['-m'] : ['-r', '-m']), 'bash', '-euo', 'pipefail', '-c', script];
  return new Promise((done) => {
    execFile(
      'unshare',
      args,
      { cwd, env: { ...process.env, CI: 'true', NODE: process.execPath, CLI }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** `key=value` lines a scenario script prints, as a record. */
function results(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^(\w+)=(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]),
  );
}

/** Shell lines that print `valid=0` when the kit passes unzip -t and sha256sum -c. */
const checkKit = (out: string, slug: string): string =>
  `( unzip -tq "${out}/${slug}.zip" >/dev/null && cd "${out}/${slug}" && sha256sum -c --quiet SHA256SUMS ) && echo valid=0 || echo valid=1`;

describe('a full disk', () => {
  it('fails the release in one line, keeps the earlier kit and leaves no temporary file', async () => {
    const root = await makeProject({ 'releases/camp.md': CAMP });
    const result = await inMountNamespace(
      `
      mkdir -p dist && mount -t tmpfs -o size=1m tmpfs dist
      "$NODE" "$CLI" build 2>first.log && echo first=0 || echo first=$?
      # Fill the disk to the last block, then change the release so it must be rebuilt.
      dd if=/dev/zero of=dist/filler bs=4k 2>/dev/null || true
      echo 'More text.' >> releases/camp.md
      "$NODE" "$CLI" build 2>second.log && echo second=0 || echo second=$?
      ${checkKit('dist', 'camp')}
      echo leftovers=$(find dist -name '*.tmp' -o -name '.presskit-staging' | wc -l)
      `,
      root,
    );
    const values = results(result.stdout);
    expect(values['first']).toBe('0');
    expect(values['second']).toBe('1');
    expect(values['valid']).toBe('0');
    expect(values['leftovers']).toBe('0');
    const log = await readFile(join(root, 'second.log'), 'utf8');
    expect(log).toMatch(/cannot write \(no space left on device \(ENOSPC\)\)/);
    expect(log).not.toMatch(/\n\s+at |internal error/);
  });
});

describe('a read-only output folder', () => {
  it('is a one-line usage error (exit 2), and the kit in it stays as it was', async () => {
    const root = await makeProject({ 'releases/camp.md': CAMP });
    expect((await runCli(['build'], { cwd: root })).code).toBe(0);
    await writeFile(join(root, 'releases/camp.md'), CAMP.replace('Body text.', 'Changed.'));
    const result = await inMountNamespace(
      `
      mount --bind dist dist && mount -o remount,bind,ro dist
      "$NODE" "$CLI" build 2>ro.log && echo code=0 || echo code=$?
      `,
      root,
    );
    expect(results(result.stdout)['code']).toBe('2');
    const log = await readFile(join(root, 'ro.log'), 'utf8');
    expect(log.trim().split('\n')).toEqual([
      'presskit: dist: out: cannot write to the output folder (read-only file system (EROFS))',
    ]);
    await expectValidKit(join(root, 'dist'), 'camp');
  });

  it('under a read-only parent, the folder that cannot be made is named', async () => {
    const root = await makeProject({ 'releases/camp.md': CAMP });
    await mkdir(join(root, 'public'));
    const result = await inMountNamespace(
      `
      mount --bind public public && mount -o remount,bind,ro public
      "$NODE" "$CLI" build -o public/news 2>ro.log && echo code=0 || echo code=$?
      `,
      root,
    );
    expect(results(result.stdout)['code']).toBe('2');
    const log = await readFile(join(root, 'ro.log'), 'utf8');
    expect(log.trim()).toBe('presskit: public/news: cannot write (read-only file system (EROFS))');
  });
});

describe('two builds into one folder at once', () => {
  it('the second waits for the first; both succeed and every kit is valid', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 6; i++) files[`releases/r${i}.md`] = minimalRelease({ title: `R${i}` });
    const root = await makeProject(files);
    const [first, second] = await Promise.all([
      runCli(['build', '--force'], { cwd: root }),
      runCli(['build', '--force'], { cwd: root }),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(`${first.stderr}${second.stderr}`).toMatch(
      /dist: another presskit build is writing this folder; waiting for it to finish/,
    );
    for (let i = 1; i <= 6; i++) await expectValidKit(join(root, 'dist'), `r${i}`);
    const left = await readdir(join(root, 'dist'));
    expect(left).not.toContain('.presskit-lock');
    expect(left).not.toContain('.presskit-staging');
  });

  it("takes over the lock of a build that died (the lock's time is old)", async () => {
    const root = await makeProject({ 'releases/camp.md': CAMP });
    await mkdir(join(root, 'dist/.presskit-lock'), { recursive: true });
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(join(root, 'dist/.presskit-lock'), longAgo, longAgo);
    const result = await runCli(['build'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/waiting/);
    await expectValidKit(join(root, 'dist'), 'camp');
  });
});

describe("odd entries in presskit's own bookkeeping", () => {
  it('a FIFO in the state folder is removed, never opened (no hang)', async () => {
    const root = await makeProject({ 'releases/camp.md': CAMP });
    expect((await runCli(['build'], { cwd: root })).code).toBe(0);
    await run('rm', [join(root, 'dist/.presskit-state/camp.json')]);
    expect((await run('mkfifo', [join(root, 'dist/.presskit-state/camp.json')])).code).toBe(0);
    const result = await runCli(['build'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /camp\.json: not a regular file; removed from presskit's build state/,
    );
    expect(result.stderr).toMatch(/\bbuilt\s+camp/);
    await expectValidKit(join(root, 'dist'), 'camp');
  });

  it('a state folder that is a file, a state entry that is a folder, a staging file', async () => {
    const cases: Record<string, (dist: string) => Promise<unknown>> = {
      '.presskit-state is a file': async (dist) => {
        await run('rm', ['-rf', join(dist, '.presskit-state')]);
        await writeFile(join(dist, '.presskit-state'), 'x');
      },
      'a state entry is a folder': async (dist) => {
        await run('rm', [join(dist, '.presskit-state/camp.json')]);
        await mkdir(join(dist, '.presskit-state/camp.json'));
      },
      '.presskit-staging is a file': (dist) => writeFile(join(dist, '.presskit-staging'), 'x'),
    };
    for (const [name, damage] of Object.entries(cases)) {
      const root = await makeProject({ 'releases/camp.md': CAMP });
      expect((await runCli(['build'], { cwd: root })).code, name).toBe(0);
      await damage(join(root, 'dist'));
      const result = await runCli(['build', '--force'], { cwd: root });
      expect(result.code, `${name}: ${result.stderr}`).toBe(0);
      expect(result.stderr, name).toMatch(/removed/);
      expect(result.stderr, name).not.toMatch(/\n\s+at /);
      await expectValidKit(join(root, 'dist'), 'camp');
      // And the next build is back to normal: nothing left to remove.
      const again = await runCli(['build'], { cwd: root });
      expect(again.stderr, name).not.toMatch(/removed/);
      expect(existsSync(join(root, 'dist/.presskit-staging')), name).toBe(false);
    }
  });
});
