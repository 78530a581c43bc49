import type { PDFOptions, Protocol } from 'puppeteer-core';

/**
 * How every PDF is printed, as puppeteer's `page.pdf()` takes it: the benchmark's floor
 * script prints with these. Page size, margins and page numbers come from the HTML's own
 * `@page` rules.
 */
export const PDF_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  tagged: true,
  outline: true,
  displayHeaderFooter: false,
  // Puppeteer awaits document.fonts.ready from its own isolated world, which works
  // with page scripts off; the load event alone can fire before data: fonts decode.
  waitForFonts: true,
} as const satisfies PDFOptions;

/**
 * The same print as Chrome's own command takes it, which presskit sends itself (see
 * browser/document-session.ts): what `page.pdf(PDF_OPTIONS)` sends, puppeteer's defaults
 * included (Letter and no margins for a document without `@page` rules), so that both
 * print the same bytes. presskit waits for the fonts itself before.
 */
export const PRINT_TO_PDF = {
  preferCSSPageSize: PDF_OPTIONS.preferCSSPageSize,
  printBackground: PDF_OPTIONS.printBackground,
  generateTaggedPDF: PDF_OPTIONS.tagged,
  generateDocumentOutline: PDF_OPTIONS.outline,
  displayHeaderFooter: PDF_OPTIONS.displayHeaderFooter,
  headerTemplate: '',
  footerTemplate: '',
  landscape: false,
  scale: 1,
  paperWidth: 8.5,
  paperHeight: 11,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
  pageRanges: '',
} as const satisfies Omit<Protocol.Page.PrintToPDFRequest, 'transferMode'>;
