import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { printHtml } from '../../src/pdf/print-pdf.js';
import type { PdfMetadata } from '../../src/pdf/print-pdf.js';
import { setPdfMetadata } from '../../src/pdf/metadata.js';
import { renumberNodeIds } from '../../src/pdf/node-ids.js';
import { BROWSER, pdfTool, qpdfCheck, removeToolFiles, sampleHtml } from './helpers.js';

const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
afterAll(async () => {
  await manager.close();
  removeToolFiles();
});

const meta: PdfMetadata = {
  title: 'Tables (node00000001)',
  keywords: [],
  lang: 'en',
  date: new Date('2026-11-27T00:00:00Z'),
  creator: 'presskit test',
};

// Two tables (their header cells get node ids) and text that looks like an id, in a link,
// an image's alternative text and the title, which must be left alone.
const TABLES = `
<table><thead><tr><th>Year</th><th>Amount</th><th>Note</th></tr></thead>
<tbody><tr><td>2024</td><td>10</td><td>first</td></tr><tr><td>2025</td><td>20</td><td>second</td></tr></tbody></table>
<ul><li>one</li><li>two</li></ul>
<p><a href="https://example.com/(node00000001)">(node00000002)</a>
<img alt="(node00000003)" src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs="></p>
<table><tr><th>A</th><th>B</th></tr><tr><td>x</td><td>y</td></tr></table>`;

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const ids = (bytes: Uint8Array): string[] => latin1(bytes).match(/\(node\d{8}\)/g) ?? [];

type Dict = Record<string, unknown>;

const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The PDF's objects as qpdf reads them (an independent parser), by `obj:N G R`. */
function qpdfObjects(pdf: Uint8Array): Dict {
  const json: unknown = JSON.parse(pdfTool('qpdf', ['--json', '--json-key=qpdf'], pdf));
  const objects: unknown = isDict(json) && Array.isArray(json['qpdf']) ? json['qpdf'][1] : null;
  if (!isDict(objects)) throw new Error('no objects from qpdf');
  return objects;
}

function valueOf(objects: Dict, ref: unknown): Dict {
  const object = objects[ref === 'trailer' ? 'trailer' : `obj:${String(ref)}`];
  const value = isDict(object) ? object['value'] : undefined;
  if (!isDict(value)) throw new Error(`no object ${String(ref)}`);
  return value;
}

/** The ID tree's one leaf, and what each of its names points at, as qpdf reads them. */
function idTree(pdf: Uint8Array): { limits: unknown; names: string[]; targets: unknown[] } {
  const objects = qpdfObjects(pdf);
  const trailer = valueOf(objects, 'trailer');
  const catalog = valueOf(objects, trailer['/Root']);
  const root = valueOf(objects, catalog['/StructTreeRoot']);
  const tree = valueOf(objects, root['/IDTree']);
  const kids = tree['/Kids'];
  if (!Array.isArray(kids) || kids.length !== 1) throw new Error('not one leaf');
  const leaf = valueOf(objects, kids[0]);
  const pairs = leaf['/Names'];
  if (!Array.isArray(pairs)) throw new Error('no /Names');
  const names = pairs.filter((_, index) => index % 2 === 0).map(String);
  const targets = pairs
    .filter((_, index) => index % 2 === 1)
    .map((ref) => valueOf(objects, ref)['/ID']);
  return { limits: leaf['/Limits'], names, targets };
}

describe('node ids in what Chrome prints', () => {
  let first: Uint8Array;
  let second: Uint8Array;

  beforeAll(async () => {
    const html = sampleHtml({ body: TABLES });
    // The same page, twice: Chrome's ids count on from one document to the next.
    [first, second] = await manager.withPage(async (page) => [
      await printHtml(page, html),
      await printHtml(page, html),
    ]);
  });

  it('(control) differ between two prints of the same document', () => {
    expect(ids(first)).toHaveLength(ids(second).length);
    expect(ids(first)).not.toEqual(ids(second));
  });

  it('are renumbered so both prints give the same bytes, without moving an offset', async () => {
    const [a, b] = await Promise.all([setPdfMetadata(first, meta), setPdfMetadata(second, meta)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // The caller's bytes are left as they were.
    expect(ids(first)).not.toEqual(ids(second));
    const renamed = Buffer.from(first);
    expect(renumberNodeIds(renamed)).toBe(true);
    expect(renamed.length).toBe(first.length);
    // The same ids as the update's start: it adds none (the XMP's title only looks like one).
    expect(ids(a.subarray(0, renamed.length))).toEqual(ids(renamed));
    expect(qpdfCheck(a).status).toBe(0);
  });

  it('leaves the tables tagged, each data cell pointing at its header cell', async () => {
    const pdf = await setPdfMetadata(first, meta);
    const struct = pdfTool('pdfinfo', ['-struct'], pdf);
    expect(struct.match(/^\s+Table\b/gm)).toHaveLength(2);
    expect(struct.match(/^\s+TH <node\d{8}>/gm)?.map((line) => line.trim())).toEqual([
      'TH <node00000001>',
      'TH <node00000002>',
      'TH <node00000003>',
      'TH <node00000004>',
      'TH <node00000005>',
    ]);
    // Row by row, the data cells name the header cells of their table's columns.
    const headers = [...struct.matchAll(/\/Headers \[\((node\d{8})\)\]/g)].map((m) => m[1]);
    expect(headers).toEqual([
      ...['node00000001', 'node00000002', 'node00000003'],
      ...['node00000001', 'node00000002', 'node00000003'],
      ...['node00000004', 'node00000005'],
    ]);
  });

  it('keeps the ID tree sorted, its limits right and each name on its element', async () => {
    const pdf = await setPdfMetadata(second, meta);
    const tree = idTree(pdf);
    const expected = [1, 2, 3, 4, 5].map((n) => `u:node0000000${n}`);
    expect(tree.names).toEqual(expected);
    expect(tree.targets).toEqual(expected);
    expect(tree.limits).toEqual(['u:node00000001', 'u:node00000005']);
  });

  it('leaves text that only looks like an id as it was', async () => {
    const pdf = await setPdfMetadata(second, meta);
    expect(latin1(first)).toContain('https://example.com/\\(node00000001\\)');
    expect(latin1(pdf)).toContain('https://example.com/\\(node00000001\\)');
    expect(pdfTool('pdfinfo', [], pdf)).toMatch(/^Title:\s+Tables \(node00000001\)$/m);
    expect(pdfTool('pdftotext', [], pdf, ['-'])).toContain('(node00000002)');
  });
});

describe('renumberNodeIds on bytes not laid out as Chrome writes them', () => {
  const leaf = (names: string, limits = '(node00000009) (node00000012)'): Buffer =>
    Buffer.from(
      `1 0 obj\n<</ID (node00000012)>>\nendobj\n2 0 obj\n<</ID (node00000009)>>\nendobj\n` +
        `3 0 obj\n<</Headers [(node00000012)]>>\nendobj\n` +
        `4 0 obj\n<</Limits [${limits}]\n/Names [${names}]>>\nendobj\n`,
      'latin1',
    );

  it('renumbers in the order the elements come and sorts the leaf again', () => {
    const pdf = leaf('(node00000009) 2 0 R (node00000012) 1 0 R');
    const before = pdf.length;
    expect(renumberNodeIds(pdf)).toBe(true);
    expect(pdf.length).toBe(before);
    expect(pdf.toString('latin1')).toBe(
      `1 0 obj\n<</ID (node00000001)>>\nendobj\n2 0 obj\n<</ID (node00000002)>>\nendobj\n` +
        `3 0 obj\n<</Headers [(node00000001)]>>\nendobj\n` +
        `4 0 obj\n<</Limits [(node00000001) (node00000002)]\n` +
        `/Names [(node00000001) 1 0 R (node00000002) 2 0 R]>>\nendobj\n`,
    );
  });

  it('changes nothing when the leaf is not as Skia writes it', () => {
    for (const pdf of [
      leaf('(node00000009)  2 0 R (node00000012) 1 0 R'),
      leaf('(node00000009) 2 0 R (node00000012) 1 0 R (node00000077) 5 0 R'),
      leaf('(node00000009) 2 0 R (node00000012) 1 0 R', '(node00000009)'),
    ]) {
      const copy = Buffer.from(pdf);
      expect(renumberNodeIds(pdf)).toBe(false);
      expect(pdf.equals(copy)).toBe(true);
    }
  });

  it('changes nothing when an id is defined twice, and costs nothing without ids', () => {
    const twice = Buffer.from('<</ID (node00000004)>> <</ID (node00000004)>>', 'latin1');
    expect(renumberNodeIds(twice)).toBe(false);
    expect(twice.toString('latin1')).toBe('<</ID (node00000004)>> <</ID (node00000004)>>');
    const none = Buffer.from('%PDF-1.4 (node0000001) (nodes)', 'latin1');
    expect(renumberNodeIds(none)).toBe(true);
    expect(none.toString('latin1')).toBe('%PDF-1.4 (node0000001) (nodes)');
  });
});
