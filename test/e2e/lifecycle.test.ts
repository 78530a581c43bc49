import { createHash } from 'node:crypto';
import { access, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldSpaces, makeProject, run, runCli } from './helpers.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every element of a page, as an HTML parser no one here wrote reads it. */
function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node): void => {
    if ('tagName' in node) found.push(node);
    if ('childNodes' in node) node.childNodes.forEach(walk);
    if ('content' in node) walk(node.content);
  };
  walk(parse(html));
  return found;
}

/** The text of the page's body, spaces folded. */
function bodyText(html: string): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  const body = elements(html).find((element) => element.tagName === 'body');
  if (body) walk(body);
  return foldSpaces(parts.join(' '));
}

const attr = (element: Element, name: string): string | undefined =>
  element.attrs.find((attribute) => attribute.name === name)?.value;

/** The head's meta and link elements, as `name=content` or `rel=href`. */
function headTags(html: string): string[] {
  return elements(html).flatMap((element) => {
    if (element.tagName === 'meta') {
      const key = attr(element, 'name') ?? attr(element, 'property');
      return key ? [`${key}=${attr(element, 'content') ?? ''}`] : [];
    }
    if (element.tagName === 'link') return [`${attr(element, 'rel')}=${attr(element, 'href')}`];
    return [];
  });
}

/** The kit pages the newsroom index links to (`<slug>/index.html`). */
function listed(html: string): string[] {
  const pages = elements(html)
    .filter((element) => element.tagName === 'a')
    .map((element) => attr(element, 'href') ?? '')
    .filter((href) => href.endsWith('/index.html'))
    .map((href) => href.slice(0, -'/index.html'.length));
  return [...new Set(pages)].sort();
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
});

async function expectValidHtml(file: string): Promise<void> {
  const report = await validator.validateString(await readFile(file, 'utf8'));
  expect(report.results.flatMap((result) => result.messages.map((m) => m.message))).toEqual([]);
}

const release = (fields: string, body = 'Body text.'): string =>
  `---\n${fields.trim()}\n---\n\n${body}\n`;

const LONG = Array.from(
  { length: 40 },
  (_, i) => `Paragraph ${i + 1}. ${'The plan covers training, data and return. '.repeat(8)}`,
).join('\n\n');

const EMBARGOED = release(
  `
title: The embargoed plan
lang: en
date: 2026-12-10
embargo: 2026-12-10T10:00:00+01:00
timezone: Europe/Brussels
summary: A plan under embargo.
`,
  LONG,
);

const PUBLISHED = release(`
title: Le plan publié
lang: fr
date: 2026-11-20
modified: 2026-11-22T09:30:00+01:00
timezone: Europe/Brussels
correction: Une version précédente donnait un mauvais chiffre.
summary: Un plan publié.
`);

const BEFORE = '2026-12-10T08:59:00Z';
const AFTER = '2026-12-10T09:00:00Z';
const BASE = 'https://press.example.org/';

interface Json {
  releases: { source: string; slug?: string; status: string; lifecycle?: string }[];
  removed: { slug: string; why: string; kept: string[] }[];
}

async function build(root: string, ...flags: string[]): Promise<Json> {
  const result = await runCli(['build', '--json', '--base-url', BASE, ...flags], { cwd: root });
  expect(result.stderr).not.toMatch(/internal error/);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

const statusOf = (report: Json, source: string) =>
  report.releases.find((entry) => entry.source === source);

async function pdfPages(pdf: string): Promise<string[]> {
  const info = await run('pdfinfo', [pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
  const texts: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const args = ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'];
    texts.push(foldSpaces((await run('pdftotext', args)).stdout));
  }
  return texts;
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

async function digests(dir: string, names: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of names)
    out[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  return out;
}

describe('an embargo, before and after it passes (--now)', () => {
  let root: string;
  let before: Json;
  beforeAll(async () => {
    root = await makeProject({ 'releases/plan.md': EMBARGOED, 'releases/publie.md': PUBLISHED });
    before = await build(root, '--now', BEFORE);
  }, 60_000);

  it('builds the kit, marked on every page of the PDF by a running header', async () => {
    expect(statusOf(before, 'releases/plan.md')).toMatchObject({
      status: 'built',
      lifecycle: 'embargoed',
    });
    const pages = await pdfPages(join(root, 'dist/plan/plan.pdf'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const text of pages)
      expect(text).toContain('EMBARGOED UNTIL Dec. 10, 2026, 10 a.m. CET (09:00 UTC)');
    // Page 2 holds no masthead: what it says there is the running header.
    const page2 = foldSpaces(
      (await run('pdftotext', ['-f', '2', '-l', '2', join(root, 'dist/plan/plan.pdf'), '-']))
        .stdout,
    );
    expect(page2.startsWith('EMBARGOED UNTIL')).toBe(true);
    const text = await readFile(join(root, 'dist/plan/plan.txt'), 'utf8');
    expect(foldSpaces(text.split('\n')[2] ?? '')).toBe(
      'EMBARGOED UNTIL Dec. 10, 2026, 10 a.m. CET (09:00 UTC)',
    );
  });

  it('gives its page noindex and no canonical, Open Graph or Twitter tags', async () => {
    await expectValidHtml(join(root, 'dist/plan/index.html'));
    await expectValidHtml(join(root, 'dist/publie/index.html'));
    const tags = headTags(await readFile(join(root, 'dist/plan/index.html'), 'utf8'));
    expect(tags).toContain('robots=noindex');
    expect(tags.filter((tag) => /^(og:|twitter:|article:|canonical=)/.test(tag))).toEqual([]);
    const published = headTags(await readFile(join(root, 'dist/publie/index.html'), 'utf8'));
    expect(published).not.toContain('robots=noindex');
    expect(published).toContain(`canonical=${BASE}publie/`);
    expect(published).toContain('og:title=Le plan publié');
  });

  it('keeps it out of the newsroom index; --include-embargoed lists it, marked', async () => {
    expect(listed(await readFile(join(root, 'dist/index.html'), 'utf8'))).toEqual(['publie']);
    const press = await makeProject({ 'releases/plan.md': EMBARGOED });
    await build(press, '--now', BEFORE, '--include-embargoed');
    const html = await readFile(join(press, 'dist/index.html'), 'utf8');
    expect(listed(html)).toEqual(['plan']);
    await expectValidHtml(join(press, 'dist/index.html'));
    const marker = elements(html).find((element) => attr(element, 'class')?.includes('embargoed'));
    expect(marker && attr(marker, 'class')).toBe('release-status embargoed');
    const time = elements(html).find((element) => element.tagName === 'time');
    expect(time && attr(time, 'datetime')).toBe('2026-12-10T10:00:00+01:00');
    // `presskit index` reads the lifecycle back from the kits.
    expect((await runCli(['index'], { cwd: press })).code).toBe(0);
    expect(listed(await readFile(join(press, 'dist/index.html'), 'utf8'))).toEqual([]);
    expect((await runCli(['index', '--include-embargoed'], { cwd: press })).code).toBe(0);
    expect(listed(await readFile(join(press, 'dist/index.html'), 'utf8'))).toEqual(['plan']);
  }, 60_000);

  it('is the same bytes for the same input and --now, and unchanged when built again', async () => {
    const other = await makeProject({ 'releases/plan.md': EMBARGOED });
    await build(other, '--now', BEFORE);
    const files = ['plan/index.html', 'plan/plan.pdf', 'plan/plan.txt', 'plan.zip'];
    expect(await digests(join(other, 'dist'), files)).toEqual(
      await digests(join(root, 'dist'), files),
    );
    const again = await build(other, '--now', BEFORE);
    expect(statusOf(again, 'releases/plan.md')?.status).toBe('unchanged');
  }, 60_000);

  it('is rebuilt unmarked and listed by a build once the embargo has passed', async () => {
    const after = await build(root, '--now', AFTER);
    expect(statusOf(after, 'releases/plan.md')).toMatchObject({
      status: 'built',
      lifecycle: 'published',
    });
    expect(statusOf(after, 'releases/publie.md')?.status).toBe('unchanged');
    expect(listed(await readFile(join(root, 'dist/index.html'), 'utf8'))).toEqual([
      'plan',
      'publie',
    ]);
    const pages = await pdfPages(join(root, 'dist/plan/plan.pdf'));
    expect(pages.slice(1).every((text) => !text.includes('EMBARGOED'))).toBe(true);
    const tags = headTags(await readFile(join(root, 'dist/plan/index.html'), 'utf8'));
    expect(tags).not.toContain('robots=noindex');
    expect(tags).toContain(`og:url=${BASE}plan/`);
    expect(statusOf(await build(root, '--now', AFTER), 'releases/plan.md')?.status).toBe(
      'unchanged',
    );
  }, 60_000);

  it('shows modified as a localised "Updated" line with the correction, page and PDF', async () => {
    const html = await readFile(join(root, 'dist/publie/index.html'), 'utf8');
    const updated = elements(html).find((element) => attr(element, 'class') === 'updated');
    const time = updated?.childNodes.find((node): node is Element => 'tagName' in node);
    expect(time && attr(time, 'datetime')).toBe('2026-11-22T09:30:00+01:00');
    const pdf = (await pdfPages(join(root, 'dist/publie/publie.pdf'))).join(' ');
    expect(pdf).toContain('Mis à jour le 22 novembre 2026 à 9 h 30');
    expect(pdf).toContain('Correctif : Une version précédente donnait un mauvais chiffre.');
    expect(foldSpaces(await readFile(join(root, 'dist/publie/publie.txt'), 'utf8'))).toContain(
      'Mis à jour le 22 novembre 2026 à 9 h 30 Correctif : Une version',
    );
  });

  it('refuses a --now without an offset, as a usage error', async () => {
    const result = await runCli(['build', '--now', '2026-12-10T10:00:00'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--now: "2026-12-10T10:00:00" is not a datetime with offset/);
  });
});

describe('drafts and withdrawals', () => {
  it('leaves a draft out, unvalidated, unless --drafts; then marks it and never lists it', async () => {
    const root = await makeProject({
      // No date: work in progress need not pass yet.
      'releases/wip.md': release('title: Not ready\nlang: en\nstatus: draft'),
      'releases/ready.md': release('title: Ready\nlang: en\ndate: 2026-11-01\nstatus: draft'),
      'releases/out.md': release('title: Out\nlang: en\ndate: 2026-11-02'),
    });
    const checked = await runCli(['check'], { cwd: root });
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain('1 release(s) checked, no problems; 2 draft(s) left out');
    const strict = await runCli(['check', '--drafts'], { cwd: root });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('releases/wip.md: date: is required');
    const plain = await build(root);
    expect(statusOf(plain, 'releases/wip.md')?.status).toBe('draft');
    expect(statusOf(plain, 'releases/ready.md')?.status).toBe('draft');
    expect(await exists(join(root, 'dist/ready'))).toBe(false);

    await rm(join(root, 'releases/wip.md'));
    const drafts = await build(root, '--drafts');
    expect(statusOf(drafts, 'releases/ready.md')).toMatchObject({
      status: 'built',
      lifecycle: 'draft',
    });
    expect(headTags(await readFile(join(root, 'dist/ready/index.html'), 'utf8'))).toContain(
      'robots=noindex',
    );
    const page2 = await pdfPages(join(root, 'dist/ready/ready.pdf'));
    expect(page2[0]).toContain('DRAFT — NOT FOR PUBLICATION');
    expect(listed(await readFile(join(root, 'dist/index.html'), 'utf8'))).toEqual(['out']);

    // Built without --drafts again, the draft's kit goes.
    const again = await build(root);
    expect(again.removed).toEqual([
      { slug: 'ready', why: 'draft', kept: [], sourceFile: expect.any(String) },
    ]);
    expect(await exists(join(root, 'dist/ready'))).toBe(false);
    expect(await exists(join(root, 'dist/ready.zip'))).toBe(false);
  }, 60_000);

  it('leaves a withdrawn release a noindex notice page at its address, no PDF, no zip', async () => {
    const fields = 'title: A plan\nlang: en\ndate: 2026-11-01\nsummary: A plan.';
    const root = await makeProject({ 'releases/plan.md': release(fields) });
    await build(root);
    expect(listed(await readFile(join(root, 'dist/index.html'), 'utf8'))).toEqual(['plan']);
    await writeFile(
      join(root, 'releases/plan.md'),
      release(
        `${fields}\nstatus: withdrawn\nwithdrawn:\n  date: 2026-11-03\n  reason: published in error`,
      ),
    );
    const report = await build(root);
    expect(statusOf(report, 'releases/plan.md')).toMatchObject({ lifecycle: 'withdrawn' });
    expect((await readdir(join(root, 'dist/plan'))).sort()).toEqual(['SHA256SUMS', 'index.html']);
    expect(await exists(join(root, 'dist/plan.zip'))).toBe(false);
    const html = await readFile(join(root, 'dist/plan/index.html'), 'utf8');
    await expectValidHtml(join(root, 'dist/plan/index.html'));
    expect(headTags(html)).toContain('robots=noindex');
    const text = bodyText(html);
    expect(text).toContain('This press release was withdrawn on Nov. 3, 2026.');
    expect(text).toContain('Reason: published in error');
    expect(listed(await readFile(join(root, 'dist/index.html'), 'utf8'))).toEqual([]);
    expect(statusOf(await build(root), 'releases/plan.md')?.status).toBe('unchanged');
  }, 60_000);

  it('checks that status: withdrawn says when and why, and correction needs modified', async () => {
    const root = await makeProject({
      'releases/a.md': release('title: A\nlang: en\ndate: 2026-11-01\nstatus: withdrawn'),
      'releases/b.md': release('title: B\nlang: en\ndate: 2026-11-01\ncorrection: Fixed.'),
      'releases/c.md': release('title: C\nlang: en\ndate: 2026-11-01\nstatus: retired'),
    });
    const result = await runCli(['check'], { cwd: root });
    expect(result.code).toBe(1);
    const printed = result.stdout + result.stderr;
    expect(printed).toContain(
      'releases/a.md:5: status: withdrawn needs withdrawn: {date: YYYY-MM-DD, reason: …}',
    );
    expect(printed).toContain(
      'releases/b.md:5: correction: needs modified: the date of the correction it is shown with',
    );
    expect(printed).toContain(
      'releases/c.md:5: status: must be draft, published or withdrawn, not "retired"',
    );
  });
});

describe('stale kits', () => {
  it('removes the kit of a release gone or renamed, only the files presskit wrote', async () => {
    const root = await makeProject({
      'releases/a.md': release('title: A\nlang: en\ndate: 2026-11-01'),
      'releases/b.md': release('title: B\nlang: en\ndate: 2026-11-02'),
      'releases/c.md': release('title: C\nlang: en\ndate: 2026-11-03'),
      'dist/mine/notes.txt': 'a folder of mine',
    });
    await build(root);
    await rm(join(root, 'releases/a.md'));
    await writeFile(
      join(root, 'releases/b.md'),
      release('title: B\nlang: en\ndate: 2026-11-02\nslug: b-new'),
    );
    await writeFile(join(root, 'dist/c/extra.txt'), 'added by hand');
    await rm(join(root, 'releases/c.md'));

    // A shard removes nothing: another shard may build those releases.
    const sharded = await build(root, '--shard', '1/1');
    expect(sharded.removed).toEqual([]);
    expect(await exists(join(root, 'dist/a.zip'))).toBe(true);

    const report = await build(root);
    expect(report.removed.map(({ slug, why }) => `${slug}:${why}`).sort()).toEqual([
      'a:gone',
      'b:renamed',
      'c:gone',
    ]);
    const left = (await readdir(join(root, 'dist'))).sort();
    // (With the base URL these builds take, the newsroom's feeds and sitemap are beside it.)
    expect(left).toEqual([
      '.presskit-state',
      'b-new',
      'b-new.zip',
      'c',
      'feed.json',
      'feed.xml',
      'index.html',
      'mine',
      'robots.txt',
      'rss.xml',
      'sitemap.xml',
    ]);
    // Only the hand-added file is left in c/, and the user's folder is untouched.
    expect(await readdir(join(root, 'dist/c'))).toEqual(['extra.txt']);
    expect(report.removed.find((kit) => kit.slug === 'c')?.kept).toEqual([
      'c/ (holds files presskit did not write)',
    ]);
    expect(await readFile(join(root, 'dist/mine/notes.txt'), 'utf8')).toBe('a folder of mine');
    expect(listed(await readFile(join(root, 'dist/index.html'), 'utf8'))).toEqual(['b-new']);
    expect((await readdir(join(root, 'dist/.presskit-state'))).sort()).toEqual([
      '_newsroom.json',
      'b-new.json',
    ]);
  }, 90_000);
});
