import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { PresskitError } from '../errors.js';
import { documentSession, loadDocument } from './document-session.js';
import { isHeadlessShell } from './find.js';

/**
 * Chrome's headless shell then draws a page's frames only when DevTools asks for one
 * (HeadlessExperimental.beginFrame), not after each document loads. A print needs no frame:
 * Chrome lays the document out again on paper and paints it into the PDF, and the fonts
 * are loaded before, since presskit waits on `document.fonts.ready`, which lays the
 * document out. Same PDF bytes, measured on 100 kits; 12–20 % less browser CPU per PDF, a
 * tenth off a full build (BENCHMARKS.md). The second switch is what beginFrame requires, for
 * the one picture presskit takes (`viewportPng`). Full Chrome's headless mode has neither.
 */
const FRAMES_ON_DEMAND = [
  '--enable-begin-frame-control',
  '--run-all-compositor-stages-before-draw',
];

/** The switches for the browser at `executablePath`: none for a browser that lacks them. */
export function frameSwitches(executablePath: string): string[] {
  return isHeadlessShell(executablePath) ? [...FRAMES_ON_DEMAND] : [];
}

/** Whether `browser` was started by this process with frames on demand. */
function drawsOnDemand(browser: Browser): boolean {
  const args = browser.process()?.spawnargs ?? [];
  return FRAMES_ON_DEMAND.every((flag) => args.includes(flag));
}

/** How long a document may load before its page is given a frame, and then again. */
const FRAME_WHILE_LOADING_MS = 100;

/**
 * Sets `html` into `page` and waits for its load event, with one frame every 100 ms for as
 * long as it takes if the page draws on demand: Chrome loads an `<object>` only in a frame's
 * update, and the document's load event waits for it (a hostile page then never loaded). A
 * document that loads sooner, as presskit's own do, is never given one.
 */
export async function setDocument(page: Page, html: string, timeoutMs: number): Promise<void> {
  const frames = drawsOnDemand(page.browser())
    ? {
        everyMs: FRAME_WHILE_LOADING_MS,
        run: (session: CDPSession): void => {
          session
            .send('HeadlessExperimental.beginFrame', { noDisplayUpdates: true })
            // The page may be closing, or the frame refused mid-navigation: the load decides.
            .catch(() => undefined);
        },
      }
    : undefined;
  await loadDocument(page, html, { timeoutMs, ...(frames ? { whileLoading: frames } : {}) });
}

/**
 * The frame's first draws after a document loads come back without a picture while Chrome
 * is still setting the page's layers up (the protocol says as much); the third had one.
 */
const MAX_FRAMES = 20;

/** A PNG of what `page`'s viewport shows, in either kind of browser. */
export async function viewportPng(page: Page): Promise<Buffer> {
  if (!drawsOnDemand(page.browser())) {
    return Buffer.from(await page.screenshot({ type: 'png', captureBeyondViewport: false }));
  }
  // The session the document was set through: no other to open and close for the picture.
  const { session } = await documentSession(page);
  for (let frame = 0; frame < MAX_FRAMES; frame++) {
    const { screenshotData } = await session.send('HeadlessExperimental.beginFrame', {
      screenshot: { format: 'png' },
    });
    if (screenshotData) return Buffer.from(screenshotData, 'base64');
  }
  throw new PresskitError('E_BROWSER', {
    file: 'chromium',
    message: `the page was not drawn in ${MAX_FRAMES} frames`,
  });
}
