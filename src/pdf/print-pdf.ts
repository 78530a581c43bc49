import type { Page } from 'puppeteer-core';
import { PresskitError } from '../errors.js';
import { seconds, withinDeadline } from '../util/deadline.js';
import type { BrowserManager } from '../browser/manager.js';
import { fontsReady, printToPdf } from '../browser/document-session.js';
import { setDocument } from '../browser/frames.js';
import { preparePrintPage } from './print-page.js';
import { PRINT_TO_PDF } from './print-options.js';
import type { PdfMetadata } from './metadata.js';

export type { PdfMetadata } from './metadata.js';

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
  const printed = manager.withPage((page) => printHtml(page, html, options));
  // pdf-lib loads while Chrome prints (a tenth of a second in a fresh process); it is only
  // needed once the PDF is back. Both awaited at once, so a failed print is never unhandled.
  const [{ setPdfMetadata }, pdf] = await Promise.all([import('./metadata.js'), printed]);
  return setPdfMetadata(pdf, meta);
}

/**
 * Prints on a page the caller already has, with scripts off and only inline requests
 * allowed (see `preparePrintPage`). On a timeout the page is left mid-work: the caller must
 * discard it, as `BrowserManager.withPage` does with any page whose work failed.
 */
export async function printHtml(
  page: Page,
  html: string,
  options: PrintOptions = {},
): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    // The document's load has its own bound, the fonts and the print only puppeteer's 180 s
    // protocol timeout; one deadline for the whole print is simpler to rely on. (Opening
    // the page has its own, in BrowserManager.) After a timeout the work fails later, when
    // its page is closed; nobody waits for it then.
    return await withinDeadline(print(page, html, timeoutMs), timeoutMs, () => {
      throw new PresskitError('E_BROWSER', {
        file: 'chromium',
        message: `printing did not finish within ${seconds(timeoutMs)}`,
      });
    });
  } catch (error) {
    if (error instanceof PresskitError) throw error;
    // Chrome's own words, on one line: a failed print is the document's or the browser's
    // problem, not a presskit bug.
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    throw new PresskitError('E_BROWSER', {
      file: 'chromium',
      message: `printing failed: ${reason}`,
    });
  }
}

async function print(page: Page, html: string, timeoutMs: number): Promise<Uint8Array> {
  // Once per page, and a round trip to the browser then: inside the deadline too.
  await preparePrintPage(page);
  await setDocument(page, html, timeoutMs);
  // The load event can come before data: fonts have decoded.
  await fontsReady(page);
  return printToPdf(page, PRINT_TO_PDF);
}
