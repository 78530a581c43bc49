import type { PaperSize } from '../types.js';

/**
 * Print rules that depend on the release: paper size and the page-number line, written
 * with CSS margin boxes (Chrome 131+) so no header/footer template (and no script) is needed.
 * `pageLabel` is like "Page {n} of {total}".
 */
export function pageCss(paper: PaperSize, pageLabel: string): string {
  const parts = pageLabel.split(/(\{n\}|\{total\})/);
  const content = parts
    .filter((part) => part !== '')
    .map((part) => {
      if (part === '{n}') return 'counter(page)';
      if (part === '{total}') return 'counter(pages)';
      return cssString(part);
    })
    .join(' ');
  return `@page { size: ${paper}; margin: 20mm 20mm 22mm;
  @bottom-center { content: ${content}; font: 400 8.5pt 'Inter', sans-serif; color: #4a4f57; } }`;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}
