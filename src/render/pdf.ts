import type { HTTPRequest, Page } from 'puppeteer';
import { PresskitError } from '../errors.js';
import type { BrowserManager } from './browser.js';
import { setPdfMetadata } from './pdf-metadata.js';
import type { PdfMetadata } from './pdf-metadata.js';

export type { PdfMetadata } from './pdf-metadata.js';

export interface PrintOptions {
  /** Upper bound for one print, after which the page is discarded. */
  timeoutMs?: number;
}

/** A two-page release prints in well under a second; this only stops a page that never will. */
const DEFAULT_TIMEOUT_MS = 60_000;

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
  options: PrintOptions = {},
): Promise<Uint8Array> {
  const printed = await manager.withPage((page) => printHtml(page, html, options));
  return setPdfMetadata(printed, meta);
}

/**
 * Prints on a page the caller already has, with scripts off and only inline requests
 * allowed. The page keeps those settings afterwards (fail closed); only the handler goes.
 * On a timeout the page is left mid-work: the caller must discard it, as
 * `BrowserManager.withPage` does with any page whose work failed.
 */
export async function printHtml(
  page: Page,
  html: string,
  options: PrintOptions = {},
): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Both at once: on a page just opened, each is a round trip to the browser.
  await Promise.all([page.setJavaScriptEnabled(false), page.setRequestInterception(true)]);
  page.on('request', allowOnlyInline);
  try {
    return await withTimeout(print(page, html, timeoutMs), timeoutMs);
  } catch (error) {
    if (error instanceof PresskitError) throw error;
    // Chrome's own words, on one line: a failed print is the document's or the browser's
    // problem, not a presskit bug.
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    throw new PresskitError('E_BROWSER', {
      file: 'chromium',
      message: `printing failed: ${reason}`,
    });
  } finally {
    // Interception stays on, so a stray later request from this document hangs rather
    // than leaks; the handler goes so that reusing the page does not stack handlers.
    page.off('request', allowOnlyInline);
  }
}

async function print(page: Page, html: string, timeoutMs: number): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
  return page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: false,
    // Puppeteer awaits document.fonts.ready from its own isolated world, which works
    // with page scripts off; the load event alone can fire before data: fonts decode.
    waitForFonts: true,
    timeout: timeoutMs,
  });
}

/**
 * Puppeteer bounds each step on its own, and reading the PDF stream only by its
 * 180 s protocol timeout; one deadline for the whole print is simpler to rely on.
 */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const seconds = Math.round(ms / 100) / 10;
      reject(
        new PresskitError('E_BROWSER', {
          file: 'chromium',
          message: `printing did not finish within ${seconds} s`,
        }),
      );
    }, ms);
  });
  // After a timeout the work fails later, when its page is closed; nobody waits for it then.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
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
