import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, SAMPLE, foldSpaces, makeProject, minimalRelease, run, runCli } from './helpers.js';

/** The files of docs/templates.md's worked override: fences titled with their path. */
async function workedOverride(): Promise<Record<string, string>> {
  const docs = await readFile(join(REPO, 'docs/templates.md'), 'utf8');
  const files: Record<string, string> = {};
  for (const [, lang, path, text] of docs.matchAll(/```(\w+) title="([^"]+)"\n([\s\S]*?)```/g)) {
    if (!path || text === undefined) continue;
    files[path] = lang === 'yaml' ? `---\n${text}---\n\nThe week opens today.\n` : text;
  }
  return files;
}

describe("a theme's mistakes name the theme's file, line and column", () => {
  it("blames the user's partial, not the default page.liquid that rendered it", async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'template: theme\n',
      'releases/a.md': minimalRelease(),
      'theme/headline.liquid':
        '<header class="release-head">\n<h1>{{ head.titel }}</h1>\n</header>\n',
    });
    const build = await runCli(['build', '--quiet'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(
      'theme/headline.liquid:2:8: undefined variable "head.titel": no such variable here',
    );
    expect(build.stderr).not.toContain('page.liquid');
    // check renders the theme with the release: the same line, first, without a build.
    const check = await runCli(['check'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n')[0]).toMatch(
      /^theme\/headline\.liquid:2:8: undefined variable "head\.titel"/,
    );
  });

  it('check parses every template of the theme, used or not, and names each error', async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'template: theme\n',
      'releases/a.md': minimalRelease(),
      'theme/footer.liquid': '<footer>\n{% if downloads %}\n<p>open</p>\n',
      'theme/banner.liquid': '<p>\n  {{ title | shout }}</p>\n',
    });
    const result = await runCli(['check', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { theme: unknown[] };
    expect(report.theme).toEqual([
      { file: 'theme/banner.liquid', line: 2, column: 3, message: 'undefined filter: shout' },
      {
        file: 'theme/footer.liquid',
        line: 2,
        column: 1,
        message: expect.stringMatching(/^tag \{% if downloads %\} not closed/),
      },
    ]);
  });

  it('build stops before it starts on a template that does not parse, naming it once', async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'template: theme\n',
      'releases/a.md': minimalRelease(),
      'releases/b.md': minimalRelease(),
      'theme/banner.liquid': '<p>\n  {{ title | shout }}</p>\n',
    });
    const result = await runCli(['build', '--quiet'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr.match(/theme\/banner\.liquid:2:3: undefined filter: shout/g)).toHaveLength(
      1,
    );
  });

  it('builds the default theme with strict variables, for a bare release and a full one', async () => {
    // A copy of the default theme as the project's own: check renders it with each release.
    const root = await makeProject({
      'presskit.config.yaml': 'template: theme\n',
      'releases/bare.md': minimalRelease(),
    });
    await cp(join(REPO, 'templates/default'), join(root, 'theme'), { recursive: true });
    await cp(SAMPLE, join(root, 'releases/sample.md'));
    const result = await runCli(['check'], { cwd: root });
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});

describe("docs/templates.md's worked override", () => {
  it('builds as written: the banner on the page and in the PDF', async () => {
    const files = await workedOverride();
    expect(Object.keys(files).sort()).toEqual(['releases/campaign.md', 'theme/headline.liquid']);
    const root = await makeProject({
      ...files,
      'presskit.config.yaml': 'template: theme\n',
      // A release without the campaign: the guard shows no banner.
      'releases/plain.md': minimalRelease(),
    });
    const check = await runCli(['check'], { cwd: root });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const build = await runCli(['build', '--quiet'], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    const page = await readFile(join(root, 'dist/campaign/index.html'), 'utf8');
    expect(page).toContain('<p class="campaign">Safe Migration 2026</p>');
    expect(page).toMatch(/<\/time> · Europe<\/p>/);
    const plain = await readFile(join(root, 'dist/plain/index.html'), 'utf8');
    expect(plain).not.toContain('class="campaign"');
    const pdf = await run('pdftotext', [join(root, 'dist/campaign/campaign.pdf'), '-']);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(foldSpaces(pdf.stdout)).toContain(
      'Safe Migration 2026 PRESS RELEASE Safe Migration week opens in Brussels Nov. 27, 2026 · Europe',
    );
  });
});
