import type { PaperSize } from '../types.js';

/**
 * Print rules that depend on the release: paper size and the page-number line, written
 * with CSS margin boxes (Chrome 131+) so no header/footer template (and no script) is needed.
 * `pageLabel` is like "Page {n} of {total}"; `header`, when given, tops every page.
 */
export function pageCss(
  paper: PaperSize,
  pageLabel: string,
  header?: string,
  justify = true,
): string {
  const parts = pageLabel.split(/(\{n\}|\{total\})/);
  const content = parts
    .filter((part) => part !== '')
    .map((part) => {
      if (part === '{n}') return 'counter(page)';
      if (part === '{total}') return 'counter(pages)';
      return cssString(part);
    })
    .join(' ');
  // A running header (the embargo, say) on every page, the first included: a page printed
  // or forwarded on its own still says it.
  const top =
    header === undefined
      ? ''
      : `
  @top-center { content: ${cssString(header)}; font: 600 8.5pt 'Inter', sans-serif; letter-spacing: 0.04em; color: #8a1c1c; }`;
  return `@page { size: ${paper}; margin: 20mm 20mm 22mm;
  @bottom-center { content: ${content}; font: 400 8.5pt 'Inter', 'Amiri', 'Noto Sans SC', sans-serif; color: #4a4f57; }${top} }${
    // No dictionary to hyphenate with: ragged lines rather than loose ones.
    justify ? '' : '\n@media print { .body p { text-align: start; } }'
  }`;
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}
