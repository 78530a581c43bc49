import type { CDPSession, Page, Protocol } from 'puppeteer-core';
import { seconds } from '../util/deadline.js';
import { oncePer } from '../util/memo.js';

/**
 * A DevTools session of presskit's own on a page, through which documents are set,
 * awaited and printed with a handful of protocol commands: puppeteer's `setContent()`,
 * request interception and `pdf()` each add round trips and events on every document
 * (a `document.write` from the page's world, lifecycle and network bookkeeping, a fonts
 * check from a new isolated world, the PDF read back as a stream). The same 100 print
 * pages through this session: the same PDFs, byte for byte but for Chrome's clock times,
 * with 13 % less CPU, Node's and Chrome's together (BENCHMARKS.md).
 */
export interface DocumentSession {
  readonly session: CDPSession;
  /** The page's top frame, whose document is replaced by each `setDocumentContent`. */
  readonly frameId: string;
}

/**
 * The page's document session, opened at the first call (one per page). A page whose
 * session failed to open is discarded by its caller; it is not tried again.
 */
export const documentSession: (page: Page) => Promise<DocumentSession> = oncePer(openSession);

async function openSession(page: Page): Promise<DocumentSession> {
  const session = await page.createCDPSession();
  const [{ frameTree }] = await Promise.all([
    session.send('Page.getFrameTree'),
    // For Page.loadEventFired, on this session only.
    session.send('Page.enable'),
  ]);
  return { session, frameId: frameTree.frame.id };
}

/** What `loadDocument` does while the document loads, and how long it waits. */
export interface LoadOptions {
  timeoutMs: number;
  /** Run every `everyMs` until the load (frames, for a page that draws on demand). */
  whileLoading?: { everyMs: number; run: (session: CDPSession) => void };
}

/**
 * Replaces the page's document with `html` and resolves when its load event has fired.
 * Rejects when the page crashes or goes away first, or at the timeout, and leaves no
 * listener or timer behind either way.
 *
 * Any load event counts: the one before was awaited (or its page discarded), and replacing
 * a document stops whatever it was still loading.
 */
export async function loadDocument(page: Page, html: string, options: LoadOptions): Promise<void> {
  const { session, frameId } = await documentSession(page);
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const loaded = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Settled by an event, perhaps after the command below has failed: never unhandled.
  loaded.catch(() => undefined);
  const onLoad = (): void => settle?.resolve();
  const onGone = (): void => settle?.reject(new Error('the page closed or crashed'));
  // Listening before the document is set: its load may come before the command's answer.
  session.on('Page.loadEventFired', onLoad);
  // Puppeteer's own words for a crashed page, a closed one and a lost browser.
  const browser = page.browser();
  page.on('error', onGone);
  page.on('close', onGone);
  browser.on('disconnected', onGone);
  const { whileLoading, timeoutMs } = options;
  const ticking =
    whileLoading && setInterval(() => whileLoading.run(session), whileLoading.everyMs);
  const deadline = setTimeout(
    () => settle?.reject(new Error(`the document did not load within ${seconds(timeoutMs)}`)),
    timeoutMs,
  );
  try {
    await session.send('Page.setDocumentContent', { frameId, html });
    await loaded;
  } finally {
    clearInterval(ticking);
    clearTimeout(deadline);
    session.off('Page.loadEventFired', onLoad);
    page.off('error', onGone);
    page.off('close', onGone);
    browser.off('disconnected', onGone);
  }
}

/**
 * Resolves when the document's fonts are loaded. Read through the prototypes' getters:
 * an element named "fonts" stands in for `document.fonts` (named properties shadow it),
 * and the page's own scripts, which could change a prototype, never run.
 */
export async function fontsReady(page: Page): Promise<void> {
  const { session } = await documentSession(page);
  const { exceptionDetails } = await session.send('Runtime.evaluate', {
    expression: FONTS_READY,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`waiting for fonts failed: ${exceptionDetails.text}`);
}

const FONTS_READY = `(() => {
  const fonts = Object.getOwnPropertyDescriptor(Document.prototype, 'fonts').get.call(document);
  return Object.getOwnPropertyDescriptor(FontFaceSet.prototype, 'ready').get.call(fonts).then(() => 0);
})()`;

/** The page's document as a PDF, returned in the command's answer. */
export async function printToPdf(
  page: Page,
  options: Omit<Protocol.Page.PrintToPDFRequest, 'transferMode'>,
): Promise<Uint8Array> {
  const { session } = await documentSession(page);
  const { data } = await session.send('Page.printToPDF', {
    ...options,
    transferMode: 'ReturnAsBase64',
  });
  return Buffer.from(data, 'base64');
}
