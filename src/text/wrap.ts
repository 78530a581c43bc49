import LineBreaker from 'linebreak';
import stringWidth from 'string-width';

/**
 * Wraps each line of `block` to `width` columns: lines may break only where Unicode line
 * breaking (UAX #14) allows, which is between words, between Chinese or Japanese
 * characters but not before their closing punctuation, after a hyphen or a slash; widths
 * are display columns (a CJK character takes two, a combining mark none). A piece wider
 * than the line with no break opportunity (a long URL segment) is cut between characters,
 * so that no line is ever wider than `width`.
 *
 * Characters of ambiguous width (“ ” ‘ ’ … — ° and Greek or Cyrillic letters) are one
 * column, as Western fonts draw them, or two in Chinese, Japanese and Korean text, whose
 * fonts draw them full width (UAX #11: the language decides).
 */
export function wrap(block: string, width: number, lang = ''): string {
  const measure = widthFor(lang);
  return block
    .split('\n')
    .map((line) => wrapLine(line, width, measure).join('\n'))
    .join('\n');
}

type Measure = (text: string) => number;

/**
 * Characters every font draws one column wide, whatever the language: printable ASCII.
 * Where ambiguous characters are narrow, also Latin-1 and the Latin extensions (no combining
 * marks, no soft hyphen), general punctuation (no zero-width or line separators) and
 * currency signs. Most press text is only these, and string-width, which segments every
 * string into graphemes, is then a tenth of the text's CPU (test/text/wrap.test.ts checks
 * that both agree on every character of these ranges).
 */
const ONE_COLUMN_EVERYWHERE = /^[\x20-\x7E]*$/;
const ONE_COLUMN_WHERE_NARROW =
  /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u202F-\u205E\u20A0-\u20C0]*$/;

export function widthFor(lang: string): Measure {
  const ambiguousIsNarrow = !/^(zh|ja|ko)(-|$)/i.test(lang);
  const oneColumn = ambiguousIsNarrow ? ONE_COLUMN_WHERE_NARROW : ONE_COLUMN_EVERYWHERE;
  return (text) => (oneColumn.test(text) ? text.length : stringWidth(text, { ambiguousIsNarrow }));
}

function wrapLine(text: string, width: number, measure: Measure): string[] {
  const line = text.replace(/[ \t]+/g, ' ').trim();
  const lines: string[] = [];
  let current = '';
  /** Columns of `current` as printed (the spaces that end it are not shown), and with them. */
  let shown = 0;
  let whole = 0;
  // Break opportunities fall between graphemes, so widths add up piece by piece.
  for (const piece of breakPieces(line)) {
    const visible = piece.trimEnd();
    const pieceWhole = measure(piece);
    const pieceShown = visible === piece ? pieceWhole : measure(visible);
    const joinedShown = visible === '' ? shown : whole + pieceShown;
    if (joinedShown <= width) {
      current += piece;
      shown = joinedShown;
      whole += pieceWhole;
      continue;
    }
    if (current !== '') lines.push(current.trimEnd());
    current = piece;
    while (measure(current.trimEnd()) > width) {
      const [head, rest] = cutAt(current, width, measure);
      lines.push(head);
      current = rest;
    }
    shown = measure(current.trimEnd());
    whole = measure(current);
  }
  lines.push(current.trimEnd());
  return lines;
}

/** The text between break opportunities, each piece with the spaces that end it. */
function* breakPieces(text: string): Generator<string> {
  const breaker = new LineBreaker(text);
  let start = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    if (next.position > start) yield text.slice(start, next.position);
    start = next.position;
  }
  if (start < text.length) yield text.slice(start);
}

/** Made on first use: the first Intl.Segmenter loads ICU's break data (about 10 ms). */
let graphemes: Intl.Segmenter | undefined;

/** The longest head of `text` that fits in `width` (whole characters), and the rest. */
function cutAt(text: string, width: number, measure: Measure): [string, string] {
  let head = '';
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) {
    const longer = head + segment;
    // At least one character per line, whatever its width, so the loop always ends.
    if (head !== '' && measure(longer) > width) break;
    head = longer;
  }
  return [head, text.slice(head.length)];
}
