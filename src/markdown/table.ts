import type { Tokens } from 'marked';
import { labelsFor } from '../locale/i18n.js';

/**
 * A GFM table. Column alignment (`:---:`, `---:`) becomes a class on each cell, which the
 * theme styles: marked's `align` attribute is obsolete in HTML5 and lost under any theme
 * rule for `text-align`. The table sits in a box of its own that scrolls sideways on a narrow
 * screen, so the page itself never gets wider than the phone; the box can take the keyboard
 * focus, to scroll without a mouse, and is named for it (WCAG 2.1.1, axe's
 * scrollable-region-focusable): a named <section> is a region landmark.
 */
export function renderTable(
  token: Tokens.Table,
  lang: string,
  inline: (cell: Tokens.TableCell) => string,
): string {
  const cell = (data: Tokens.TableCell, tag: 'th' | 'td', html: string): string => {
    const align = data.align ? ` class="align-${data.align}"` : '';
    const scope = tag === 'th' ? ' scope="col"' : '';
    return `<${tag}${scope}${align}>${html}</${tag}>`;
  };
  // Each cell rendered once: rendering is also where a cell's mistakes are reported.
  const headerHtml = token.header.map((data) => inline(data));
  const head = `<tr>${token.header.map((data, index) => cell(data, 'th', headerHtml[index] ?? '')).join('')}</tr>`;
  const rows = token.rows.map(
    (row) => `<tr>${row.map((data) => cell(data, 'td', inline(data))).join('')}</tr>`,
  );
  // Already escaped HTML, with its tags dropped: the headers' text, for the box's name.
  const headers = headerHtml
    .map((html) => html.replace(/<[^>]*>/g, '').trim())
    .filter(Boolean)
    .join(', ');
  const label = headers ? `${labelsFor(lang).table}: ${headers}` : labelsFor(lang).table;
  return (
    `<section class="table-scroll" tabindex="0" aria-label="${label}">\n` +
    `<table>\n<thead>\n${head}\n</thead>\n` +
    (rows.length > 0 ? `<tbody>\n${rows.join('\n')}\n</tbody>\n` : '') +
    '</table>\n</section>\n'
  );
}
