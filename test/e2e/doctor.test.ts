import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/doctor/report.js';
import { makeProject, runCli } from './helpers.js';

const SHELL = '/usr/lib/chromium/chromium-headless-shell';

function parse(stdout: string): DoctorReport {
  return JSON.parse(stdout) as DoctorReport;
}

const byName = (report: DoctorReport, name: string) =>
  report.checks.find((check) => check.name === name);

// `presskit doctor` as a user runs it, in a project folder, the way the README shows.
describe('presskit doctor', () => {
  it('reports what a build here uses, all ok, exit 0, JSON on stdout', async () => {
    const root = await makeProject({ 'presskit.config.yaml': 'out: public\n' });
    const result = await runCli(['doctor', '--json'], {
      cwd: root,
      env: { PUPPETEER_EXECUTABLE_PATH: '', CHROME_PATH: '' },
    });
    expect(result.code, result.stdout).toBe(0);
    const report = parse(result.stdout);
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => [check.name, check.status])).toEqual([
      ['node', 'ok'],
      ['browser', 'ok'],
      ['fonts', 'ok'],
      ['config', 'ok'],
      ['output', 'ok'],
    ]);
    expect(byName(report, 'node')?.version).toBe(process.versions.node);
    // The version the browser itself prints, asked independently.
    const own = execFileSync(SHELL, ['--version'], { encoding: 'utf8' }).match(/[\d.]+/)?.[0];
    expect(byName(report, 'browser')).toMatchObject({ path: SHELL });
    expect(byName(report, 'browser')?.detail).toContain('(headless shell, found at a system path)');
    expect(byName(report, 'browser')?.version).toContain(own);
    expect(byName(report, 'config')?.path).toBe(join(root, 'presskit.config.yaml'));
    expect(byName(report, 'output')).toMatchObject({
      path: join(root, 'public'),
      detail: `${join(root, 'public')}: will be created`,
    });
  });

  it('finds the project as build does: from a subfolder, and by --root or --config', async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'out: public\n',
      'releases/2026/.keep': '',
    });
    const elsewhere = await makeProject();
    const runs = [
      await runCli(['doctor', '--json'], { cwd: join(root, 'releases/2026') }),
      await runCli(['doctor', '--json', '--root', root], { cwd: elsewhere }),
      await runCli(['doctor', '--json', '--config', join(root, 'presskit.config.yaml')], {
        cwd: elsewhere,
      }),
    ];
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      const report = parse(run.stdout);
      expect(byName(report, 'config')?.path).toBe(join(root, 'presskit.config.yaml'));
      expect(byName(report, 'output')?.detail).toContain(join(root, 'public'));
    }
    // --out is where it is typed from, as for build.
    const typed = await runCli(['doctor', '--json', '--root', root, '-o', 'site'], {
      cwd: elsewhere,
    });
    expect(byName(parse(typed.stdout), 'output')?.detail).toContain(join(elsewhere, 'site'));
  });

  it('says in text what is wrong and what to do, and exits 1', async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'paper: A5\n',
      'not-a-folder': 'a file',
    });
    const broken = join(root, 'broken-chrome');
    writeFileSync(
      broken,
      '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n',
    );
    chmodSync(broken, 0o755);
    const result = await runCli(['doctor', '--browser', broken, '--out', 'not-a-folder'], {
      cwd: root,
    });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^ok {4}node/);
    expect(result.stdout).toContain(
      `FAIL  browser  ${broken} (full browser, from --browser) does not start`,
    );
    expect(result.stdout).toContain('libnss3');
    expect(result.stdout).toMatch(
      /FAIL {2}config {3}presskit\.config\.yaml:1.*paper.*A4 or Letter/,
    );
    expect(result.stdout).toContain(`FAIL  output   ${join(root, 'not-a-folder')}: `);
    // Each failure is followed by its advice.
    for (const [index, line] of lines.entries()) {
      if (line.startsWith('FAIL')) expect(lines[index + 1]).toMatch(/^ {15}→ \S/);
    }
  });

  it("finds a browser in puppeteer's cache first, as npx @puppeteer/browsers install leaves it", async () => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return;
    const root = await makeProject();
    // The layout of `install chrome-headless-shell@… --path <cache>`, this machine's shell in it.
    const folder = join(root, 'cache', 'chrome-headless-shell', 'linux-156.0.0.0');
    const executable = join(folder, 'chrome-headless-shell-linux64', 'chrome-headless-shell');
    mkdirSync(join(executable, '..'), { recursive: true });
    symlinkSync(SHELL, executable);
    const result = await runCli(['doctor', '--json'], {
      cwd: root,
      env: { PUPPETEER_CACHE_DIR: join(root, 'cache'), PUPPETEER_EXECUTABLE_PATH: '' },
    });
    const browser = byName(parse(result.stdout), 'browser');
    expect(browser).toMatchObject({ status: 'ok', path: executable });
    expect(browser?.detail).toContain("(headless shell, found in puppeteer's cache)");
  });

  it('names the setting that points at no browser', async () => {
    const root = await makeProject();
    const result = await runCli(['doctor', '--json'], {
      cwd: root,
      env: { PUPPETEER_EXECUTABLE_PATH: join(root, 'gone') },
    });
    expect(result.code).toBe(1);
    const browser = byName(parse(result.stdout), 'browser');
    expect(browser).toMatchObject({ status: 'fail' });
    expect(browser?.detail).toContain('PUPPETEER_EXECUTABLE_PATH');
    expect(browser?.advice).toContain('PUPPETEER_EXECUTABLE_PATH');
  });
});
