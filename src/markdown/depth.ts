import type { Problem } from '../errors.js';
import { PresskitError } from '../errors.js';

/**
 * marked parses block quotes and lists by recursion: it overflows the stack from about
 * 1,100 nested lists or 1,300 mixed quotes and lists (`- - - …`, `> - > - …`, or one
 * indented list level per line; measured on Node 20). A press release needs a few levels,
 * so deeper Markdown is refused before it is lexed.
 *
 * Hand-written: no library measures this without parsing, which is what overflows. The
 * count is an upper bound of marked's nesting, never below it (test/render-markdown/
 * markdown-depth.test.ts holds it to marked's own tokens), and costs a look at the start of
 * each line, not a parse.
 */
export const MAX_MARKDOWN_DEPTH = 100;

/** Where a Markdown text is: its file, its field (`body`, `boilerplate`), its first line. */
export interface MarkdownPlace {
  file: string;
  field: string;
  /** 1-based line of the text's first line in the file, when known. */
  firstLine?: number;
}

/** The problem of Markdown nested deeper than MAX_MARKDOWN_DEPTH, if it is. */
export function markdownDepthProblem(source: string, place: MarkdownPlace): Problem | undefined {
  const line = tooDeepLine(source);
  if (line === undefined) return undefined;
  return {
    file: place.file,
    field: place.field,
    ...(place.firstLine !== undefined ? { line: place.firstLine + line - 1 } : {}),
    message:
      `block quotes or lists nested more than ${MAX_MARKDOWN_DEPTH} levels deep ` +
      '(a press release needs a few): remove the extra `>` or list markers',
  };
}

/**
 * Runs marked on Markdown the depth check let through. Inline markup nested ~1,200 deep
 * (emphasis in emphasis) can still overflow the stack: then that text's problem too, not a
 * crash. Counting inline nesting before lexing would mean parsing emphasis delimiters.
 */
export function withinStack<T>(run: () => T, place: MarkdownPlace): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error;
    throw new PresskitError('E_MARKDOWN', {
      file: place.file,
      field: place.field,
      message:
        'Markdown nested too deeply to render (emphasis or other markup inside itself ' +
        'hundreds of times): simplify it',
    });
  }
}

/** 1-based line of `source` where blocks first nest deeper than `limit`, if they do. */
export function tooDeepLine(source: string, limit = MAX_MARKDOWN_DEPTH): number | undefined {
  // marked reads a lone CR as a line break too (a YAML string can hold one).
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (lineDepth(text, start, end, limit) > limit) return line;
    start = end + 1;
  }
  return undefined;
}

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x3e; // >
const TAB_WIDTH = 4;
/** Spaces after a list marker that still belong to it (CommonMark's content offset). */
const MARKER_SPACES = 4;

/**
 * The most containers the line `source[start, end)` can be inside: one per `>` and per list
 * marker at its start, and one per two columns of indentation before the last of them (a
 * list item opened on an earlier line needs at least two: `- ` is the narrowest marker).
 * Indentation with no marker after it opens nothing (it is code or a paragraph's).
 * Stops counting past `limit`.
 */
function lineDepth(source: string, start: number, end: number, limit: number): number {
  let depth = 0;
  let markers = 0;
  let columns = 0;
  /** Spaces right after a marker that are part of it, not indentation. */
  let slack = 0;
  let hrCheckedTo = start;
  for (let i = start; i < end && depth <= limit;) {
    const code = source.charCodeAt(i);
    if (code === SPACE || code === TAB) {
      const width = code === TAB ? TAB_WIDTH : 1;
      const owned = Math.min(slack, width);
      slack -= owned;
      columns += width - owned;
      i++;
      continue;
    }
    const length = code === QUOTE ? 1 : listMarkerLength(source, i, end);
    if (length === 0) break;
    if (code !== QUOTE && i >= hrCheckedTo) {
      // `- - -` is a rule, not three lists; a marker left of a rule still opens its item.
      const notRuleAt = ruleBreaksAt(source, i, end);
      if (notRuleAt === undefined) break;
      hrCheckedTo = notRuleAt;
    }
    markers++;
    slack = code === QUOTE ? 1 : MARKER_SPACES;
    depth = markers + Math.floor(columns / 2);
    i += length;
  }
  return depth;
}

/** Length of the list marker (`-`, `*`, `+`, `1.`, `1)`) at `i`, or 0. */
function listMarkerLength(source: string, i: number, end: number): number {
  const code = source.charCodeAt(i);
  let length = 0;
  if (code === 0x2d || code === 0x2a || code === 0x2b) length = 1;
  else {
    let digits = 0;
    while (digits < 10 && isDigit(source.charCodeAt(i + digits))) digits++;
    const after = source.charCodeAt(i + digits);
    if (digits === 0 || digits > 9 || (after !== 0x2e && after !== 0x29)) return 0;
    length = digits + 1;
  }
  const next = i + length;
  if (next < end && source.charCodeAt(next) !== SPACE && source.charCodeAt(next) !== TAB) return 0;
  return length;
}

/**
 * Whether the rest of the line from `i` is a thematic break (three or more of one of
 * `-*_`, spaces between): `undefined` if it is, else the index of the first character that
 * makes it not one. A later marker before that index is then no rule either, which keeps
 * a long line from being scanned once per marker.
 */
function ruleBreaksAt(source: string, i: number, end: number): number | undefined {
  const char = source.charCodeAt(i);
  if (char !== 0x2d && char !== 0x2a && char !== 0x5f) return i;
  let count = 0;
  for (let j = i; j < end; j++) {
    const code = source.charCodeAt(j);
    if (code === char) count++;
    else if (code !== SPACE && code !== TAB) return j;
  }
  return count >= 3 ? undefined : end;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
