import type { PDFOptions } from 'puppeteer-core';

/**
 * How every PDF is printed; the benchmark's floor script prints with the same options.
 * Page size, margins and page numbers come from the HTML's own `@page` rules.
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
