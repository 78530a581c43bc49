import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePng, makeProject, runCli } from './helpers.js';

/** A release with one mistake of each kind, each on its own line. */
const MANY_MISTAKES = `---
title: Acme opens an office
sumary: A new office in Ghent.
lang: en
date: 2026-13-45
contacts:
  - name: Ann Lee
    email: ann(at)acme.example
    phone: "12"
    emial: ann@acme.example
assets:
  - file: missing.png
    alt: A photo that is not there
---

Read [the plan](javascript:alert(1)).
`;

/** Each problem line of `check`'s text output (stdout). */
const problemLines = (stdout: string): string[] => stdout.split('\n').filter(Boolean);

describe('every problem of a release in one run, in the order of the file', () => {
  it('check and build report schema, dates, phones, assets and links together, by line', async () => {
    const root = await makeProject({
      'releases/office.md': MANY_MISTAKES,
      'releases/photo.png': makePng(8, 8, [10, 20, 30]),
    });
    const checked = await runCli(['check'], { cwd: root });
    expect(checked.code).toBe(1);
    const lines = problemLines(checked.stdout);
    expect(
      lines.map((line) =>
        /^releases\/office\.md:(\d+)(?::\d+)?: (?:([\w.[\]]+): )?/.exec(line)?.slice(1),
      ),
    ).toEqual([
      ['3', 'sumary'],
      ['5', 'date'],
      ['8', 'contacts[0].email'],
      ['9', 'contacts[0].phone'],
      ['10', 'contacts[0].emial'],
      ['12', 'assets[0].file'],
      ['16', undefined],
    ]);
    expect(lines[0]).toMatch(/unknown field; did you mean "summary"\?/);
    expect(lines[1]).toMatch(/"2026-13-45" is not a date/);
    expect(lines[4]).toMatch(/unknown field; did you mean "email"\?/);
    expect(lines[6]).toMatch(/javascript:/);

    // build names the same problems, in the same order, in its one run.
    const built = await runCli(['build', '-o', join(root, 'out')], { cwd: root });
    expect(built.code).toBe(1);
    const reported = built.stderr
      .split('\n')
      .filter((line) => line.startsWith('releases/office.md:'));
    expect(reported).toEqual(lines);
  });
});

describe('the commonest YAML mistakes get a plain hint, with file and line', () => {
  it.each([
    ['title: Acme: a new era', 'title: "Acme: a new era"'],
    ['title: "We are thrilled," says Acme', `title: '"We are thrilled," says Acme'`],
  ])('%s', async (line, fixed) => {
    const root = await makeProject({
      'releases/news.md': `---\nlang: en\n${line}\ndate: 2026-01-02\n---\n\nText.\n`,
    });
    const checked = await runCli(['check'], { cwd: root });
    expect(checked.code).toBe(1);
    expect(problemLines(checked.stdout)).toEqual([
      expect.stringMatching(/^releases\/news\.md:3: title: .*put the whole title in quotes/),
    ]);
    expect(checked.stdout).toContain(`e.g. ${fixed}`);
    // The line it suggests is right: the release then passes.
    const repaired = await makeProject({
      'releases/news.md': `---\nlang: en\n${fixed}\ndate: 2026-01-02\n---\n\nText.\n`,
    });
    expect((await runCli(['check'], { cwd: repaired })).code).toBe(0);
  });

  it('names the body’s problems in the same run as the YAML mistake', async () => {
    const root = await makeProject({
      'releases/news.md': `---\ntitle: Acme: a new era\nlang: en\ndate: 2026-01-02\n---\n\nSee [it](javascript:go()).\n`,
    });
    const checked = await runCli(['check'], { cwd: root });
    expect(checked.code).toBe(1);
    expect(problemLines(checked.stdout)).toEqual([
      expect.stringMatching(/^releases\/news\.md:2: title: .*put the whole title in quotes/),
      expect.stringMatching(/^releases\/news\.md:7: link "javascript:go\(\)" uses javascript:/),
    ]);
  });

  it('the config’s unknown fields get "did you mean" too, by line', async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'outt: public\ncontacts:\n  - name: A\n    emial: a@b.example\n',
      'releases/news.md': '---\ntitle: T\nlang: en\ndate: 2026-01-02\n---\n\nText.\n',
    });
    const checked = await runCli(['check'], { cwd: join(root, 'releases') });
    expect(checked.code).toBe(2);
    expect(problemLines(checked.stderr)).toEqual([
      'presskit: ../presskit.config.yaml:1: outt: unknown field; did you mean "out"?',
      'presskit: ../presskit.config.yaml:4: contacts[0].emial: unknown field; did you mean "email"?',
    ]);
  });
});
