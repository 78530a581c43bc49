import { describe, expect, it } from 'vitest';
import {
  describeCharacter,
  printable,
  printableJson,
  printableLines,
  unsafeCharacters,
} from '../../src/util/unsafe-text.js';

const ARABIC =
  'أعلنت المنظمة \u2067«مرحبا بكم»\u2069 اليوم \u200Fفي القاهرة\u200E (Cairo) \u061C٢٠٢٦ \u2068IOM\u2069';

describe('unsafeCharacters', () => {
  it('finds every control, at its line and column, naming it', () => {
    expect(unsafeCharacters('ok\n\u001b[2J and \u001b]0;title\u0007\nx\u009by\u007f')).toEqual([
      { line: 2, column: 1, message: 'contains a control character U+001B (ESC)' },
      { line: 2, column: 10, message: 'contains a control character U+001B (ESC)' },
      { line: 2, column: 19, message: 'contains a control character U+0007 (BEL)' },
      { line: 3, column: 2, message: 'contains a control character U+009B (CSI)' },
      { line: 3, column: 4, message: 'contains a control character U+007F (DEL)' },
    ]);
  });

  it('lets tab and line feed through, and refuses CR, form feed, vertical tab and NUL', () => {
    expect(unsafeCharacters('a\tb\n\n  c\n')).toEqual([]);
    expect(unsafeCharacters('a\rb\fc\vd\u0000').map((found) => found.message)).toEqual([
      'contains a control character U+000D (CR)',
      'contains a control character U+000C (FF)',
      'contains a control character U+000B (VT)',
      'contains a control character U+0000 (NUL)',
    ]);
  });

  it('passes right-to-left text written with marks and balanced isolates', () => {
    expect(unsafeCharacters(ARABIC)).toEqual([]);
    expect(unsafeCharacters('שלום \u202Bעולם\u202C \u202Aabc\u202C')).toEqual([]);
  });

  it('refuses a bidi override, even a closed one: it shows letters in another order', () => {
    expect(unsafeCharacters('invoice\u202Efdp.exe')).toEqual([
      {
        line: 1,
        column: 8,
        message:
          'contains a bidirectional override U+202E (RLO), which shows text in another order than it is written',
      },
    ]);
    expect(unsafeCharacters('a \u202Dabc\u202C b').map((found) => found.message)).toEqual([
      expect.stringContaining('bidirectional override U+202D (LRO)'),
    ]);
  });

  it('refuses an isolate or embedding left open on its line, and a closer that closes nothing', () => {
    expect(unsafeCharacters('x \u2067open\nclosed\u2069 y')).toEqual([
      {
        line: 1,
        column: 3,
        message: 'contains U+2067 (RLI) not closed by U+2069 (PDI) on the same line',
      },
      { line: 2, column: 7, message: 'contains U+2069 (PDI) that closes nothing on its line' },
    ]);
    // An embedding opened inside an isolate ends with it, so it is reported as unclosed.
    expect(unsafeCharacters('\u2066a \u202Bb\u2069').map((found) => found.column)).toEqual([4]);
    // PDF cannot close an isolate.
    expect(unsafeCharacters('\u2068a\u202C\u2069').map((found) => found.message)).toEqual([
      'contains U+202C (PDF) that closes nothing on its line',
    ]);
  });

  it('counts numeric character references as the character they name', () => {
    expect(
      unsafeCharacters('a &#27;[2J b &#x9B; c &#X202e; d').map((found) => found.column),
    ).toEqual([3, 14, 23]);
    expect(unsafeCharacters('&#233;t&#xE9; &#x2067;x&#x2069; &#10; &#9; &#38;')).toEqual([]);
  });
});

describe('describeCharacter', () => {
  it.each([
    [0x00, 'U+0000 (NUL)'],
    [0x1b, 'U+001B (ESC)'],
    [0x1f, 'U+001F (US)'],
    [0x7f, 'U+007F (DEL)'],
    [0x85, 'U+0085 (NEL)'],
    [0x9d, 'U+009D (OSC)'],
    [0x9f, 'U+009F (APC)'],
    [0x2069, 'U+2069 (PDI)'],
    [0xe9, 'U+00E9'],
  ])('%i is %s', (code, text) => {
    expect(describeCharacter(code)).toBe(text);
  });
});

describe('printing user text', () => {
  it('printable: one line, nothing a terminal obeys, every bidi control shown', () => {
    const shown = printable('re\nlease\u001b]0;pwned\u0007\r\t\u009b\u202e\u200f\u2028é.md');
    expect(shown).toBe('re\\nlease\\u001b]0;pwned\\u0007\\r\\t\\u009b\\u202e\\u200f\\u2028é.md');
    expect(printable(shown)).toBe(shown);
    expect(shown).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
  });

  it('printableLines: keeps lines, tabs and right-to-left text; escapes controls and overrides', () => {
    expect(printableLines(`a\tb\n${ARABIC}\n`)).toBe(`a\tb\n${ARABIC}\n`);
    expect(printableLines('\u001b[2Jx\u0085y\u202ez\r\n')).toBe('\\u001b[2Jx\\u0085y\\u202ez\\r\n');
  });

  it('printableJson: the same value, with no raw C1 or bidi character', () => {
    const value = { file: 'a\u009b\u202e\u2067b\u2069\u001b\n', n: 1 };
    const json = printableJson(value);
    // Pretty-printed JSON has line feeds between members, and nothing else of the kind.
    expect(json).not.toMatch(
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Bidi_Control}\u2028\u2029]/u,
    );
    expect(JSON.parse(json)).toEqual(value);
  });
});
