import { existsSync } from 'node:fs';
import { readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copySample, makeProject, minimalRelease, runCli, SAMPLE_SLUG } from './helpers.js';
import { build, PresskitError } from '../../src/index.js';

const bomb = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'title: [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
].join('\n');

/** Each bad release, and what its one-line error must say. */
const BAD: Record<string, { content: string | Uint8Array; expected: RegExp }> = {
  'js-frontmatter': {
    content: "---js\n{ title: require('fs').writeFileSync('PWNED', 'x') }\n---\nBody\n",
    expected: /js-frontmatter\.md:1: frontmatter language "js" is refused/,
  },
  'malformed-yaml': {
    content: '---\ntitle: "unclosed\nlang: en\n---\nBody\n',
    expected: /malformed-yaml\.md:\d+(:\d+)?: invalid YAML/,
  },
  empty: { content: '', expected: /empty\.md: empty file/ },
  binary: {
    content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]),
    expected: /binary\.md: binary file/,
  },
  'missing-fields': {
    content: '---\nsubtitle: no title, date or lang\n---\nBody\n',
    expected: /missing-fields\.md: title: is required/,
  },
  'alias-bomb': {
    content: `---\n${bomb}\n---\nBody\n`,
    expected: /alias-bomb\.md:2: too many YAML aliases/,
  },
  'script-body': {
    content: minimalRelease({}, 'Hello.\n\n<script>alert(1)</script>\n'),
    expected: /script-body\.md:9: <script> is not allowed/,
  },
  'javascript-link': {
    content: minimalRelease({}, 'Click [here](javascript:alert(1)).'),
    expected: /javascript-link\.md:7: link "javascript:alert\(1\)" uses javascript:/,
  },
  'image-outside': {
    content: minimalRelease({}, '![The password file](../../../etc/passwd.png)'),
    expected:
      /image-outside\.md:7: body image: "\.\.\/\.\.\/\.\.\/etc\/passwd\.png": is outside the project folder/,
  },
  'remote-image': {
    content: minimalRelease({}, '![A tracker](https://tracker.example.com/pixel.png)'),
    expected: /remote-image\.md:7: body image: .*remote files are not allowed/,
  },
  'bad-phone': {
    content:
      '---\ntitle: T\nlang: en\ndate: 2026-11-27\ncontacts:\n  - name: A\n    phone: call me\n---\nBody\n',
    expected:
      /bad-phone\.md:7: contacts\[0\]\.phone: "call me" is not a valid international phone number/,
  },
};

describe('bad input: one clear line per problem, nothing half-written', () => {
  let project: string;
  let result: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    const files: Record<string, string | Uint8Array> = {};
    for (const [name, bad] of Object.entries(BAD)) files[`releases/${name}.md`] = bad.content;
    project = await makeProject(files);
    await copySample(project);
    result = await runCli(['build'], { cwd: project });
  });

  it('exits 1 and still builds the good release', async () => {
    expect(result.code).toBe(1);
    expect(existsSync(join(project, 'dist', `${SAMPLE_SLUG}.zip`))).toBe(true);
    expect(result.stderr).toMatch(new RegExp(`built\\s+${SAMPLE_SLUG}`));
  });

  it.each(Object.entries(BAD))('%s: names the file, field and line', (_name, bad) => {
    expect(result.stderr).toMatch(bad.expected);
  });

  it('prints no stack trace for user mistakes', () => {
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/Error:/);
  });

  it('never runs frontmatter as code', () => {
    expect(existsSync(join(project, 'PWNED'))).toBe(false);
    expect(existsSync(join(project, 'releases', 'PWNED'))).toBe(false);
  });

  it('leaves no output for failed releases and no staging files', async () => {
    const outputs = await readdir(join(project, 'dist'));
    expect(outputs.sort()).toEqual(
      ['.presskit-state', 'index.html', SAMPLE_SLUG, `${SAMPLE_SLUG}.zip`].sort(),
    );
  });
});

describe('a failing rebuild keeps the earlier kit', () => {
  it('leaves the previous kit and zip byte for byte', async () => {
    const project = await makeProject();
    await copySample(project);
    expect((await runCli(['build'], { cwd: project })).code).toBe(0);
    const zip = join(project, 'dist', `${SAMPLE_SLUG}.zip`);
    const pdf = join(project, 'dist', SAMPLE_SLUG, `${SAMPLE_SLUG}.pdf`);
    const [zipBefore, pdfBefore] = await Promise.all([readFile(zip), readFile(pdf)]);

    const source = join(project, 'releases', `${SAMPLE_SLUG}.md`);
    const text = await readFile(source, 'utf8');
    await writeFile(source, text.replace('email: oheadon@iom.int', 'email: not-an-email'));
    const rebuild = await runCli(['build'], { cwd: project });
    expect(rebuild.code).toBe(1);
    expect(rebuild.stderr).toMatch(/contacts\[0\]\.email: is not a valid e-mail address/);
    expect((await readFile(zip)).equals(zipBefore)).toBe(true);
    expect((await readFile(pdf)).equals(pdfBefore)).toBe(true);
  });
});

describe('library options', () => {
  it('refuses a concurrency that is not a positive whole number, before starting anything', async () => {
    const root = await makeProject({ 'releases/a.md': minimalRelease() });
    for (const concurrency of [0, 1.5, -2]) {
      const error = await build({ root, concurrency, force: true }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(PresskitError);
      expect(error).toMatchObject({ code: 'E_USAGE' });
      expect(String(error)).toContain('concurrency');
    }
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});

describe('command line', () => {
  it('exits 2 with one line for a path that does not exist', async () => {
    const project = await makeProject();
    const result = await runCli(['build', 'nowhere'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('presskit: nowhere: cannot read release path (no such file)');
  });

  it('exits 2 on a bad flag value', async () => {
    const project = await makeProject();
    const result = await runCli(['build', '--shard', '4/3'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--shard');
  });

  it('reports a bad project config with its file, field and line', async () => {
    const project = await makeProject({ 'presskit.config.yaml': 'paper: A5\n' });
    await copySample(project);
    const result = await runCli(['build'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'presskit: presskit.config.yaml:1: paper: must be A4 or Letter',
    );
  });

  it('writes a JSON summary on stdout with --json', async () => {
    const project = await makeProject({ 'releases/broken.md': minimalRelease({ date: 'soon' }) });
    await copySample(project);
    const result = await runCli(['build', '--json'], { cwd: project });
    expect(result.code).toBe(1);
    const report: unknown = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      ok: false,
      releases: expect.arrayContaining([
        expect.objectContaining({ source: 'releases/broken.md', status: 'failed' }),
        expect.objectContaining({
          slug: SAMPLE_SLUG,
          status: 'built',
          zip: expect.objectContaining({
            path: `${SAMPLE_SLUG}.zip`,
            sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          }),
          files: expect.arrayContaining([
            expect.objectContaining({ path: `${SAMPLE_SLUG}/${SAMPLE_SLUG}.pdf` }),
          ]),
        }),
      ]),
    });
  });

  it('check reports problems as file:line and as GitHub annotations, writing nothing', async () => {
    const project = await makeProject({
      'releases/bad.md': minimalRelease({ lang: 'not a language!' }),
    });
    await copySample(project);
    const text = await runCli(['check'], { cwd: project });
    expect(text.code).toBe(1);
    expect(text.stdout.trim()).toBe(
      'releases/bad.md:3: lang: is not a BCP 47 language tag (e.g. fr, en, fr-BE)',
    );
    const github = await runCli(['check', '--format', 'github'], { cwd: project });
    expect(github.stdout.trim()).toBe(
      '::error file=releases/bad.md,line=3,title=presskit%3A lang::lang%3A is not a BCP 47 language tag (e.g. fr, en, fr-BE)'.replace(
        'lang%3A is',
        'lang: is',
      ),
    );
    // A project in a folder of the repository: GitHub reads the file from the repository's root.
    const inRepository = await runCli(['check', '--format', 'github'], {
      cwd: project,
      env: { GITHUB_WORKSPACE: dirname(project) },
    });
    expect(inRepository.stdout.trim()).toMatch(
      new RegExp(`^::error file=${basename(project)}/releases/bad\\.md,line=3,`),
    );
    expect(existsSync(join(project, 'dist'))).toBe(false);
  });

  it('check warns as build does, on stderr and in each format, and passes; build --json keeps them', async () => {
    const elsewhere = await makeProject({ 'linked.md': minimalRelease({ title: 'Linked' }) });
    const project = await makeProject({
      'releases/swahili.md': minimalRelease({ title: 'Habari', lang: 'sw' }),
    });
    await copySample(project);
    await symlink(join(elsewhere, 'linked.md'), join(project, 'releases/linked.md'));
    const linked =
      'releases/linked.md: warning: skipped: a symbolic link, which presskit does not follow when it looks for releases';
    const labels =
      /^releases\/swahili\.md:3: warning: presskit has no labels in "sw"; \d+ label\(s\) shown in English/;
    const text = await runCli(['check'], { cwd: project });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe('');
    const lines = text.stderr.trim().split('\n');
    expect(lines[0]).toContain(linked);
    expect(lines[1]).toMatch(labels);
    expect(lines[2]).toBe('2 release(s) checked, no problems, 2 warning(s)');
    const json = await runCli(['check', '--format', 'json'], { cwd: project });
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      problems: [],
      warnings: [{ file: 'releases/linked.md' }, { file: 'releases/swahili.md', line: 3 }],
    });
    const github = await runCli(['check', '--format', 'github'], { cwd: project });
    expect(
      github.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(' ', 1)[0]),
    ).toEqual(['::warning', '::warning']);
    // build says the same, once each, and builds the rest.
    const built = await runCli(['build'], { cwd: project });
    expect(built.code, built.stderr).toBe(0);
    const warnings = built.stderr.split('\n').filter((line) => line.includes(': warning: '));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(linked);
    expect(warnings[1]).toMatch(labels);
    expect(await readdir(join(project, 'dist'))).not.toContain('linked');
    // And its JSON report keeps them, by file.
    const json2 = await runCli(['build', '--json', '--force'], { cwd: project });
    expect(json2.code, json2.stderr).toBe(0);
    expect(JSON.parse(json2.stdout)).toMatchObject({
      ok: true,
      warnings: [{ file: 'releases/linked.md' }, { file: 'releases/swahili.md', line: 3 }],
    });
  });
});
