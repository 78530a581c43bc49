import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { CLI, makeProject, minimalRelease, run, runCli } from './helpers.js';

const LANGS = ['en', 'fr', 'es'];

function corpus(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const day = String((i % 27) + 1).padStart(2, '0');
    files[`releases/release-${String(i).padStart(3, '0')}.md`] = minimalRelease(
      { title: `Release number ${i}`, lang: LANGS[i % 3] ?? 'en', date: `2026-10-${day}` },
      `Paragraph one of release ${i}.\n\nParagraph two, with a [link](https://example.org/${i}).`,
    );
  }
  return files;
}

async function zipHashes(outDir: string): Promise<Record<string, string>> {
  const zips = (await readdir(outDir)).filter((name) => name.endsWith('.zip')).sort();
  const hashes: Record<string, string> = {};
  for (const zip of zips) {
    hashes[zip] = (await run('sha256sum', [join(outDir, zip)])).stdout.split(' ')[0] ?? '';
  }
  return hashes;
}

describe('many releases', () => {
  it('rebuilds only what changed, and a no-change build launches no browser', async () => {
    const root = await makeProject(corpus(5));
    const first = await build({ root, concurrency: 2 });
    expect(first.ok).toBe(true);
    expect(first.browserLaunched).toBe(true);
    expect(first.releases.map((release) => release.status)).toEqual(Array(5).fill('built'));

    const second = await build({ root });
    expect(second.browserLaunched).toBe(false);
    expect(second.releases.map((release) => release.status)).toEqual(Array(5).fill('unchanged'));
    expect(second.releases[0]?.zip).toEqual(first.releases[0]?.zip);

    const changed = join(root, 'releases/release-003.md');
    await writeFile(
      changed,
      (await readFile(changed, 'utf8')).replace('Paragraph one', 'Paragraph 1'),
    );
    const third = await build({ root });
    expect(third.releases.map((release) => release.status)).toEqual([
      'unchanged',
      'unchanged',
      'built',
      'unchanged',
      'unchanged',
    ]);

    const forced = await build({ root, force: true });
    expect(forced.releases.every((release) => release.status === 'built')).toBe(true);
  });

  it('three shards plus index give the same kits as one run', async () => {
    const root = await makeProject(corpus(7));
    const whole = await build({ root, out: 'whole' });
    expect(whole.ok).toBe(true);
    const shards = [];
    for (const index of [1, 2, 3]) {
      shards.push(await build({ root, out: 'sharded', shard: { index, count: 3 } }));
    }
    const built = shards.flatMap((shard) => shard.releases.map((release) => release.slug));
    expect(built.sort()).toEqual(whole.releases.map((release) => release.slug).sort());

    const index = await runCli(['index', 'sharded'], { cwd: root });
    expect(index.code, index.stderr).toBe(0);
    expect(await zipHashes(join(root, 'sharded'))).toEqual(await zipHashes(join(root, 'whole')));
    const newsroom = await readFile(join(root, 'sharded/index.html'), 'utf8');
    for (let i = 1; i <= 7; i++) expect(newsroom).toContain(`Release number ${i}<`);
    // Newest first: release 7 is dated 2026-10-08, release 1 2026-10-02.
    expect(newsroom.indexOf('Release number 7<')).toBeLessThan(
      newsroom.indexOf('Release number 1<'),
    );
  });

  it('stops cleanly on SIGINT: exit 130, browser gone, finished kits intact, no torn files', async () => {
    const root = await makeProject(corpus(12));
    // A private TMPDIR marks this build's Chromium profile, so other tests' browsers don't count.
    const tmp = await mkdtemp(join(tmpdir(), 'presskit-sigint-'));
    const child = spawn(process.execPath, [CLI, 'build', '--concurrency', '1'], {
      cwd: root,
      env: { ...process.env, CI: 'true', TMPDIR: tmp },
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/\[ ?2\/12\]/.test(stderr)) resolve();
      });
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    // The releases cut short are counted as interrupted, not failed with the closed
    // browser's protocol errors, and none is listed as an error.
    const verdict = /(\d+) built, 0 unchanged, 0 failed, (\d+) not built \(interrupted\)/.exec(
      stderr,
    );
    expect(verdict, stderr).not.toBeNull();
    expect(Number(verdict?.[1]) + Number(verdict?.[2])).toBe(12);
    expect(stderr).not.toMatch(/Target closed|Protocol error|printing failed|: interrupted/);

    const out = join(root, 'dist');
    expect(existsSync(join(out, '.presskit-staging'))).toBe(false);
    const zips = (await readdir(out)).filter((name) => name.endsWith('.zip'));
    expect(zips.length).toBeGreaterThanOrEqual(2);
    expect(zips.length).toBeLessThan(12);
    for (const zip of zips) {
      expect((await run('unzip', ['-tq', join(out, zip)])).code).toBe(0);
      const kit = join(out, zip.replace(/\.zip$/, ''));
      expect((await run('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], kit)).code).toBe(0);
    }
    const running = await run('pgrep', ['-f', tmp]);
    expect(running.stdout.trim()).toBe('');
    expect(await readdir(tmp)).toEqual([]);
  });
});

describe('progress output', () => {
  /** Strips the terminal's escape sequences and splits on both kinds of line end. */
  const screenLines = (text: string): string[] =>
    text
      .replace(/\u001b(?:\[[0-9;?]*[A-Za-z]|[78])/g, '\n')
      .split(/[\r\n]+/)
      .filter((line) => line.trim() !== '');

  it('on a terminal: a live bar with done/total, elapsed time and current release, then a summary', async () => {
    const root = await makeProject(corpus(6));
    const env: NodeJS.ProcessEnv = { ...process.env, COLUMNS: '200' };
    delete env['CI'];
    // script(1) gives the command a pseudo-terminal, as a person's shell would.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} build --concurrency 2`;
    const result = await new Promise<{ code: number | null; output: string }>((done) => {
      const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: root, env });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.on('close', (code) => done({ code, output }));
    });
    expect(result.code).toBe(0);
    expect(result.output).toContain('\u001b[');
    const lines = screenLines(result.output);
    const bars = lines.filter((line) => / \d+\/6 releases \| \d+s \| /.test(line));
    expect(bars.length).toBeGreaterThan(1);
    expect(bars.some((line) => /releases\/release-\d{3}\.md \(\+\d\)$/.test(line))).toBe(true);
    expect(lines.some((line) => /^6 built, 0 unchanged, 0 failed in [\d.]+ s → /.test(line))).toBe(
      true,
    );
  });

  it('elsewhere: one plain line per release and no control codes', async () => {
    const root = await makeProject(corpus(3));
    const result = await runCli(['build'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const lines = result.stderr.trim().split('\n');
    expect(
      lines.filter((line) => /^\[\d\/3\] built +release-\d{3} \([\d.]+ s\)$/.test(line)),
    ).toHaveLength(3);
  });
});
