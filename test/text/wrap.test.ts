import LineBreaker from 'linebreak';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { widthFor, wrap } from '../../src/text/wrap.js';

/** Every code point of the ranges the fast measure counts as one column. */
function codePoints(ranges: [number, number][]): string[] {
  const points: string[] = [];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) points.push(String.fromCodePoint(code));
  }
  return points;
}

describe('widthFor', () => {
  it('agrees with string-width on every character it counts itself, narrow and wide', () => {
    const narrowRanges: [number, number][] = [
      [0x20, 0x7e],
      [0xa0, 0x2ff],
      [0x2010, 0x2027],
      [0x202f, 0x205e],
      [0x20a0, 0x20c0],
    ];
    for (const [lang, ambiguousIsNarrow] of [
      ['fr', true],
      ['zh-Hans', false],
    ] as const) {
      const measure = widthFor(lang);
      for (const character of codePoints(narrowRanges)) {
        expect([character, measure(character)]).toEqual([
          character,
          stringWidth(character, { ambiguousIsNarrow }),
        ]);
      }
    }
  });

  it('hands anything else to string-width: CJK, combining marks, emoji, soft hyphens', () => {
    const measure = widthFor('en');
    expect(measure('中文')).toBe(4);
    expect(measure('e\u0301')).toBe(1);
    expect(measure('👍🏽 ok')).toBe(5);
    expect(measure('a\u00ADb')).toBe(stringWidth('a\u00ADb'));
  });
});

/** The plain algorithm: measure every candidate line whole, as wrap did before it added up widths. */
function wrapOracle(text: string, width: number, lang: string): string {
  const ambiguousIsNarrow = !/^(zh|ja|ko)(-|$)/i.test(lang);
  const measure = (value: string) => stringWidth(value, { ambiguousIsNarrow });
  const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
  return text
    .split('\n')
    .map((raw) => {
      const line = raw.replace(/[ \t]+/g, ' ').trim();
      const pieces: string[] = [];
      const breaker = new LineBreaker(line);
      let start = 0;
      for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
        if (next.position > start) pieces.push(line.slice(start, next.position));
        start = next.position;
      }
      if (start < line.length) pieces.push(line.slice(start));
      const lines: string[] = [];
      let current = '';
      for (const piece of pieces) {
        if (measure((current + piece).trimEnd()) <= width) {
          current += piece;
          continue;
        }
        if (current !== '') lines.push(current.trimEnd());
        current = piece;
        while (measure(current.trimEnd()) > width) {
          let head = '';
          for (const { segment } of graphemes.segment(current)) {
            if (head !== '' && measure(head + segment) > width) break;
            head += segment;
          }
          lines.push(head);
          current = current.slice(head.length);
        }
      }
      lines.push(current.trimEnd());
      return lines.join('\n');
    })
    .join('\n');
}

describe('wrap adds up piece widths as the plain algorithm measures whole lines', () => {
  const words = [
    'gouvernement',
    'l’eau',
    '«',
    'déclaré',
    '»',
    '中华人民共和国',
    '。',
    'https://example.org/a/very/long/path/without/any/space/at/all',
    'e\u0301te\u0301',
    '👍🏽',
    'Ñandú',
    '—',
    'x',
    '(UN)',
    '\u3000',
    'مرحبا',
  ];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const samples = Array.from({ length: 200 }, () =>
    Array.from({ length: 5 + Math.floor(random() * 40) }, () => {
      const word = words[Math.floor(random() * words.length)];
      return random() < 0.2 ? word : `${word} `;
    }).join(''),
  );
  it.each(['fr', 'zh-Hans'])('on 200 random mixed-script lines (%s)', (lang) => {
    for (const [index, sample] of samples.entries()) {
      const width = 8 + (index % 60);
      expect(wrap(sample, width, lang)).toBe(wrapOracle(sample, width, lang));
    }
  });
});
