import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Run } from './helpers.js';
import { makePng, makeProject, minimalRelease, runCli } from './helpers.js';

/** `file:line: field: message`, the one line each failing release must get. */
const PROBLEM_LINE = /^releases\/[\w-]+\.md:\d+: [\w.[\]]+: \S.*$/;

/** Nested lists, one level per line, each indented under the one before. */
const indentedList = (levels: number): string =>
  Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join(
    '\n',
  );

/**
 * Each release that used to crash the whole build (exit 70, a stack trace, no index), and
 * the line it must now get. The minimal frontmatter is lines 1-5, the body starts on 7.
 */
const BAD = {
  // A biography pasted as the role: the card no longer fits a QR code.
  'long-role': {
    content: minimalRelease({
      contacts: `\n  - name: Eve Example\n    role: ${'Head of communications and '.repeat(110)}`,
    }),
    expected:
      /^releases\/long-role\.md:7: contacts\[0\]\.role: the contact card is \d+ bytes, more than a QR code holds \(2331\): shorten the role \(\d+ bytes\) by at least \d+ bytes$/,
  },
  'deep-quote': {
    content: minimalRelease({}, `Intro.\n\n${'>'.repeat(2000)} deep`),
    expected: /^releases\/deep-quote\.md:9: body: block quotes or lists nested more than 100/,
  },
  // Marked overflows at ~1,250 such levels, after a minute of parsing: refused unread.
  'deep-list': {
    content: minimalRelease({}, indentedList(1300)),
    expected: /^releases\/deep-list\.md:107: body: block quotes or lists nested more than 100/,
  },
  'deep-boilerplate': {
    content: minimalRelease({ boilerplate: `"${'- '.repeat(2000)}About us."` }),
    expected: /^releases\/deep-boilerplate\.md:5: boilerplate: block quotes or lists nested/,
  },
};

function problemLines(text: string): string[] {
  return text.split('\n').filter((line) => /^releases\//.test(line));
}

describe('one release’s failure is that release’s problem only', () => {
  let project: string;
  let build: Run;
  let check: Run;

  beforeAll(async () => {
    const files: Record<string, string> = { 'releases/good.md': minimalRelease() };
    for (const [name, bad] of Object.entries(BAD)) files[`releases/${name}.md`] = bad.content;
    project = await makeProject(files);
    build = await runCli(['build'], { cwd: project });
    check = await runCli(['check'], { cwd: project });
  }, 120_000);

  it('build exits 1, not 70, with no stack trace', () => {
    expect(build.code).toBe(1);
    expect(build.stderr).not.toMatch(/^\s+at /m);
    expect(build.stderr).not.toMatch(/internal error|Error:/);
  });

  it.each(Object.entries(BAD))('%s: one line naming file, line and field', (name, bad) => {
    const lines = problemLines(build.stderr).filter((line) => line.includes(`/${name}.md:`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(PROBLEM_LINE);
    expect(lines[0]).toMatch(bad.expected);
  });

  it('builds the good release and writes the newsroom index listing it alone', async () => {
    expect(existsSync(join(project, 'dist/good.zip'))).toBe(true);
    expect(existsSync(join(project, 'dist/good/good.pdf'))).toBe(true);
    const entries = (await readdir(join(project, 'dist'))).filter((name) => name !== 'index.html');
    expect(entries.sort()).toEqual(['.presskit-state', 'good', 'good.zip']);
    const index = await readFile(join(project, 'dist/index.html'), 'utf8');
    expect(index).toContain('href="good/index.html"');
    for (const name of Object.keys(BAD)) expect(index).not.toContain(name);
  });

  it('check exits 1 with the same lines as build', () => {
    expect(check.code).toBe(1);
    const expected = problemLines(build.stderr).sort();
    expect(expected).toHaveLength(Object.keys(BAD).length);
    expect(check.stdout.trim().split('\n').sort()).toEqual(expected);
    expect(check.stderr).toMatch(/5 release\(s\) checked, 4 problem\(s\)/);
  });
});

describe('a bug met while building one release', () => {
  // Fault injection: the real CLI, with reading the image of two releases made to throw
  // what no presskit code expects. The first read of each image is the asset check's, which
  // reports any failure to read as the user's problem; the ones after it (to hash the image,
  // to inline it) are where a bug would surface.
  const FAULT = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const readFile = fs.promises.readFile;
const reads = new Map();
fs.promises.readFile = function (path, ...rest) {
  const name = String(path);
  reads.set(name, (reads.get(name) ?? 0) + 1);
  if (/fault-[ab]\\.png$/.test(name) && reads.get(name) > 1) {
    return Promise.reject(new TypeError('injected fault'));
  }
  return readFile.call(this, path, ...rest);
};
syncBuiltinESMExports();
`;
  let project: string;
  let preload: string;

  beforeAll(async () => {
    const image = (name: string): string => `![A chart](fault-${name}.png)`;
    project = await makeProject({
      'releases/good.md': minimalRelease(),
      'releases/faulty-a.md': minimalRelease({ title: 'Faulty A' }, image('a')),
      'releases/faulty-b.md': minimalRelease({ title: 'Faulty B' }, image('b')),
      'releases/fault-a.png': makePng(8, 8, [200, 60, 60]),
      'releases/fault-b.png': makePng(8, 8, [60, 200, 60]),
    });
    preload = join(project, 'fault.mjs');
    await writeFile(preload, FAULT);
  });

  const buildWithFault = (env: NodeJS.ProcessEnv = {}): Promise<Run> =>
    runCli(['build', '--force'], {
      cwd: project,
      env: { NODE_OPTIONS: `--import=${preload}`, PRESSKIT_DEBUG: '', ...env },
    });

  it('fails that release with one line, builds the others, writes the index, exits 1', async () => {
    const result = await buildWithFault();
    expect(result.code).toBe(1);
    for (const name of ['faulty-a', 'faulty-b']) {
      expect(problemLines(result.stderr)).toContain(
        `releases/${name}.md: internal error while building this release: injected fault ` +
          '(please report it; PRESSKIT_DEBUG=1 prints its stack trace)',
      );
    }
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).toMatch(/1 built, 0 unchanged, 2 failed/);
    expect(existsSync(join(project, 'dist/good.zip'))).toBe(true);
    expect(existsSync(join(project, 'dist/faulty-a'))).toBe(false);
    const index = await readFile(join(project, 'dist/index.html'), 'utf8');
    expect(index).toContain('href="good/index.html"');
    expect(index).not.toContain('faulty');
  }, 120_000);

  it('prints the stack trace once with PRESSKIT_DEBUG, however many releases it failed', async () => {
    const result = await buildWithFault({ PRESSKIT_DEBUG: '1' });
    expect(result.code).toBe(1);
    expect(result.stderr.match(/^TypeError: injected fault$/gm)).toHaveLength(1);
    expect(result.stderr).toMatch(/^TypeError: injected fault\n\s+at /m);
    expect(result.stderr).toMatch(/^\s+at .*buildOne/m);
  }, 120_000);
});
