import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { vcardQrModules, vcardQrSvg } from '../../src/contacts/qr.js';
import { qrStandInSrc } from '../../src/html/qr-stand-in.js';
import { setPdfMetadata } from '../../src/pdf/metadata.js';
import type { PdfMetadata } from '../../src/pdf/metadata.js';
import { printHtml } from '../../src/pdf/print-pdf.js';
import { readRevision } from '../../src/pdf/revision.js';
import { BROWSER, pdfTool, qpdfCheck, removeToolFiles, sampleHtml } from './helpers.js';

const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
const work = mkdtempSync(join(tmpdir(), 'presskit-qr-test-'));
afterAll(async () => {
  await manager.close();
  removeToolFiles();
  rmSync(work, { recursive: true, force: true });
});

const CARDS = [
  'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Fontaine;Lucie;;;\r\nFN:Lucie Fontaine\r\nEND:VCARD\r\n',
  'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Jürgen;;;\r\nFN:Jürgen Müller\r\nTEL:+41 22 917 12 34\r\nEND:VCARD\r\n',
];
const meta: PdfMetadata = {
  title: 'QR codes',
  keywords: [],
  lang: 'en',
  date: new Date('2024-01-01T00:00:00Z'),
  creator: 'presskit test',
};

/** A figure per source, each as the default theme shows a contact's code. */
function withCodes(sources: string[]): string {
  const figures = sources
    .map(
      (src, index) =>
        `<figure><img src="${src}" alt="QR vCard ${index}" style="width:7.5rem;height:7.5rem"></figure>`,
    )
    .join('');
  return sampleHtml({ body: figures });
}

const svgSrc = async (card: string): Promise<string> =>
  `data:image/svg+xml;base64,${Buffer.from(await vcardQrSvg(card)).toString('base64')}`;

/** Every page rendered by poppler (pdftoppm) at `dpi`, as PNG files. */
function renderPages(pdf: Uint8Array, name: string, dpi: number): string[] {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync('pdftoppm', ['-r', String(dpi), '-png', file, join(work, name)]);
  expect(run.status).toBe(0);
  return readdirSync(work)
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png'))
    .sort()
    .map((entry) => join(work, entry));
}

/** What zbarimg reads off the pages, each code's bytes as they are (it exits 4 on a page without). */
function scanned(pages: string[]): string[] {
  return pages.flatMap((page) => {
    const run = spawnSync('zbarimg', ['--raw', '-q', '-Sbinary', page], { encoding: 'utf8' });
    expect([0, 4]).toContain(run.status);
    return run.stdout.split(/(?<=END:VCARD\r?\n)\n?/).filter((text) => text.trim() !== '');
  });
}

async function greyPixels(png: string): Promise<Buffer> {
  return sharp(png).greyscale().raw().toBuffer();
}

describe('QR stand-ins in a printed PDF', () => {
  let drawnByPresskit: Uint8Array;
  let drawnByChrome: Uint8Array;

  beforeAll(async () => {
    const standIns = await manager.withPage((page) =>
      printHtml(page, withCodes([qrStandInSrc(0), qrStandInSrc(1), qrStandInSrc(7)])),
    );
    drawnByPresskit = await setPdfMetadata(standIns, {
      ...meta,
      qrCodes: CARDS.map(vcardQrModules),
    });
    const svgs = await Promise.all(CARDS.map(svgSrc));
    drawnByChrome = await setPdfMetadata(
      await manager.withPage((page) => printHtml(page, withCodes([...svgs, qrStandInSrc(7)]))),
      meta,
    );
  });

  it('draws each code where Chrome laid out its stand-in, and a scanner reads it', () => {
    expect(qpdfCheck(drawnByPresskit).status).toBe(0);
    // zbarimg lists a page's codes in no set order; where each is drawn, the next test holds.
    expect(scanned(renderPages(drawnByPresskit, 'presskit', 150)).sort()).toEqual(
      [...CARDS].sort(),
    );
  });

  it('looks exactly as the code Chrome draws from its SVG, at screen and print resolution', async () => {
    for (const dpi of [100, 600]) {
      const ours = renderPages(drawnByPresskit, `ours-${dpi}`, dpi);
      const chrome = renderPages(drawnByChrome, `chrome-${dpi}`, dpi);
      expect(ours).toHaveLength(chrome.length);
      for (const [index, page] of ours.entries()) {
        const [a, b] = await Promise.all([greyPixels(page), greyPixels(chrome[index] ?? '')]);
        expect(a.equals(b)).toBe(true);
      }
    }
  });

  it('leaves a stand-in whose index names no code as the image it is', () => {
    const images = pdfTool('pdfimages', ['-list'], drawnByPresskit)
      .split('\n')
      .filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line));
    // The third figure's: 2 × 1 pixels, on page 2 (the sample's body ends there).
    expect(images.map((line) => line.trim().split(/\s+/).slice(3, 5))).toEqual([['2', '1']]);
  });

  it('keeps each code in its Figure, with its alt text', () => {
    const tags = pdfTool('qpdf', ['--qdf', '--object-streams=disable'], drawnByPresskit, ['-']);
    expect(tags.match(/\/Alt \(QR vCard [01]\)/g)).toHaveLength(2);
  });
});

describe('QR stand-ins in a PDF rewritten whole', () => {
  it('are drawn there too', async () => {
    const chrome = await manager.withPage((page) =>
      printHtml(page, withCodes([qrStandInSrc(0), qrStandInSrc(1)])),
    );
    // Updated once already, so no longer Chrome's layout: the second pass rewrites it whole.
    const once = await setPdfMetadata(chrome, meta);
    expect(readRevision(once)).toBeUndefined();
    const rewritten = await setPdfMetadata(once, { ...meta, qrCodes: CARDS.map(vcardQrModules) });
    expect(qpdfCheck(rewritten).status).toBe(0);
    expect(scanned(renderPages(rewritten, 'rewritten', 150)).sort()).toEqual([...CARDS].sort());
  });
});
