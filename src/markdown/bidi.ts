import { escapeHtml } from '../html/escape.js';

/** A word of left-to-right text: Latin letters or digits, with what joins them inside. */
const WORD = String.raw`[+]?[\p{Script=Latin}\p{N}](?:[\p{Script=Latin}\p{N}\p{M}@._%+\-/:'’&#=?~]*[\p{Script=Latin}\p{N}/])?`;
/** Such words one space apart: "World Food Programme", "+41 22 717 9111", "media@iom.int". */
const RUN = new RegExp(`${WORD}(?:[ \\u00A0]${WORD})*`, 'gu');

/**
 * Escapes `text`, a run of right-to-left prose, for HTML, isolating its left-to-right runs
 * in `<span dir="ltr">` (which Chrome and every current browser isolate): names, acronyms,
 * e-mail and web addresses, phone numbers. Without it the bidi algorithm reorders the
 * groups of "+41 22 717 9111" right to left ("9111 717 22 41+") and moves a run's end
 * punctuation. A lone number needs no isolation: it stays as it is and is left alone.
 */
export function isolateLtrRuns(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    if (!/[\p{Script=Latin}]/u.test(run) && !/^\+|\p{N}[ \u00A0]\p{N}/u.test(run)) continue;
    html += `${escapeHtml(text.slice(last, match.index))}<span dir="ltr">${escapeHtml(run)}</span>`;
    last = match.index + run.length;
  }
  return html + escapeHtml(text.slice(last));
}
