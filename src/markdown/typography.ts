/**
 * Language-aware typography for the prose of a release: curly quotes and apostrophes,
 * French spacing around « » ; ! ? :, Spanish guillemets, the ellipsis character.
 *
 * Bare URLs, e-mail addresses and HTML entities inside the prose are left exactly as
 * written, and so are times (9:30), ratios (3:1) and numbers (1,000.5): no rule touches a
 * character between two digits or inside a protected span.
 *
 * Every rule reads the text around the character it changes, so a caller that splits a
 * paragraph into runs (around emphasis, links, code) gets the best result by passing all
 * runs of the paragraph at once to `applyTypographyToRuns`. `applyTypography` handles one
 * run in isolation and guesses at its edges, assuming that an inline element (never a space)
 * sits beyond each edge:
 * - a run that starts with ; ! ? : or » gets the French space inserted before it;
 * - a run that ends with « gets the French space inserted after it;
 * - a straight quote at the start of a run followed by a space or punctuation closes;
 *   followed by a word, or when it is the whole run, it opens. So `"*Bonjour*"` split into
 *   the runs `"`, `Bonjour`, `"` yields an opening quote for the last run too: only
 *   `applyTypographyToRuns` gets that case right.
 *
 * Straight quotes left ambiguous (a `"` with spaces on both sides, `12"` or `6'` after a
 * digit outside any quotation) stay straight rather than risk the wrong direction.
 */
import { primaryLanguage } from '../locale/i18n.js';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

/** A piece of a paragraph: prose to typeset, or verbatim content (code) only read for context. */
export interface TypographyRun {
  text: string;
  /** Returned unchanged and seen by the rules as a word, e.g. a code span. */
  verbatim?: boolean;
}

/** Typesets one run of prose text (plain text, not HTML-escaped) in language `lang`. */
export function applyTypography(text: string, lang: string): string {
  return applyTypographyToRuns([text], lang)[0] ?? text;
}

/**
 * Typesets the runs of one paragraph (or heading, list item, table cell) read in order,
 * so that rules see across the boundaries between runs. Returns one string per run.
 */
export function applyTypographyToRuns(
  runs: readonly (string | TypographyRun)[],
  lang: string,
): string[] {
  const pieces = runs.map((run) => (typeof run === 'string' ? { text: run } : run));
  const language = RULES_BY_LANGUAGE[primaryLanguage(lang)];
  if (!language || !pieces.some((piece) => language.touches.test(piece.text))) {
    return pieces.map((piece) => piece.text);
  }
  const { rules } = language;
  const draft = Draft.fromRuns(pieces);
  for (const rule of rules) rule(draft);
  return draft.toRuns(pieces);
}

// ---------------------------------------------------------------------------------------
// Draft: the paragraph's text with positions (run edges, protected spans) kept in step
// through every edit, so the result can be cut back into the caller's runs.

/** Stands for every protected character: the rules see a word character and never touch it. */
const MASK = '\uE000';

interface Edit {
  start: number;
  end: number;
  insert: string;
  /** For an insertion exactly at a run edge: the run the new text joins. */
  joins?: 'previous' | 'next';
}

/**
 * Which side text inserted exactly at a mark joins: `previous` moves the mark past it.
 * `edge` lets the edit decide (see `Edit.joins`).
 */
type Bias = 'previous' | 'next' | 'edge';

interface Mark {
  position: number;
  bias: Bias;
}

class Draft {
  private constructor(
    public text: string,
    private readonly runEdges: Mark[],
    private readonly spans: { start: Mark; end: Mark; original: string }[],
  ) {}

  static fromRuns(pieces: readonly TypographyRun[]): Draft {
    const whole = pieces.map((piece) => piece.text).join('');
    const ranges: [number, number][] = [];
    const edges: Mark[] = [];
    let position = 0;
    pieces.forEach((piece, index) => {
      if (piece.verbatim && piece.text) ranges.push([position, position + piece.text.length]);
      position += piece.text.length;
      if (index < pieces.length - 1) {
        // Inserted text at an edge never joins a verbatim run.
        const bias: Bias = pieces[index + 1]?.verbatim
          ? 'previous'
          : piece.verbatim
            ? 'next'
            : 'edge';
        edges.push({ position, bias });
      }
    });
    const spans = mergeRanges([...ranges, ...protectedRanges(whole)]).map(([start, end]) => ({
      // Text inserted at a span's edge stays outside the span.
      start: { position: start, bias: 'previous' as const },
      end: { position: end, bias: 'next' as const },
      original: whole.slice(start, end),
    }));
    let masked = whole;
    for (const span of spans) {
      masked =
        masked.slice(0, span.start.position) +
        MASK.repeat(span.original.length) +
        masked.slice(span.end.position);
    }
    return new Draft(masked, edges, spans);
  }

  /** Applies non-overlapping edits, all given as positions in the current text. */
  apply(edits: Edit[]): void {
    const sorted = edits
      .filter((edit) => this.text.slice(edit.start, edit.end) !== edit.insert)
      .sort((a, b) => a.start - b.start || a.end - b.end);
    if (sorted.length === 0) return;
    let text = '';
    let cursor = 0;
    for (const edit of sorted) {
      if (edit.start < cursor) throw new Error('typography: overlapping edits');
      text += this.text.slice(cursor, edit.start) + edit.insert;
      cursor = edit.end;
    }
    text += this.text.slice(cursor);
    const marks = [...this.runEdges, ...this.spans.flatMap((span) => [span.start, span.end])];
    for (const mark of marks) mark.position = mapPosition(mark, sorted);
    this.text = text;
  }

  /** Replaces every match of `pattern` (global) by `insert`. */
  replace(pattern: RegExp, insert: string, joins?: Edit['joins']): void {
    const edits: Edit[] = [];
    for (const match of this.text.matchAll(pattern)) {
      edits.push({ start: match.index, end: match.index + match[0].length, insert, joins });
    }
    this.apply(edits);
  }

  toRuns(pieces: readonly TypographyRun[]): string[] {
    const chars = this.text.split('');
    for (const span of this.spans) {
      const { position: start } = span.start;
      if (span.end.position - start !== span.original.length) {
        throw new Error('typography: a protected span was edited');
      }
      chars.splice(start, span.original.length, ...span.original.split(''));
    }
    const text = chars.join('');
    const cuts = [0, ...this.runEdges.map((edge) => edge.position), text.length];
    return pieces.map((piece, index) =>
      piece.verbatim ? piece.text : text.slice(cuts[index], cuts[index + 1]),
    );
  }
}

function mapPosition(mark: Mark, edits: readonly Edit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.start > mark.position) break;
    if (edit.start === mark.position) {
      if (edit.end === edit.start) {
        const joins = mark.bias === 'edge' ? edit.joins : mark.bias;
        if (joins === 'previous') shift += edit.insert.length;
      }
      break;
    }
    if (edit.end <= mark.position) {
      shift += edit.insert.length - (edit.end - edit.start);
      continue;
    }
    // The mark sat inside replaced text: keep it at the same distance, within the new text.
    return edit.start + shift + Math.min(mark.position - edit.start, edit.insert.length);
  }
  return mark.position + shift;
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start === end) continue;
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------
// Protected spans

/** A URL with a scheme, or starting with www. Its end is then trimmed by `trimUrl`. */
const URL_PATTERN = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"«»“”‘’]+/giu;

const PROTECTED: readonly { needs: string; pattern: RegExp }[] = [
  // E-mail addresses, with or without mailto:
  {
    needs: '@',
    pattern: /(?:mailto:)?[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
  },
  // HTML entities, should a caller pass escaped text: their `;` must never move.
  { needs: '&', pattern: /&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/giu },
];

function protectedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  // Each pattern needs a character most paragraphs lack: look for it before running them.
  if (text.includes(':') || /www\./i.test(text)) {
    for (const match of text.matchAll(URL_PATTERN)) {
      ranges.push([match.index, match.index + trimUrl(match[0]).length]);
    }
  }
  for (const { needs, pattern } of PROTECTED) {
    if (!text.includes(needs)) continue;
    for (const match of text.matchAll(pattern)) {
      ranges.push([match.index, match.index + match[0].length]);
    }
  }
  return ranges;
}

/**
 * Drops punctuation that ends the sentence rather than the URL, as linkifiers do;
 * a closing parenthesis stays when the URL opened one (Wikipedia-style links).
 */
function trimUrl(found: string): string {
  let url = found;
  for (;;) {
    const last = url.at(-1);
    if (last === undefined) return url;
    if (last === ')' && count(url, '(') >= count(url, ')')) return url;
    if (!/[.,;:!?')\]}…]/u.test(last)) return url;
    url = url.slice(0, -1);
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

// ---------------------------------------------------------------------------------------
// Rules

type Rule = (draft: Draft) => void;

/** Horizontal white space with at most one line break (a soft break), never a blank line. */
const GAP = String.raw`[^\S\n]*(?:\n[^\S\n]*)?`;
/** A non-empty GAP. */
const SPACE = String.raw`(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)`;
/** What may follow punctuation that ends a word: it is not in the middle of 9:30 or a:b. */
const WORD_END = String.raw`(?:$|[\s»”’"')\]}.,…;:!?«“‘])`;
/** Characters after which no space is inserted before punctuation. */
const NO_SPACE_AFTER = String.raw`\s(\[{«“‘;:!?`;

const ellipsis: Rule = (draft) => draft.replace(/(?<!\.)\.\.\.(?!\.)/gu, '…');

const frenchSpacing: Rule = (draft) => {
  // « then a narrow no-break space; » after one. A whole run of spaces becomes one.
  draft.replace(new RegExp(`(?<=«)${GAP}(?!\\s)`, 'gu'), NNBSP, 'previous');
  draft.replace(new RegExp(`(?<!\\s)${GAP}(?=»)`, 'gu'), NNBSP, 'next');
  // ; ! ? take a narrow no-break space, : a full one; replace the author's space...
  draft.replace(new RegExp(`(?<!\\s)${SPACE}(?=[;!?])`, 'gu'), NNBSP, 'next');
  draft.replace(new RegExp(`(?<!\\s)${SPACE}(?=:)`, 'gu'), NBSP, 'next');
  // ...or insert one when the mark ends a word (so not in 9:30, 3:1, a:b, x=1;y=2).
  draft.replace(new RegExp(`(?<![${NO_SPACE_AFTER}])(?=[;!?]+${WORD_END})`, 'gu'), NNBSP, 'next');
  draft.replace(new RegExp(`(?<![${NO_SPACE_AFTER}])(?=:${WORD_END})`, 'gu'), NBSP, 'next');
};

const spanishGuillemets: Rule = (draft) => {
  draft.replace(new RegExp(`(?<=«)${SPACE}(?!\\s)`, 'gu'), '');
  draft.replace(new RegExp(`(?<!\\s)${SPACE}(?=»)`, 'gu'), '');
};

interface QuoteStyle {
  /** Open and close marks for double quotes, by nesting level; the last one repeats. */
  double: readonly (readonly [string, string])[];
  /** Open and close marks for single quotes (default ‘ ’); the apostrophe stays ’. */
  single?: readonly [string, string];
  /**
   * Quotes open and close in turn, whatever is around them: Chinese sets no space before
   * a quotation (他说"你好"), so the neighbours tell nothing.
   */
  alternate?: boolean;
  /** Elisions written with a leading apostrophe: 'tis, rock 'n' roll. */
  leadingApostrophe?: RegExp;
  /** At a run's start, an apostrophe before these ends a word begun before the run (*Bob*'s). */
  contractionTail?: RegExp;
}

const quotes =
  (style: QuoteStyle): Rule =>
  (draft) => {
    const out = convertQuotes(draft.text, style);
    const edits: Edit[] = [];
    out.forEach((char, index) => {
      if (char !== draft.text[index]) edits.push({ start: index, end: index + 1, insert: char });
    });
    draft.apply(edits);
  };

/** French and Spanish: « » outside, “ ” for a quotation inside a quotation. */
const GUILLEMETS_THEN_CURLY: QuoteStyle = {
  double: [
    ['«', '»'],
    ['“', '”'],
  ],
};

/**
 * The rules of each language, and the characters they act on: a paragraph with none of
 * them (most, in English) comes back as it is without being looked at.
 */
/** German (Duden): „…“ outside, ‚…‘ inside. */
const GERMAN_QUOTES: QuoteStyle = {
  double: [
    ['„', '“'],
    ['‚', '‘'],
  ],
  single: ['‚', '‘'],
};

/** Russian (Мильчин): «…» outside, „…“ inside. */
const RUSSIAN_QUOTES: QuoteStyle = {
  double: [
    ['«', '»'],
    ['„', '“'],
  ],
};

/** Chinese (GB/T 15834-2011): “…” outside, ‘…’ inside, whatever the neighbours. */
const CHINESE_QUOTES: QuoteStyle = {
  double: [
    ['“', '”'],
    ['‘', '’'],
  ],
  alternate: true,
};

/** Arabic, CLDR's delimiters: ” opens and “ closes, ’ ‘ inside. */
const ARABIC_QUOTES: QuoteStyle = {
  double: [
    ['”', '“'],
    ['’', '‘'],
  ],
  single: ['’', '‘'],
};

const HAN = String.raw`\p{Script=Han}`;
/** Full-width forms of the ASCII marks Chinese text takes in its own width (GB/T 15834). */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
};

/**
 * Chinese punctuation in Chinese text: a mark after a Han character (or a closing quote
 * after one) becomes full width, a full stop becomes 。, parentheses around Han text
 * become （）, "..." becomes ……, and the spaces around full-width marks go. Marks
 * between Latin letters or digits (3.5, 9:30, a, b) stay as they are.
 */
const chinesePunctuation: Rule = (draft) => {
  const after = `(?<=[${HAN}”’）》」])`;
  for (const [ascii, wide] of Object.entries(FULL_WIDTH)) {
    draft.replace(new RegExp(`${after}[${ascii}](?![\\p{N}])`, 'gu'), wide);
  }
  draft.replace(new RegExp(`${after}\\.(?![\\p{N}.])`, 'gu'), '。');
  draft.replace(new RegExp(`${after}(?:…|\\.\\.\\.)(?!…)`, 'gu'), '……');
  // ( and ) around Han text, or in it: 国际移民组织(IOM)表示.
  const edits: Edit[] = [];
  const han = new RegExp(`[${HAN}]`, 'u');
  for (const match of draft.text.matchAll(/\(([^()\n]*)\)/gu)) {
    const close = match.index + match[0].length - 1;
    const around = `${draft.text[match.index - 1] ?? ''}${match[1] ?? ''}${draft.text[close + 1] ?? ''}`;
    if (!han.test(around)) continue;
    edits.push({ start: match.index, end: match.index + 1, insert: '（' });
    edits.push({ start: close, end: close + 1, insert: '）' });
  }
  draft.apply(edits);
  draft.replace(/[^\S\n]+(?=[，。；：？！、）”’》」])/gu, '');
  draft.replace(/(?<=[，。；：？！、（“‘《「])[^\S\n]+/gu, '');
};

/**
 * Arabic punctuation after an Arabic letter: the Arabic comma ، semicolon ؛ and question
 * mark ؟ (not between digits: 3,5 and 1,000 stay).
 */
const arabicPunctuation: Rule = (draft) => {
  const after = String.raw`(?<=[\p{Script=Arabic}])[^\S\n]*`;
  draft.replace(new RegExp(`${after},(?![\\p{N}])`, 'gu'), '،');
  draft.replace(new RegExp(`${after};(?![\\p{N}])`, 'gu'), '؛');
  draft.replace(new RegExp(`${after}\\?(?![\\p{N}])`, 'gu'), '؟');
};

const RULES_BY_LANGUAGE: Readonly<Record<string, { touches: RegExp; rules: readonly Rule[] }>> = {
  en: {
    touches: /["']|\.\.\./u,
    rules: [
      ellipsis,
      quotes({
        double: [['“', '”']],
        leadingApostrophe: /^(?:em|tis|twas|til|n|cause|round)(?![\p{L}\p{N}])/iu,
        contractionTail: /^(?:s|t|d|m|ll|re|ve)(?![\p{L}\p{N}])/iu,
      }),
    ],
  },
  fr: {
    touches: /["'«»;:!?]|\.\.\./u,
    rules: [ellipsis, quotes(GUILLEMETS_THEN_CURLY), frenchSpacing],
  },
  es: {
    touches: /["'«»]|\.\.\./u,
    rules: [ellipsis, quotes(GUILLEMETS_THEN_CURLY), spanishGuillemets],
  },
  de: {
    touches: /["']|\.\.\./u,
    rules: [ellipsis, quotes(GERMAN_QUOTES)],
  },
  ru: {
    touches: /["'«»]|\.\.\./u,
    rules: [ellipsis, quotes(RUSSIAN_QUOTES), spanishGuillemets],
  },
  pt: {
    touches: /["']|\.\.\./u,
    rules: [
      ellipsis,
      quotes({
        double: [
          ['“', '”'],
          ['‘', '’'],
        ],
      }),
    ],
  },
  zh: {
    touches: /["',.;:?!()…]/u,
    rules: [quotes(CHINESE_QUOTES), chinesePunctuation],
  },
  ar: {
    touches: /["',;?]|\.\.\./u,
    rules: [ellipsis, quotes(ARABIC_QUOTES), arabicPunctuation],
  },
};

// ---------------------------------------------------------------------------------------
// Quotes and apostrophes

const OPENERS = new Set(['(', '[', '{', '«', '“', '‘', '—', '–', '/']);
/** After a quote, these mean the quote closes something. */
const CLOSING_PUNCTUATION = /[.,;:!?)\]}»”]/u;
const DECADE = /^\d\d(?!\d)/u;

type Decision = 'open' | 'close' | 'apostrophe' | 'keep';

function convertQuotes(text: string, style: QuoteStyle): string[] {
  const out = text.split('');
  /** Closing marks expected for the double quotes open so far. */
  const open: string[] = [];
  let openSingles = 0;
  const [singleOpen, singleClose] = style.single ?? ['‘', '’'];
  // Curly quotes the author typed, in this language's pairs: they open and close too.
  const pairs = new Map(style.double.filter(([first]) => first !== singleOpen));
  const closers = new Set(pairs.values());
  for (let i = 0; i < out.length; i++) {
    const char = out[i] ?? '';
    const previous = out[i - 1];
    const next = out[i + 1];
    const closer = pairs.get(char);
    if (closers.has(char) && open.at(-1) === char) {
      open.pop();
    } else if (closer) {
      open.push(closer);
    } else if (char === singleOpen) {
      openSingles++;
    } else if (char === singleClose || char === '’') {
      if (openSingles > 0 && !isWordChar(next)) openSingles--;
    } else if (char === '"') {
      // Right after a closing mark of this language (Russian “ closing „), a quote closes.
      const decision =
        style.alternate || (previous !== undefined && closers.has(previous) && open.length > 0)
          ? open.length > 0
            ? 'close'
            : 'open'
          : decideDouble(previous, next, open.length > 0);
      if (decision === 'open') {
        const pair = style.double[Math.min(open.length, style.double.length - 1)];
        if (pair) {
          out[i] = pair[0];
          open.push(pair[1]);
        }
      } else if (decision === 'close') {
        out[i] = open.pop() ?? style.double[0]?.[1] ?? char;
      }
    } else if (char === "'") {
      const rest = text.slice(i + 1);
      const decision = decideSingle(previous, next, rest, openSingles > 0, style);
      if (decision === 'open') {
        out[i] = singleOpen;
        openSingles++;
      } else if (decision === 'close') {
        out[i] = singleClose;
        if (openSingles > 0) openSingles--;
      } else if (decision === 'apostrophe') {
        out[i] = '’';
      }
    }
  }
  return out;
}

function decideDouble(
  previous: string | undefined,
  next: string | undefined,
  inQuote: boolean,
): Decision {
  if (opensAfter(previous)) return decideAfterOpener(previous, next);
  // 12" is a measure, unless a quotation is open: "the top 10"
  if (isDigit(previous) && !inQuote) return 'keep';
  return 'close';
}

function decideSingle(
  previous: string | undefined,
  next: string | undefined,
  rest: string,
  inQuote: boolean,
  style: QuoteStyle,
): Decision {
  if (isWordChar(previous) && isLetter(next)) return 'apostrophe';
  if (opensAfter(previous)) {
    if (DECADE.test(rest)) return 'apostrophe';
    if (style.leadingApostrophe?.test(rest)) return 'apostrophe';
    if (previous === undefined && style.contractionTail?.test(rest)) return 'apostrophe';
    return decideAfterOpener(previous, next);
  }
  // 6' and 5'10" are measures, unless a quotation is open.
  if (isDigit(previous) && !inQuote) return 'keep';
  return 'close';
}

/** A quote after a space, an opening mark or the start of the run. */
function decideAfterOpener(previous: string | undefined, next: string | undefined): Decision {
  if (next === undefined) return 'open';
  if (/\s/u.test(next) || CLOSING_PUNCTUATION.test(next)) {
    // At the start of a run, an inline element (the quoted words) came just before.
    return previous === undefined ? 'close' : 'keep';
  }
  return 'open';
}

function opensAfter(previous: string | undefined): boolean {
  return previous === undefined || /\s/u.test(previous) || OPENERS.has(previous);
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && (char === MASK || /[\p{L}\p{N}]/u.test(char));
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && /\p{N}/u.test(char);
}
