import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameSwitches, setDocument, viewportPng } from '../../src/browser/frames.js';
import { headlessMode, launchArgs } from '../../src/browser/launch-args.js';
import { BrowserManager } from '../../src/browser/manager.js';
import { setPdfMetadata } from '../../src/pdf/metadata.js';
import { printHtml } from '../../src/pdf/print-pdf.js';
import { preparePrintPage } from '../../src/pdf/print-page.js';
import { withinDeadline } from '../../src/util/deadline.js';
import { BROWSERS, FULL_CHROMIUM, HEADLESS_SHELL } from '../pdf/helpers.js';

const PICTURE = `<!doctype html><html lang="en"><head><style>
  body { margin: 0; font: 40px sans-serif; }
  .rule { height: 20px; background: #0a4a85; }
  </style></head><body><div class="rule"></div><p>Forty schools open in the north</p></body></html>`;

const DOCUMENT = `<!doctype html><html lang="en"><head><title>Schools</title><style>
  @page { size: A4; margin: 20mm; } body { font: 12pt serif; }
  </style></head><body><h1>Forty schools open</h1>${'<p>The ministry and the agency opened forty schools in the north this week, with water points and teachers trained over the summer.</p>'.repeat(30)}</body></html>`;

const META = {
  title: 'Schools',
  keywords: [],
  lang: 'en',
  date: new Date('2026-11-27T00:00:00Z'),
  creator: 'presskit test',
};

/** Chrome as a bare script starts it: every frame drawn as the page changes. */
function launchDrawingEveryFrame(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: HEADLESS_SHELL,
    headless: headlessMode(HEADLESS_SHELL),
    pipe: true,
    args: launchArgs(),
  });
}

async function pixels(png: Buffer): Promise<{ width: number; height: number; data: Buffer }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

describe('frames on demand', () => {
  it('are asked of the headless shell only: full Chrome has no such switches', () => {
    expect(frameSwitches(HEADLESS_SHELL)).toEqual([
      '--enable-begin-frame-control',
      '--run-all-compositor-stages-before-draw',
    ]);
    expect(frameSwitches(FULL_CHROMIUM)).toEqual([]);
  });

  describe('against a shell that draws every frame', () => {
    let everyFrame: Browser;
    const manager = new BrowserManager({
      executablePath: HEADLESS_SHELL,
      concurrency: 1,
      preparePage: preparePrintPage,
    });
    beforeAll(async () => {
      everyFrame = await launchDrawingEveryFrame();
    });
    afterAll(async () => {
      await Promise.all([everyFrame.close(), manager.close()]);
    });

    it("the build's browser draws on demand, and its picture of a page is the same pixels", async () => {
      const onDemand = await manager.withPage(async (page) => {
        expect(page.browser().process()?.spawnargs).toContain('--enable-begin-frame-control');
        await page.setViewport({ width: 600, height: 200 });
        await page.setContent(PICTURE, { waitUntil: 'load' });
        return viewportPng(page);
      });
      const page = await everyFrame.newPage();
      await page.setViewport({ width: 600, height: 200 });
      await page.setContent(PICTURE, { waitUntil: 'load' });
      const drawn = await viewportPng(page);
      await page.close();
      const [a, b] = await Promise.all([pixels(onDemand), pixels(drawn)]);
      expect([a.width, a.height]).toEqual([600, 200]);
      expect(a.data.equals(b.data)).toBe(true);
      // Not a blank picture twice: the rule's colour at the top.
      expect([...a.data.subarray((5 * 600 + 300) * 3, (5 * 600 + 300) * 3 + 3)]).toEqual([
        10, 74, 133,
      ]);
    });

    it('gives a document whose load waits for a frame (an <object>) the frames it needs', async () => {
      // The stylesheet is refused, as every outside request of a print page is; Chrome then
      // loads the object, and so ends the document's load, only in a frame's update.
      const html = `<!doctype html><html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>
        <body><p>Hello</p><object data="http://127.0.0.1:9/o" type="text/html"></object></body></html>`;
      const within = (work: Promise<unknown>, ms: number): Promise<string> =>
        withinDeadline(
          work.then(() => 'loaded'),
          ms,
          () => 'waiting',
        );
      // (control) Without frames it does not load: the test below could fail.
      const stalled = await manager.withPage(async (page) => {
        const result = await within(page.setContent(html, { waitUntil: 'load' }), 1_500);
        // Its load is still pending: one frame lets it end before the page is reused.
        await setDocument(page, '<p>next</p>', 30_000);
        return result;
      });
      expect(stalled).toBe('waiting');
      const loaded = await manager.withPage((page) =>
        within(setDocument(page, html, 30_000), 5_000),
      );
      expect(loaded).toBe('loaded');
    });

    it('prints the same PDF, byte for byte once presskit has set its metadata', async () => {
      const onDemand = await manager.withPage((page) => printHtml(page, DOCUMENT));
      const page = await everyFrame.newPage();
      await preparePrintPage(page);
      const drawn = await printHtml(page, DOCUMENT);
      await page.close();
      const [a, b] = await Promise.all([
        setPdfMetadata(onDemand, META),
        setPdfMetadata(drawn, META),
      ]);
      expect(a.length).toBeGreaterThan(5_000);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    });
  });

  it.each(BROWSERS)('%s: a picture of the viewport, whichever way it draws', async (_, path) => {
    const manager = new BrowserManager({ executablePath: path, concurrency: 1 });
    try {
      const png = await manager.withPage(async (page) => {
        await page.setViewport({ width: 300, height: 100 });
        await page.setContent(PICTURE, { waitUntil: 'load' });
        return viewportPng(page);
      });
      const { width, height, data } = await pixels(png);
      expect([width, height]).toEqual([300, 100]);
      expect([...data.subarray((5 * 300 + 150) * 3, (5 * 300 + 150) * 3 + 3)]).toEqual([
        10, 74, 133,
      ]);
    } finally {
      await manager.close();
    }
  });
});
