import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/render/browser.js';
import { printHtml } from '../../src/render/pdf.js';
import type { PdfMetadata } from '../../src/render/pdf.js';
import { setPdfMetadata } from '../../src/render/pdf-metadata.js';
import { readRevision } from '../../src/render/pdf-revision.js';
import {
  CHROMIUM,
  pdfinfo,
  pdfTool,
  qpdfCheck,
  readXmp,
  removeToolFiles,
  sampleHtml,
} from './helpers.js';

const manager = new BrowserManager({ executablePath: CHROMIUM, concurrency: 1 });
afterAll(async () => {
  await manager.close();
  removeToolFiles();
});

const meta: PdfMetadata = {
  title: 'Un accord « cadre » — 2016',
  author: 'OIM',
  subject: 'Résumé',
  keywords: ['migration', 'accord cadre'],
  lang: 'fr-BE',
  date: new Date('2016-10-05T00:00:00Z'),
  creator: 'presskit 0.1.0',
};

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('setPdfMetadata on what Chrome prints: an incremental update', () => {
  let chrome: Uint8Array;
  let updated: Uint8Array;

  beforeAll(async () => {
    chrome = await manager.withPage((page) => printHtml(page, sampleHtml()));
    updated = await setPdfMetadata(chrome, meta);
  });

  it('reads Chrome’s layout: one cross-reference table, a trailer with Root and Info', () => {
    const revision = readRevision(chrome);
    expect(revision).toBeDefined();
    expect(revision?.offsets.size).toBeGreaterThan(10);
  });

  it('keeps Chrome’s bytes, except its clock times, and appends one revision', () => {
    const before = text(chrome);
    const after = text(updated);
    expect(after.length).toBeGreaterThan(before.length);
    const clock = /\/(CreationDate|ModDate)\s*\(D:(\d{14})/g;
    // The old Info object keeps its place and length; its clock reads the document date.
    expect(after.slice(0, before.length).replace(clock, '')).toBe(before.replace(clock, ''));
    const stamps = [...after.slice(0, before.length).matchAll(clock)].map((match) => match[2]);
    expect(stamps).toEqual(['20161005000000', '20161005000000']);
    expect(after.match(/%%EOF/g)).toHaveLength(2);
    expect(after.slice(before.length)).toMatch(/\/Prev \d+/);
  });

  it('passes qpdf --check, and every reader sees the new metadata', () => {
    expect(qpdfCheck(updated).status).toBe(0);
    const info = pdfinfo(updated);
    expect(info.get('Title')).toBe(meta.title);
    expect(info.get('Author')).toBe('OIM');
    expect(info.get('Keywords')).toBe('migration, accord cadre');
    expect(info.get('Tagged')).toBe('yes');
    expect(readXmp(updated)['title']).toEqual([meta.title, meta.title]);
    const root = pdfTool('qpdf', ['--json', '--json-key=qpdf'], updated);
    expect(root).toMatch(/"\/Lang": "u:fr-BE"/);
    expect(root).toMatch(/"\/DisplayDocTitle": true/);
    // pdf-lib, a second reader, sees the same.
    return PDFDocument.load(updated, { updateMetadata: false }).then((doc) => {
      expect(doc.getTitle()).toBe(meta.title);
      expect(doc.getCreationDate()?.toISOString()).toBe('2016-10-05T00:00:00.000Z');
      expect(doc.getPageCount()).toBe(2);
    });
  });
});

describe('setPdfMetadata on a PDF not laid out as Chrome writes it', () => {
  it('rewrites it whole with the same metadata (cross-reference stream, object streams)', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.setProducer('Other producer');
    const other = await doc.save({ useObjectStreams: true });
    expect(readRevision(other)).toBeUndefined();
    const updated = await setPdfMetadata(other, meta);
    expect(qpdfCheck(updated).status).toBe(0);
    const info = pdfinfo(updated);
    expect(info.get('Title')).toBe(meta.title);
    expect(info.get('Producer')).toBe('Other producer; pdf-lib');
    expect(readXmp(updated)['language']).toEqual(['fr-BE']);
    expect(text(updated).match(/%%EOF/g)).toHaveLength(1);
  });

  it('leaves a file updated before, or truncated, to the rewrite or to pdf-lib’s error', async () => {
    const chrome = await manager.withPage((page) => printHtml(page, sampleHtml()));
    const once = await setPdfMetadata(chrome, meta);
    // A second update would have to follow /Prev chains: not Chrome's layout any more.
    expect(readRevision(once)).toBeUndefined();
    const twice = await setPdfMetadata(once, { ...meta, title: 'Second' });
    expect(pdfinfo(twice).get('Title')).toBe('Second');
    expect(readRevision(chrome.subarray(0, chrome.length - 40))).toBeUndefined();
  });
});
