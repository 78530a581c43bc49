import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, makeProject, minimalRelease, run, runCli } from './helpers.js';

/** Lines of stderr, without the empty ones. */
const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

describe('exit codes as the README gives them', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeProject({
      'releases/one.md': minimalRelease({
        title: 'One',
        contacts: '\n  - name: Ann Lee\n    email: ann@example.org',
      }),
      'releases/two.md': minimalRelease({ title: 'Two' }),
      'releases/three.md': minimalRelease({ title: 'Three' }),
    });
  });

  it('no browser: exit 2 and one message, not one per release', async () => {
    for (const [args, env] of [
      [['--browser', '/nowhere/chrome'], {}],
      [[], { PUPPETEER_EXECUTABLE_PATH: '/nowhere/chrome' }],
    ] as const) {
      const result = await runCli(['build', '-o', 'out', ...args], { cwd: root, env });
      expect(result.code).toBe(2);
      expect(lines(result.stderr)).toEqual([
        expect.stringMatching(/^presskit: \/nowhere\/chrome: .*no browser executable/),
      ]);
    }
  });

  it('--base-url without a scheme is a usage error: exit 2, one line, no stack', async () => {
    const result = await runCli(['build', '--base-url', 'press.acme.example'], { cwd: root });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^presskit: --base-url: "press\.acme\.example" is not an absolute/),
    ]);
  });

  it('flags take what the config takes: --paper a4, --vcard-version 4', async () => {
    const result = await runCli(
      ['build', 'releases/one.md', '-o', 'a4', '--paper', 'a4', '--vcard-version', '4'],
      { cwd: root },
    );
    expect(result.code, result.stderr).toBe(0);
    const info = await run('pdfinfo', [join(root, 'a4/one/one.pdf')]);
    expect(info.stdout).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const kit = await run('unzip', ['-Z1', join(root, 'a4/one.zip')]);
    const card = kit.stdout.split('\n').find((name) => name.endsWith('.vcf'));
    if (card === undefined) throw new Error(`no vCard in the kit: ${kit.stdout}`);
    expect(await readFile(join(root, 'a4', card), 'utf8')).toMatch(/^VERSION:4\.0\r$/m);
    for (const bad of [
      ['--paper', 'A5'],
      ['--vcard-version', '2.1'],
    ]) {
      const refused = await runCli(['build', ...bad], { cwd: root });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/must be (A4 or Letter|3\.0 or 4\.0)/);
    }
  });

  it('build or check finding no release exits 2, unless --allow-empty', async () => {
    const empty = await makeProject({ 'releases/.keep': '', 'drafts/notes.txt': 'not Markdown' });
    for (const command of ['build', 'check']) {
      for (const args of [[], ['drafts'], [join(empty, 'drafts')]]) {
        const result = await runCli([command, ...args], { cwd: empty });
        expect(result.code, `${command} ${args.join(' ')}`).toBe(2);
        expect(lines(result.stderr)).toEqual([
          expect.stringMatching(/^presskit: (releases|drafts): no release found/),
        ]);
      }
      const allowed = await runCli([command, '--allow-empty'], { cwd: empty });
      expect(allowed.code, allowed.stderr).toBe(0);
    }
    const missing = await runCli(['check', 'releses'], { cwd: empty });
    expect(missing.code).toBe(2);
  });
});

describe('a run that stalls on a bug', () => {
  it('ends with exit 70 and says so, rather than ending silently with 0', async () => {
    const root = await makeProject({ 'releases/a.md': minimalRelease() });
    // Listing the releases folder never completes and nothing else is pending: the state a
    // hung promise inside presskit leaves the process in. (Release files are read
    // synchronously, so the stall is put on the folder's listing.)
    const stalled = `
      import fsp from 'node:fs/promises';
      import { syncBuiltinESMExports } from 'node:module';
      const readdir = fsp.readdir;
      fsp.readdir = (path, ...rest) =>
        String(path).endsWith('releases') ? new Promise(() => undefined) : readdir(path, ...rest);
      syncBuiltinESMExports();
      await import(${JSON.stringify(CLI)});
    `;
    await writeFile(join(root, 'stalled.mjs'), stalled);
    const result = await run('node', ['stalled.mjs', 'check'], root);
    expect(result.code).toBe(70);
    expect(result.stderr).toContain('presskit: internal error, please report it:');
    expect(result.stderr).toContain('the run stopped with its work unfinished');
  });
});
