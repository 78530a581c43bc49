import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Run } from './helpers.js';
import { makeProject, run, runCli } from './helpers.js';

/* What a terminal would obey: C0 but tab and line feed, DEL, C1. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

const HOSTILE = [
  '---',
  'title: "Clear \\e[2J screen"',
  'lang: en',
  'date: 2026-11-27',
  '---',
  '',
  'Normal first paragraph.',
  '',
  'Retitle \u001b]0;pwned\u0007 window and \u009b31m red.',
  '',
].join('\n');

const HOSTILE_PROBLEMS = [
  'releases/hostile.md:2: title: contains a control character U+001B (ESC)',
  'releases/hostile.md:9:9: contains a control character U+001B (ESC)',
  'releases/hostile.md:9:18: contains a control character U+0007 (BEL)',
  'releases/hostile.md:9:31: contains a control character U+009B (CSI)',
];

const ARABIC_TITLE = 'المنظمة الدولية \u2067للهجرة\u2069 \u200F(IOM)';
const ARABIC_BODY =
  'أعلنت المنظمة اليوم \u2068IOM\u2069 في \u200Fالقاهرة\u200E (Cairo) \u061C٢٠٢٦.';
const ARABIC = `---\ntitle: "${ARABIC_TITLE}"\nlang: ar\ndate: 2026-11-27\n---\n\n${ARABIC_BODY}\n\nשלום \u2067עולם\u2069.\n`;

describe('control characters in a release are refused, right-to-left text is not', () => {
  let project: string;
  let build: Run;

  beforeAll(async () => {
    project = await makeProject({ 'releases/hostile.md': HOSTILE, 'releases/arabic.md': ARABIC });
    build = await runCli(['build'], { cwd: project });
  });

  it('build: exit 1, one line per occurrence with its line, no kit for the release', () => {
    expect(build.code).toBe(1);
    const lines = build.stderr.split('\n');
    for (const problem of HOSTILE_PROBLEMS) expect(lines).toContain(problem);
    expect(lines.filter((line) => line.startsWith('releases/hostile.md:'))).toHaveLength(4);
    expect(build.stderr).not.toMatch(TERMINAL_CONTROL);
    expect(existsSync(join(project, 'dist/hostile'))).toBe(false);
    expect(existsSync(join(project, 'dist/hostile.zip'))).toBe(false);
  });

  it('check: the same problems, exit 1', async () => {
    const check = await runCli(['check', 'releases/hostile.md'], { cwd: project });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(`${HOSTILE_PROBLEMS.join('\n')}\n`);
  });

  it('builds Arabic and Hebrew text written with marks and isolates, keeping them', async () => {
    expect(build.stderr).toMatch(/built\s+arabic/);
    const text = await readFile(join(project, 'dist/arabic/arabic.txt'), 'utf8');
    expect(text).toContain(ARABIC_TITLE);
    expect(text).toContain(ARABIC_BODY);
    const page = await readFile(join(project, 'dist/arabic/index.html'), 'utf8');
    expect(page).toContain('\u2067للهجرة\u2069');
    const pdf = await run('pdftotext', [join(project, 'dist/arabic/arabic.pdf'), '-']);
    expect(pdf.code).toBe(0);
    expect(pdf.stdout).toContain('Cairo');
    // pdftotext ends each page with a form feed of its own.
    expect(pdf.stdout.replace(/\f/g, '')).not.toMatch(TERMINAL_CONTROL);
  });
});

describe('a release file name holding a newline, an ESC and a C1 control', () => {
  // A file name cannot hold "/": the forgery is the build's last line, the verdict.
  const forged = '1 built, 0 unchanged, 0 failed in 0.01 s → dist';
  const name = `evil\n${forged}\u001b[2K\u009b.md`;
  const shown = `releases/evil\\n${forged}\\u001b[2K\\u009b.md`;
  let project: string;

  beforeAll(async () => {
    project = await makeProject({
      [`releases/${name}`]: '---\ntitle: T\nlang: not a language!\ndate: 2026-11-27\n---\nBody.\n',
    });
  });

  /** The output may name the file, but only escaped and on one line: no line is forged. */
  function expectEscaped(output: string, times: number): void {
    expect(output).not.toMatch(TERMINAL_CONTROL);
    const lines = output.split('\n');
    expect(lines.filter((line) => line.startsWith(forged.slice(0, 8)))).toEqual([]);
    expect(lines.filter((line) => line.includes(shown)).length).toBeGreaterThanOrEqual(times);
  }

  it('build: the plain CI log shows it escaped', async () => {
    const build = await runCli(['build'], { cwd: project });
    expect(build.code).toBe(1);
    expectEscaped(build.stderr, 1);
    expect(build.stderr).toContain(
      `${shown}:3: lang: is not a BCP 47 language tag (e.g. fr, en, fr-BE)`,
    );
  });

  it('check: text, GitHub annotations and JSON', async () => {
    const text = await runCli(['check'], { cwd: project });
    expect(text.code).toBe(1);
    expect(text.stdout).toBe(
      `${shown}:3: lang: is not a BCP 47 language tag (e.g. fr, en, fr-BE)\n`,
    );

    const github = await runCli(['check', '--format', 'github'], { cwd: project });
    expect(github.code).toBe(1);
    expect(github.stdout).toBe(
      `::error file=${shown.replace(/,/g, '%2C')},line=3,title=presskit%3A lang::lang: is not a BCP 47 language tag (e.g. fr, en, fr-BE)\n`,
    );

    const json = await runCli(['check', '--format', 'json'], { cwd: project });
    expect(json.stdout).not.toMatch(TERMINAL_CONTROL);
    const report = JSON.parse(json.stdout) as { releases: { source: string }[] };
    expect(report.releases.map((release) => release.source)).toEqual([`releases/${name}`]);
  });
});
