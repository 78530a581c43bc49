/**
 * Text that reaches terminals (`cat kit.txt`, a CI log) and wire services must not carry
 * what a terminal obeys (ESC, CSI, OSC, BEL...) or what makes text read otherwise than it
 * is stored (bidi overrides). One module decides, for input checks and output escaping.
 *
 * Hand-written: the short names are the product's own vocabulary, and the bidi rule
 * (balanced isolates allowed, overrides never) is a policy no library states.
 */

// prettier-ignore
const C0_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR',
  'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC',
  'FS', 'GS', 'RS', 'US',
];
// prettier-ignore
const C1_NAMES = [
  'PAD', 'HOP', 'BPH', 'NBH', 'IND', 'NEL', 'SSA', 'ESA', 'HTS', 'HTJ', 'VTS', 'PLD', 'PLU', 'RI',
  'SS2', 'SS3', 'DCS', 'PU1', 'PU2', 'STS', 'CCH', 'MW', 'SPA', 'EPA', 'SOS', 'SGC', 'SCI', 'CSI',
  'ST', 'OSC', 'PM', 'APC',
];
const BIDI_NAMES: Readonly<Record<number, string>> = {
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
};

/** `U+001B (ESC)`. */
export function describeCharacter(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = characterName(code);
  return name ? `${hex} (${name})` : hex;
}

function characterName(code: number): string | undefined {
  if (code < 0x20) return C0_NAMES[code];
  if (code === 0x7f) return 'DEL';
  if (code >= 0x80 && code < 0xa0) return C1_NAMES[code - 0x80];
  return BIDI_NAMES[code];
}

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCharacter(char: string): string {
  return NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/* Every control (C0, DEL, C1), bidi control (marks included), line or paragraph separator,
   and U+FFFD (what an undecodable byte in a file name becomes). */
const NOT_ONE_LINE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029\uFFFD]/gu;

/**
 * For a log, a terminal or a one-line report: every control and bidi character, line breaks
 * included, shown escaped (`\n`, `\u001b`), so that a value can neither forge a line nor
 * drive the terminal. Applying it twice changes nothing more.
 */
export function printable(text: string): string {
  return text.replace(NOT_ONE_LINE, escapeCharacter);
}

/* What JSON.stringify leaves raw that a terminal or a bidi display would still obey. */
const RAW_IN_JSON = /[\u007F-\u009F\p{Bidi_Control}\u2028\u2029]/gu;

/**
 * JSON for stdout: what JSON.stringify leaves raw (DEL, C1, bidi controls, separators) is
 * written as `\u` escapes too. Only strings can hold those, so the value read back is the same.
 */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, escapeCharacter);
}

/* What a terminal obeys (C0 but tab and line feed, DEL, C1) and the bidi overrides. */
const NEVER_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202D\u202E]/g;

/**
 * For a multi-line text file read with `cat`: what a terminal would obey, and the bidi
 * overrides, shown escaped; line breaks, tabs, marks and (input-checked) isolates of
 * right-to-left text kept.
 */
export function printableLines(text: string): string {
  return text.replace(NEVER_IN_TEXT, escapeCharacter);
}

/** One character a text may not carry, at its 1-based line and column in that text. */
export interface UnsafeCharacter {
  line: number;
  column: number;
  message: string;
}

/* Candidates, raw or as a numeric character reference (which Markdown decodes). */
const CANDIDATE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|&#/;
const CANDIDATES =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));/g;

const OVERRIDES = new Set([0x202d, 0x202e]);
const EMBEDDING_OPENERS = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
const ISOLATE_OPENERS = new Set([0x2066, 0x2067, 0x2068]);
const POP_EMBEDDING = 0x202c;
const POP_ISOLATE = 0x2069;

/**
 * The characters `text` may not carry, one entry per occurrence: controls (C0 but tab and
 * line feed, DEL, C1), bidi overrides (LRO, RLO: they show letters in another order than
 * they are stored, the "Trojan Source" trick), and embeddings or isolates not closed on
 * their line, or closers that close nothing (they would turn the text after them).
 * Balanced isolates and the marks (LRM, RLM, ALM) are how right-to-left text is written
 * and pass. Numeric character references (`&#27;`) count as the character they name.
 */
export function unsafeCharacters(text: string): UnsafeCharacter[] {
  if (!CANDIDATE.test(text)) return [];
  const found: UnsafeCharacter[] = [];
  text.split('\n').forEach((lineText, index) => found.push(...unsafeInLine(lineText, index + 1)));
  return found;
}

function unsafeInLine(text: string, line: number): UnsafeCharacter[] {
  const found: UnsafeCharacter[] = [];
  const report = (column: number, message: string): void => {
    found.push({ line, column, message });
  };
  const open: { code: number; column: number }[] = [];
  const closeOpen = (until: number): void => {
    for (const opener of open.splice(until)) {
      if (OVERRIDES.has(opener.code)) continue; // refused already, closed or not
      const closer = ISOLATE_OPENERS.has(opener.code) ? POP_ISOLATE : POP_EMBEDDING;
      report(
        opener.column,
        `contains ${describeCharacter(opener.code)} not closed by ${describeCharacter(closer)} on the same line`,
      );
    }
  };
  for (const match of text.matchAll(CANDIDATES)) {
    const code = referencedCode(match);
    const column = (match.index ?? 0) + 1;
    if (code === undefined) continue;
    if (OVERRIDES.has(code)) {
      report(
        column,
        `contains a bidirectional override ${describeCharacter(code)}, which shows text in another order than it is written`,
      );
    }
    if (EMBEDDING_OPENERS.has(code) || ISOLATE_OPENERS.has(code)) {
      open.push({ code, column });
    } else if (code === POP_EMBEDDING || code === POP_ISOLATE) {
      // PDI also ends the embeddings opened inside its isolate, as the bidi algorithm does.
      const at = open.findLastIndex((opener) =>
        code === POP_ISOLATE ? ISOLATE_OPENERS.has(opener.code) : true,
      );
      const matches =
        at >= 0 && (code === POP_ISOLATE || EMBEDDING_OPENERS.has(open[at]?.code ?? 0));
      if (!matches)
        report(column, `contains ${describeCharacter(code)} that closes nothing on its line`);
      else {
        closeOpen(at + 1);
        open.pop();
      }
    } else if (!OVERRIDES.has(code)) {
      report(column, `contains a control character ${describeCharacter(code)}`);
    }
  }
  closeOpen(0);
  return found.sort((a, b) => a.column - b.column);
}

/** The code point a candidate match stands for; undefined for a harmless reference. */
function referencedCode(match: RegExpMatchArray): number | undefined {
  const [whole, hex, decimal] = match;
  if (!whole.startsWith('&#')) return whole.charCodeAt(0);
  const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
  return CANDIDATE.test(String.fromCodePoint(Math.min(code, 0x10ffff))) ? code : undefined;
}
