import { createServer } from 'node:http';
import { PDFDocument } from 'pdf-lib';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PresskitError } from '../../src/errors.js';
import { documentSession } from '../../src/browser/document-session.js';
import { BrowserManager } from '../../src/browser/manager.js';
import { printHtml, renderPdf } from '../../src/pdf/print-pdf.js';
import type { PdfMetadata } from '../../src/pdf/print-pdf.js';
import { setPdfMetadata } from '../../src/pdf/metadata.js';
import { readRevision } from '../../src/pdf/revision.js';
import { headlessMode, launchArgs } from '../../src/browser/launch-args.js';
import { PDF_OPTIONS } from '../../src/pdf/print-options.js';
import { PRINT_VIEWPORT } from '../../src/pdf/print-page.js';
import {
  BROWSER,
  BROWSERS,
  pdffonts,
  pdfinfo,
  pdfText,
  pdfTool,
  qpdfCheck,
  readXmp,
  removeToolFiles,
  sampleHtml,
} from './helpers.js';

// One browser and one page per browser presskit may find: every render in this file also
// proves that page reuse is clean. Most tests print with the one it finds here.
const managers = new Map<string, BrowserManager>(
  BROWSERS.map(([, path]) => [path, new BrowserManager({ executablePath: path, concurrency: 1 })]),
);
const managerFor = (path: string): BrowserManager => {
  const found = managers.get(path);
  if (found === undefined) throw new Error(`no manager for ${path}`);
  return found;
};
const manager = managerFor(BROWSER);
afterAll(async () => {
  await Promise.all([...managers.values()].map((each) => each.close()));
  removeToolFiles();
});

const meta: PdfMetadata = {
  title: 'L’OIM et la Belgique signent un accord « cadre » — 2016',
  author: 'OIM <Organisation> & Co',
  subject: 'Un accord pour une migration plus sûre',
  keywords: ['migration', 'Belgique', 'accord cadre'],
  lang: 'fr-BE',
  date: new Date('2016-10-05T00:00:00Z'),
  creator: 'presskit 0.1.0',
};

describe.each(BROWSERS)('renderPdf on a two-page A4 document, with %s', (_name, browser) => {
  let pdf: Uint8Array;
  let info: Map<string, string>;

  beforeAll(async () => {
    pdf = await renderPdf(managerFor(browser), sampleHtml(), meta);
    info = pdfinfo(pdf);
  });

  it('sets the document information from the metadata, not from Chrome', () => {
    expect(info.get('Title')).toBe(meta.title);
    expect(info.get('Author')).toBe(meta.author);
    expect(info.get('Subject')).toBe(meta.subject);
    expect(info.get('Keywords')).toBe('migration, Belgique, accord cadre');
    expect(info.get('Creator')).toBe('presskit 0.1.0');
    expect(info.get('Producer')).toMatch(/^Skia\/PDF m\d+; pdf-lib$/);
    const dates = pdfTool('pdfinfo', ['-isodates'], pdf);
    expect(dates).toMatch(/^CreationDate:\s+2016-10-05T00:00:00Z$/m);
    expect(dates).toMatch(/^ModDate:\s+2016-10-05T00:00:00Z$/m);
  });

  it('is tagged, two pages of A4, and passes qpdf --check', () => {
    expect(info.get('Tagged')).toBe('yes');
    expect(info.get('Pages')).toBe('2');
    const size = /^([\d.]+) x ([\d.]+) pts/.exec(info.get('Page size') ?? '');
    expect(Math.abs(Number(size?.[1]) - 595.28)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(size?.[2]) - 841.89)).toBeLessThanOrEqual(1);
    const check = qpdfCheck(pdf);
    expect(check.output).toContain('No syntax or stream encoding errors');
    expect(check.status).toBe(0);
  });

  it('keeps the structure tree and the outline through post-processing', () => {
    const structure = pdfTool('pdfinfo', ['-struct-text'], pdf);
    expect(structure).toMatch(/H1[\s\S]*First heading/);
    expect(structure).toMatch(/H2[\s\S]*Second heading/);
    const json: unknown = JSON.parse(pdfTool('qpdf', ['--json', '--json-key=outlines'], pdf));
    expect(JSON.stringify(json)).toContain('"title":"First heading"');
    expect(JSON.stringify(json)).toContain('"title":"Second heading"');
  });

  it('sets /Lang, DisplayDocTitle, a file /ID and a UTF-8 XMP packet that parses', () => {
    const trailer = pdfTool('qpdf', ['--show-object=trailer'], pdf);
    expect(trailer).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
    const root = pdfTool('qpdf', ['--json', '--json-key=qpdf'], pdf);
    expect(root).toMatch(/"\/Lang": "u:fr-BE"/);
    expect(root).toMatch(/"\/DisplayDocTitle": true/);
    expect(readXmp(pdf)).toEqual({
      format: 'application/pdf',
      title: [meta.title, meta.title],
      creator: [meta.author],
      description: [meta.subject, meta.subject],
      subject: meta.keywords,
      Keywords: 'migration, Belgique, accord cadre',
      language: ['fr-BE'],
      Producer: info.get('Producer'),
      CreatorTool: 'presskit 0.1.0',
      CreateDate: '2016-10-05T00:00:00Z',
      ModifyDate: '2016-10-05T00:00:00Z',
      MetadataDate: '2016-10-05T00:00:00Z',
      part: '1',
    });
  });

  it('embeds exactly the bundled fonts, loaded from data: URIs', () => {
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded === 'yes')).toBe(true);
    const names = new Set(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, '')));
    expect([...names].sort()).toEqual(['Inter-Regular', 'SourceSerif4-Regular']);
  });

  it('prints page numbers from the @page margin box', () => {
    const text = pdfText(pdf, true);
    expect(text).toContain('Page 1 / 2');
    expect(text).toContain('Page 2 / 2');
  });
});

describe('the print page shows print media from the start', () => {
  let screenFirst: Browser;
  beforeAll(async () => {
    screenFirst = await puppeteer.launch({
      executablePath: BROWSER,
      headless: headlessMode(BROWSER),
      pipe: true,
      args: launchArgs(),
    });
  });
  afterAll(() => screenFirst.close());

  /** Chrome's PDF without its clock times, which differ between any two prints. */
  const timeless = (pdf: Uint8Array): string =>
    Buffer.from(pdf)
      .toString('latin1')
      .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '');

  it('matches print media before printing', async () => {
    const media = await manager.withPage(async (page) => {
      await printHtml(page, sampleHtml());
      return page.evaluate(() => [matchMedia('print').matches, matchMedia('screen').matches]);
    });
    expect(media).toEqual([true, false]);
  });

  it('has a screen one pixel high, which nothing printed depends on', async () => {
    const height = await manager.withPage(async (page) => {
      await printHtml(page, sampleHtml());
      return page.evaluate(() => window.innerHeight);
    });
    expect(height).toBe(PRINT_VIEWPORT.height);
  });

  it('prints the same PDF as a page that loaded the document for the screen', async () => {
    // With what depends on the viewport: screen media, viewport units, a height query.
    const html = sampleHtml({
      head:
        '<style>@media screen { body { display: flex; font-size: 40px; } }' +
        ' h1 { min-height: 30vh; border-left: 10vw solid #ccc; }' +
        ' @media (max-height: 100px) { p { font-size: 40px; } }</style>',
    });
    const printFirst = await manager.withPage((page) => printHtml(page, html));
    const page = await screenFirst.newPage();
    try {
      await page.setJavaScriptEnabled(false);
      await page.setContent(html, { waitUntil: 'load' });
      expect(await page.evaluate(() => matchMedia('screen').matches)).toBe(true);
      const viaScreen = await page.pdf(PDF_OPTIONS);
      expect(timeless(printFirst)).toBe(timeless(viaScreen));
    } finally {
      await page.close();
    }
  });
});

describe('renderPdf, other cases', () => {
  it('waits for the fonts of a document with an element named "fonts"', async () => {
    const html = sampleHtml({ body: '<img name="fonts" alt="" src="data:,">' });
    // (control) The element stands in for document.fonts, scripts off or not.
    const standsIn = await manager.withPage(async (page) => {
      await printHtml(page, html);
      return page.evaluate(() => !(document.fonts instanceof FontFaceSet));
    });
    expect(standsIn).toBe(true);
    const pdf = await renderPdf(manager, html, meta);
    const names = new Set(pdffonts(pdf).map((font) => font.name.replace(/^[A-Z]{6}\+/, '')));
    expect([...names].sort()).toEqual(['Inter-Regular', 'SourceSerif4-Regular']);
  });

  it('gives the same bytes for the same input, and different ones for another date', async () => {
    const first = await renderPdf(manager, sampleHtml(), meta);
    const second = await renderPdf(manager, sampleHtml(), meta);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // A fresh browser, a fresh page, another moment: still the same bytes.
    await using fresh = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
    const third = await renderPdf(fresh, sampleHtml(), meta);
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
    const later = await renderPdf(manager, sampleHtml(), { ...meta, date: new Date('2017-01-01') });
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false);
  });

  it('honours @page { size: Letter }', async () => {
    const pdf = await renderPdf(manager, sampleHtml({ size: 'Letter' }), meta);
    const size = /^([\d.]+) x ([\d.]+) pts/.exec(pdfinfo(pdf).get('Page size') ?? '');
    expect(Math.abs(Number(size?.[1]) - 612)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(size?.[2]) - 792)).toBeLessThanOrEqual(1);
  });

  it('omits optional fields it was not given', async () => {
    const pdf = await renderPdf(manager, sampleHtml(), {
      title: 'Bare',
      keywords: [],
      lang: 'en',
      date: new Date('2020-02-02T12:00:00Z'),
      creator: 'presskit 0.1.0',
    });
    const info = pdfinfo(pdf);
    expect(info.get('Title')).toBe('Bare');
    expect(info.has('Author')).toBe(false);
    expect(info.has('Keywords')).toBe(false);
    const xmp = readXmp(pdf);
    expect(xmp['title']).toEqual(['Bare', 'Bare']);
    for (const absent of ['creator', 'description', 'subject', 'Keywords']) {
      expect(xmp).not.toHaveProperty(absent);
    }
  });

  it('fails cleanly on a document that navigates itself, and keeps serving', async () => {
    // about: navigations never reach request interception; Chrome then loses the
    // document mid-print, and puppeteer's page.close() may never return.
    const html = sampleHtml({ head: '<meta http-equiv="refresh" content="0; url=about:blank">' });
    const error = await renderPdf(manager, html, meta, { timeoutMs: 10_000 }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (error !== undefined) {
      expect(error).toBeInstanceOf(PresskitError);
      expect(error).toMatchObject({ code: 'E_BROWSER' });
    }
    const pdf = await renderPdf(manager, sampleHtml(), meta);
    expect(pdfText(pdf)).toContain('First heading');
  });

  it('does not stack request handlers on the reused page', async () => {
    const handlers = () =>
      manager.withPage(async (page) =>
        (await documentSession(page)).session.listenerCount('Fetch.requestPaused'),
      );
    await renderPdf(manager, sampleHtml(), meta);
    await renderPdf(manager, sampleHtml(), meta);
    expect(await handlers()).toBe(1);
  });
});

describe.each(BROWSERS)(
  'renderPdf with %s blocks scripts and every request that is not data: or about:',
  (_name, browser) => {
    const manager = managerFor(browser);
    const requests: string[] = [];
    let connections = 0;
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const css = request.url?.endsWith('.css') ?? false;
      response.setHeader('content-type', css ? 'text/css' : 'text/html');
      response.end(css ? 'body::after { content: "LEAKED-CSS"; }' : '<p>LEAKED-HTML</p>');
    });
    server.on('connection', () => connections++);
    let origin: string;
    // A browser without presskit's launch flags, to test each layer of the lock-down alone.
    let plain: Browser;

    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('server has no port');
      origin = `127.0.0.1:${address.port}`;
      plain = await puppeteer.launch({
        executablePath: browser,
        headless: headlessMode(browser),
        pipe: true,
        args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
      });
    });
    beforeEach(() => {
      requests.length = 0;
      connections = 0;
    });
    afterAll(async () => {
      await plain.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    const hostileHtml = () =>
      sampleHtml({
        head: `
<link rel="preconnect" href="http://${origin}">
<link rel="stylesheet" href="https://${origin}/tls.css">
<link rel="stylesheet" href="http://${origin}/plain.css">
<style>@import url("http://${origin}/import.css"); main { background: url("http://${origin}/bg.png"); }</style>`,
        body: `
<img src="http://${origin}/x" alt="remote image">
<iframe src="file:///etc/passwd" title="local file"></iframe>
<iframe src="http://${origin}/frame" title="remote frame"></iframe>
<object data="http://${origin}/object" type="text/html"></object>
<script>document.body.append("SCRIPT-RAN")</script>
<script src="http://${origin}/script.js"></script>`,
      });

    it('lets nothing reach a local server, not even a connection, and renders no leak', async () => {
      const pdf = await renderPdf(manager, hostileHtml(), meta);
      const text = pdfText(pdf);
      expect(requests).toEqual([]);
      expect(connections).toBe(0);
      expect(text).toContain('First heading');
      for (const leak of ['root:', 'LEAKED-', 'SCRIPT-RAN']) expect(text).not.toContain(leak);
    });

    it('follows no meta refresh to another address', async () => {
      const html = sampleHtml({
        head: `<meta http-equiv="refresh" content="0; url=http://${origin}/r">`,
      });
      const pdf = await renderPdf(manager, html, meta);
      expect(requests).toEqual([]);
      expect(connections).toBe(0);
      expect(pdfText(pdf)).not.toContain('LEAKED-');
    });

    it('blocks every request by interception alone, without the launch flags', async () => {
      const page = await plain.newPage();
      try {
        const pdf = await printHtml(page, hostileHtml());
        expect(requests).toEqual([]);
        const text = pdfText(pdf);
        for (const leak of ['root:', 'LEAKED-', 'SCRIPT-RAN']) expect(text).not.toContain(leak);
      } finally {
        await page.close();
      }
    });

    it('(control) the same HTML in a plain page does reach the server and run its script', async () => {
      // Proves the tests above could fail: their URLs really point at a listening server.
      const page = await plain.newPage();
      try {
        await page.setContent(hostileHtml(), { waitUntil: 'load' });
        const pdf = await page.pdf();
        expect(requests.length).toBeGreaterThan(0);
        expect(connections).toBeGreaterThan(0);
        expect(pdfText(pdf)).toContain('SCRIPT-RAN');
      } finally {
        await page.close();
      }
    });
  },
);

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
    expect(info.get('Author')).toBe(meta.author);
    expect(info.get('Keywords')).toBe('migration, Belgique, accord cadre');
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
