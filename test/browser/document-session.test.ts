import { afterAll, describe, expect, it } from 'vitest';
import { documentSession, fontsReady, loadDocument } from '../../src/browser/document-session.js';
import { BrowserManager } from '../../src/browser/manager.js';
import { preparePrintPage } from '../../src/pdf/print-page.js';
import { HEADLESS_SHELL, inlineFontFace, rejection } from '../pdf/helpers.js';

/**
 * A document whose load never ends on a page that draws on demand and is given no frame:
 * Chrome loads an `<object>` only in a frame's update (see browser/frames.ts).
 */
const NEVER_LOADS = `<!doctype html><html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>
  <body><p>Hello</p><object data="http://127.0.0.1:9/o" type="text/html"></object></body></html>`;

const manager = new BrowserManager({
  executablePath: HEADLESS_SHELL,
  concurrency: 1,
  preparePage: preparePrintPage,
});
afterAll(() => manager.close());

/** How many listeners presskit's load wait leaves on the page, its session and its browser. */
async function loadListeners(page: Parameters<typeof documentSession>[0]): Promise<number[]> {
  const { session } = await documentSession(page);
  return [
    session.listenerCount('Page.loadEventFired'),
    page.listenerCount('error'),
    page.listenerCount('close'),
    page.browser().listenerCount('disconnected'),
  ];
}

describe('a document set through presskit’s own session', () => {
  it('loads, and the next one on the same page too, leaving no listener behind', async () => {
    const texts = await manager.withPage(async (page) => {
      const before = await loadListeners(page);
      await loadDocument(page, '<p>first</p>', { timeoutMs: 10_000 });
      const first = await page.evaluate(() => document.body.textContent);
      await loadDocument(page, '<p>second</p>', { timeoutMs: 10_000 });
      const second = await page.evaluate(() => document.body.textContent);
      expect(await loadListeners(page)).toEqual(before);
      return [first, second];
    });
    expect(texts).toEqual(['first', 'second']);
  });

  it('gives up at its timeout with one line, and leaves no listener or timer behind', async () => {
    await expect(
      manager.withPage(async (page) => {
        const before = await loadListeners(page);
        let ticks = 0;
        const error = await rejection(
          loadDocument(page, NEVER_LOADS, {
            timeoutMs: 500,
            whileLoading: { everyMs: 10_000, run: () => ticks++ },
          }),
        );
        expect(String(error)).toContain('the document did not load within 0.5 s');
        expect(await loadListeners(page)).toEqual(before);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(ticks).toBe(0);
        // The page is left mid-load: failing here makes the pool discard it.
        throw new Error('discard');
      }),
    ).rejects.toThrow('discard');
  });

  it('fails at once, not at its timeout, when the page crashes while it loads', async () => {
    const started = Date.now();
    const error = await rejection(
      manager.withPage(async (page) => {
        const { session } = await documentSession(page);
        const loading = loadDocument(page, NEVER_LOADS, { timeoutMs: 30_000 });
        await new Promise((resolve) => setTimeout(resolve, 200));
        session.send('Page.crash').catch(() => undefined);
        await loading;
      }),
    );
    expect(String(error)).toContain('the page closed or crashed');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('waits for the fonts of a document that names an element "fonts", which document.fonts then is', async () => {
    const face = inlineFontFace('Inter', '@fontsource/inter', 'inter-latin-400-normal.woff2');
    const html = `<style>${face} p { font-family: Inter; }</style><p>Text</p><img name="fonts" alt="" src="data:,">`;
    const status = await manager.withPage(async (page) => {
      await loadDocument(page, html, { timeoutMs: 10_000 });
      await fontsReady(page);
      return page.evaluate(() => {
        const fonts: unknown = Object.getOwnPropertyDescriptor(
          Document.prototype,
          'fonts',
        )?.get?.call(document);
        if (!(fonts instanceof FontFaceSet)) return 'no FontFaceSet';
        return [document.fonts instanceof FontFaceSet, fonts.status, fonts.check('16px Inter')];
      });
    });
    // (control) The element does stand in for document.fonts.
    expect(status).toEqual([false, 'loaded', true]);
  });
});
