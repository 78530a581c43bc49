import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { foldSpaces, makeProject, run } from './helpers.js';

const EMBARGOED = `---
title: 'New "safe water" plan: what it means'
subtitle: Three steps to 2030
lang: en
date: 2026-11-27T10:00:00+01:00
embargo: 2026-12-01T10:00:00+01:00
timezone: Europe/Brussels
dateline: Brussels
summary: The plan sets three steps towards safe water for all by 2030.
organization:
  name: Example Water Agency
tags: [water, health, "2030"]
boilerplate: The Example Water Agency works for safe water since 1951.
contacts:
  - name: Jane Doe
    phone: +32 2 555 12 34 ext. 12
    email: jane@example.org
---

The agency's plan, presented today, has three steps.

## First step

${'A long paragraph that fills the page so that the release runs over two pages. '.repeat(60)}

## Second step

> "We can do it by 2030," said Jane Doe.
`;

const SPANISH = `---
title: Un plan para el agua
lang: es
date: 2026-10-01
---

¿Qué dice el plan? "Agua para todos", dijo la directora.
`;

// Headings long enough to wrap, and a Setext heading written on two lines.
const LONG_HEADINGS = `---
title: A very long headline that surely runs over two lines of the page, as headlines do
lang: en
date: 2026-10-02
---

The first paragraph.

## A second-level heading long enough to wrap onto a second line of the printed page

Text under it.

Setext heading
written on two lines
--------------------

More text.
`;

async function pdfText(pdf: string, page?: number): Promise<string> {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return foldSpaces((await run('pdftotext', ['-enc', 'UTF-8', ...range, pdf, '-'])).stdout);
}

describe('PDF standards: embargo, language, Letter paper, outline and metadata', () => {
  let root: string;
  let pdf: string;

  beforeAll(async () => {
    root = await makeProject({
      'presskit.config.yaml': 'paper: Letter\n',
      'releases/water.md': EMBARGOED,
      'releases/agua.md': SPANISH,
      'releases/long.md': LONG_HEADINGS,
    });
    const report = await build({ root });
    expect(report.releases.flatMap((release) => release.problems)).toEqual([]);
    pdf = join(root, 'dist/water/water.pdf');
  });

  it('states the embargo on page 1 with date, time and zone, and in UTC', async () => {
    const first = await pdfText(pdf, 1);
    expect(first).toContain('EMBARGOED UNTIL Dec. 1, 2026, 10 a.m. CET (09:00 UTC)');
    expect(first).not.toContain('FOR IMMEDIATE RELEASE');
  });

  it('numbers every page in the release’s language', async () => {
    const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      expect(await pdfText(pdf, page)).toContain(`Page ${page} of ${pages}`);
    }
    const spanish = await pdfText(join(root, 'dist/agua/agua.pdf'));
    expect(spanish).toContain('Página 1 de 1');
    expect(spanish).toContain('PARA DIFUSIÓN INMEDIATA');
    expect(spanish).toContain('1 de octubre de 2026');
    expect(spanish).toContain('¿Qué dice el plan? «Agua para todos», dijo la directora.');
  });

  it('uses Letter paper when the config says so', async () => {
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Page size:\s+612(\.\d+)? x 792(\.\d+)? pts \(letter\)/);
  });

  it('carries metadata, language, tags and an outline of the headings', async () => {
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Title:\s+New “safe water” plan: what it means/);
    expect(info).toMatch(/Author:\s+Example Water Agency/);
    expect(info).toMatch(/Subject:\s+The plan sets three steps/);
    expect(info).toMatch(/Keywords:\s+water, health, 2030/);
    expect(info).toMatch(/Creator:\s+presskit \d+\.\d+\.\d+/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const json = JSON.parse((await run('qpdf', ['--json', '--json-key=qpdf', pdf])).stdout) as {
      qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
    };
    const objects = Object.values(json.qpdf[1]).map((object) => object.value ?? {});
    const catalog = objects.find((object) => object['/Type'] === '/Catalog');
    expect(catalog?.['/Lang']).toBe('u:en');
    expect(catalog?.['/Outlines']).toBeDefined();
    const titles = objects
      .map((object) => object['/Title'])
      .filter((title): title is string => typeof title === 'string');
    expect(titles).toEqual(expect.arrayContaining(['u:First step', 'u:Second step']));
  });

  it('names each bookmark as its heading reads, even where the heading wraps', async () => {
    const long = join(root, 'dist/long/long.pdf');
    interface Outline {
      title: string;
      kids: Outline[];
    }
    const json: { outlines: Outline[] } = JSON.parse(
      (await run('qpdf', ['--json', '--json-key=outlines', long])).stdout,
    );
    const titles = (items: Outline[]): string[] =>
      items.flatMap((item) => [item.title, ...titles(item.kids)]);
    expect(titles(json.outlines)).toEqual([
      'A very long headline that surely runs over two lines of the page, as headlines do',
      'A second-level heading long enough to wrap onto a second line of the printed page',
      'Setext heading written on two lines',
    ]);
    // They do wrap: each is on two lines of the page.
    const text = (await run('pdftotext', ['-layout', long, '-'])).stdout;
    expect(text).not.toMatch(
      /A very long headline that surely runs over two lines of the page, as/,
    );
    const html = await readFile(join(root, 'dist/long/index.html'), 'utf8');
    expect(html).toContain('<h2>Setext heading written on two lines</h2>');
  });

  it('passes qpdf --check with every font embedded', async () => {
    expect((await run('qpdf', ['--check', pdf])).code).toBe(0);
    const fonts = (await run('pdffonts', [pdf])).stdout.trim().split('\n').slice(2);
    for (const font of fonts) expect(font).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('keeps headings with what follows and quotes whole', async () => {
    // A heading is never the last line of a page.
    const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [pdf])).stdout)?.[1]);
    for (let page = 1; page <= pages; page++) {
      const text = (await run('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']))
        .stdout;
      const lines = text.split('\n').filter((line) => line.trim() && !/^Page \d+ of/.test(line));
      expect(lines.at(-1)).not.toMatch(/^(First|Second) step$/);
    }
  });
});
