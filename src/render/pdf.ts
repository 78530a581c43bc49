import type { HTTPRequest, Page } from 'puppeteer';
import type { BrowserManager } from './browser.js';
import { setPdfMetadata } from './pdf-metadata.js';
import type { PdfMetadata } from './pdf-metadata.js';

export type { PdfMetadata } from './pdf-metadata.js';

/**
 * Prints standalone HTML to a tagged PDF with an outline. Page size, margins and page
 * numbers come from the HTML's own `@page` rules (margin boxes), not from Chrome's
 * header/footer templates. The page runs no JavaScript and fetches nothing: fonts and
 * images must be inline `data:` URIs.
 */
export async function renderPdf(
  manager: BrowserManager,
  html: string,
  meta: PdfMetadata,
): Promise<Uint8Array> {
  const printed = await manager.withPage((page) => printHtml(page, html));
  return setPdfMetadata(printed, meta);
}

/**
 * Prints on a page the caller already has, with scripts off and only inline requests
 * allowed. The page keeps those settings afterwards (fail closed); only the handler goes.
 */
export async function printHtml(page: Page, html: string): Promise<Uint8Array> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', allowOnlyInline);
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: false,
      // Puppeteer awaits document.fonts.ready from its own isolated world, which works
      // with page scripts off; the load event alone can fire before data: fonts decode.
      waitForFonts: true,
    });
  } finally {
    // Interception stays on, so a stray later request from this document hangs rather
    // than leaks; the handler goes so that reusing the page does not stack handlers.
    page.off('request', allowOnlyInline);
  }
}

/**
 * The print page may load only what is inside the HTML. An `<iframe src=file:///etc/passwd>`
 * or an intranet URL would otherwise be rendered into the PDF.
 */
function allowOnlyInline(request: HTTPRequest): void {
  if (request.isInterceptResolutionHandled()) return;
  const url = request.url();
  const inline = url.startsWith('data:') || url.startsWith('about:');
  const navigation = request.isNavigationRequest();
  // setContent() writes the document in place, so any navigation of the top frame
  // (a meta refresh, say) would throw away the document being printed.
  const leavesDocument = navigation && request.frame()?.parentFrame() === null;
  let settled: Promise<void>;
  if (inline && !leavesDocument) settled = request.continue();
  // A refused navigation would show Chrome's error page, mid-print or in an iframe;
  // "204 No Content" makes Chrome stay where it is instead.
  else if (navigation) settled = request.respond({ status: 204 });
  else settled = request.abort('blockedbyclient');
  // Settling a request whose page has just closed rejects; nothing is left to protect then.
  settled.catch(() => undefined);
}
