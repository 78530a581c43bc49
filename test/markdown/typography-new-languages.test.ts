import { describe, expect, test } from 'vitest';
import { applyTypography } from '../../src/markdown/typography.js';

const cases: Record<string, [input: string, expected: string][]> = {
  de: [
    ['Er sagte: "Wir helfen."', 'Er sagte: „Wir helfen.“'],
    [`"Sie nannte es 'Hoffnung'."`, '„Sie nannte es ‚Hoffnung‘.“'],
    ["Wie geht's? 3,5 Mio. um 9:30", 'Wie geht’s? 3,5 Mio. um 9:30'],
    ['Bereits „richtig“ gesetzt', 'Bereits „richtig“ gesetzt'],
  ],
  ru: [
    ['Он сказал: "Мы поможем".', 'Он сказал: «Мы поможем».'],
    ['"Программа "Надежда" работает"', '«Программа „Надежда“ работает»'],
    ['« с пробелами »', '«с пробелами»'],
  ],
  pt: [['Ela disse: "Vamos ajudar".', 'Ela disse: “Vamos ajudar”.']],
  zh: [
    ['他说"我们会提供帮助"。', '他说“我们会提供帮助”。'],
    ['国际移民组织(IOM)表示, 援助已经到达.', '国际移民组织（IOM）表示，援助已经到达。'],
    ['共有3.5万人, 时间为9:30', '共有3.5万人，时间为9:30'],
    ['问题是? 等等...', '问题是？等等……'],
    ['Version 2.0, in English.', 'Version 2.0, in English.'],
  ],
  ar: [
    ['قال المدير "سنساعد الجميع".', 'قال المدير ”سنساعد الجميع“.'],
    ['المساعدات , والمياه ; هل وصلت?', 'المساعدات، والمياه؛ هل وصلت؟'],
    ['بلغ العدد 1,000 شخص و 3,5 طن', 'بلغ العدد 1,000 شخص و 3,5 طن'],
  ],
};

describe.each(Object.entries(cases))('typography in %s', (lang, rows) => {
  test.each(rows)('%s', (input, expected) => {
    expect(applyTypography(input, lang)).toBe(expected);
  });
});

test('Traditional Chinese and unknown languages are left alone by the other rules', () => {
  expect(applyTypography('Hujambo "rafiki"', 'sw')).toBe('Hujambo "rafiki"');
});
