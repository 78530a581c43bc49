import type { CDPSession, Page, Protocol } from 'puppeteer-core';
import { documentSession } from '../browser/document-session.js';
import { printFont } from '../html/fonts.js';
import { oncePer } from '../util/memo.js';

/**
 * The print page's screen: puppeteer's default width, one pixel high. Chrome rasters and
 * composites what the viewport shows after each document loads, though nothing is ever
 * looked at; the PDF is laid out on its own paper size, viewport units and media queries
 * included, so it comes out byte for byte the same. A tenth less browser CPU per PDF.
 */
export const PRINT_VIEWPORT = { width: 800, height: 1 } as const;

/**
 * Makes `page` fit to print untrusted HTML, once per page: no JavaScript, and no request
 * but for what is inside the document (`data:` and `about:` URLs) and presskit's own print
 * fonts. The settings stay for the page's life (fail closed): a page that printed once is
 * only ever used to print.
 *
 * The page also shows print media from the start. Chrome otherwise styles and lays out each
 * document for the screen as it loads, then again for print; this way the second pass
 * restyles nothing. Same PDF bytes, about a sixth less browser CPU per PDF.
 * Its screen is a strip (PRINT_VIEWPORT).
 */
export const preparePrintPage: (page: Page) => Promise<void> = oncePer(prepare);

async function prepare(page: Page): Promise<void> {
  const { session, frameId } = await documentSession(page);
  // Listening first: no request may wait unanswered, nor go through unchecked.
  session.on('Fetch.requestPaused', (request) => allowOnlyInline(session, frameId, request));
  // All at once: on a page just opened, each is a round trip to the browser.
  await Promise.all([
    page.setJavaScriptEnabled(false),
    page.emulateMediaType('print'),
    page.setViewport(PRINT_VIEWPORT),
    // Every request is paused for allowOnlyInline, on presskit's own session rather than
    // through puppeteer's interception, which adds its network bookkeeping to each one.
    session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }),
  ]);
}

/**
 * The print page may load only what is inside the HTML. An `<iframe src=file:///etc/passwd>`
 * or an intranet URL would otherwise be rendered into the PDF.
 */
function allowOnlyInline(
  session: CDPSession,
  topFrame: string,
  paused: Protocol.Fetch.RequestPausedEvent,
): void {
  const { requestId, request, resourceType, frameId } = paused;
  const url = request.url;
  const inline = url.startsWith('data:') || url.startsWith('about:');
  const navigation = resourceType === 'Document';
  // setDocumentContent writes the document in place, so any navigation of the top frame
  // (a meta refresh, say) would throw away the document being printed.
  const leavesDocument = navigation && frameId === topFrame;
  const font = navigation ? undefined : printFont(url);
  let settled: Promise<unknown>;
  if (font) {
    // A font of the print version (see withFontFaces): cross-origin to the document, so
    // the answer allows it; Chrome then keeps it for the page's next documents.
    settled = session.send('Fetch.fulfillRequest', {
      requestId,
      responseCode: 200,
      responseHeaders: [
        { name: 'content-type', value: 'font/woff2' },
        { name: 'access-control-allow-origin', value: '*' },
      ],
      body: font.toString('base64'),
    });
  } else if (inline && !leavesDocument)
    settled = session.send('Fetch.continueRequest', { requestId });
  // A refused navigation would show Chrome's error page, mid-print or in an iframe;
  // "204 No Content" makes Chrome stay where it is instead.
  else if (navigation)
    settled = session.send('Fetch.fulfillRequest', { requestId, responseCode: 204 });
  else settled = session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
  // Settling a request whose page has just closed rejects; nothing is left to protect then.
  settled.catch(() => undefined);
}
