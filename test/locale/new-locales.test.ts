import { describe, expect, test } from 'vitest';
import {
  aboutHeading,
  formatDate,
  formatDateline,
  formatEmbargo,
  formatNumber,
  labelTable,
  overridesFor,
} from '../../src/locale/i18n.js';
import { textDirection } from '../../src/locale/languages.js';
import { at, day } from './release-dates.js';

const NBSP = '\u00A0';
const months = Array.from({ length: 12 }, (_, index) => index + 1);
const iso = (month: number, date: number): string =>
  `2026-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
const intl = (locale: string, options: Intl.DateTimeFormatOptions, text: string): string =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(day(text).instant);

describe('dates checked against Intl, month by month', () => {
  test.each(months)('German and Portuguese, month %i', (month) => {
    for (const date of [2, 15, 28]) {
      const text = iso(month, date);
      const long = { day: 'numeric', month: 'long', year: 'numeric' } as const;
      expect(formatDate(day(text), 'de')).toBe(intl('de-DE', long, text));
      expect(formatDate(day(text), 'pt-BR')).toBe(intl('pt-BR', long, text));
      // Russian: Intl's long date is the same save its plain space before "г.".
      expect(formatDate(day(text), 'ru')).toBe(
        intl('ru', long, text).replace(' г.', `${NBSP}г.`).replace(' ', NBSP),
      );
      // Chinese: Intl's zh-Hans long date, GB/T 15835's form.
      expect(formatDate(day(text), 'zh')).toBe(intl('zh-Hans', long, text));
    }
  });

  test.each(months)(
    'Arabic month %i carries the Egyptian name Intl uses, after the Levantine one',
    (month) => {
      const text = iso(month, 3);
      const egyptian = intl('ar-EG-u-nu-latn', { month: 'long' }, text);
      const written = formatDate(day(text), 'ar');
      expect(written).toMatch(/^3 \S+( \S+)?\/\S+ 2026$/u);
      // Intl writes يونيو/يوليو where UN documents keep the older يونيه/يوليه.
      expect(written.split('/')[1]?.split(' ')[0]).toBe(
        egyptian.replace(/و$/u, month === 6 || month === 7 ? 'ه' : 'و'),
      );
    },
  );
});

describe('press-style times', () => {
  test.each([
    ['de', 'SPERRFRIST: 27. November 2026, 10:00 Uhr CET (09:00 UTC)'],
    ['ru', 'ЭМБАРГО ДО 27 ноября 2026 г. в 10:00 CET (09:00 UTC)'],
    ['pt', 'SOB EMBARGO ATÉ 27 de novembro de 2026, às 10h CET (09:00 UTC)'],
    ['zh', '禁发至2026年11月27日10时 CET (09:00 UTC)'],
    ['ar', 'يُحظر النشر قبل 27 تشرين الثاني/نوفمبر 2026، الساعة 10:00 CET (09:00 UTC)'],
  ])('%s embargo', (lang, expected) => {
    const { labels } = labelTable(lang);
    const date = formatEmbargo(at('2026-11-27T10:00:00+01:00'), lang, 'Europe/Brussels');
    expect(labels.embargoedUntil.replace('{date}', date).replaceAll(NBSP, ' ')).toBe(expected);
  });

  test('minutes: 10 h 30 in each style', () => {
    const date = at('2026-11-27T10:30:00Z');
    expect(formatDate(date, 'de')).toContain(`10:30${NBSP}Uhr`);
    expect(formatDate(date, 'pt')).toContain('às 10h30');
    expect(formatDate(date, 'zh')).toBe('2026年11月27日10时30分');
  });
});

describe('datelines and headings', () => {
  test.each([
    ['de', 'GENF, 3. September 2026 –'],
    ['zh', '日内瓦，2026年9月3日——'],
    ['ar', 'جنيف، 3 أيلول/سبتمبر 2026 —'],
    ['ru', 'ЖЕНЕВА, 3 сентября 2026 г. —'],
  ])('%s', (lang, expected) => {
    const place = { de: 'GENF', zh: '日内瓦', ar: 'جنيف', ru: 'ЖЕНЕВА' }[lang] ?? '';
    expect(
      formatDateline(place, formatDate(day('2026-09-03'), lang), lang).replaceAll(NBSP, ' '),
    ).toBe(expected);
  });

  test('Russian "Об" before a vowel sound only', () => {
    const { labels } = labelTable('ru');
    expect(aboutHeading(labels, 'ООН')).toBe('Об ООН');
    expect(aboutHeading(labels, 'МОМ')).toBe('О МОМ');
    expect(aboutHeading(labels, 'Юнеско')).toBe('О Юнеско');
  });
});

describe('languages without a table', () => {
  test('English labels, each marked as English, until the config gives them', () => {
    const bare = labelTable('sw');
    expect(bare.builtIn).toBe(false);
    expect(bare.labels.lang).toBe('en');
    expect(bare.english.has('immediateRelease')).toBe(true);
    const given = labelTable(
      'sw-KE',
      overridesFor({ sw: { immediateRelease: 'KWA KUTOLEWA MARA MOJA' } }, 'sw-KE'),
    );
    expect(given.labels.immediateRelease).toBe('KWA KUTOLEWA MARA MOJA');
    expect(given.english.has('immediateRelease')).toBe(false);
    expect(given.english.has('page')).toBe(true);
    expect(given.labels.lang).toBe('sw');
  });

  test('an exact tag wins over its language', () => {
    const all = {
      pt: { phone: 'Telefone' },
      'PT-pt': { phone: 'Telef.', contact: { one: 'Contacto' } },
    };
    expect(labelTable('pt-PT', overridesFor(all, 'pt-PT')).labels.phone).toBe('Telef.');
    expect(labelTable('pt-PT', overridesFor(all, 'pt-PT')).labels.contact).toEqual({
      one: 'Contacto',
      other: 'Contatos para a imprensa',
    });
    expect(labelTable('pt-BR', overridesFor(all, 'pt-BR')).labels.phone).toBe('Telefone');
  });
});

test.each([
  ['ar', 'rtl'],
  ['ar-MA', 'rtl'],
  ['he', 'rtl'],
  ['fa-IR', 'rtl'],
  ['ur', 'rtl'],
  ['dv', 'rtl'],
  ['az-Arab', 'rtl'],
  ['az', 'ltr'],
  ['zh', 'ltr'],
  ['en', 'ltr'],
  ['not a tag', 'ltr'],
])('%s is written %s', (lang, dir) => {
  expect(textDirection(lang)).toBe(dir);
});

test.each([
  ['en', '1,234.5'],
  ['de', '1.234,5'],
  ['ar', '1,234.5'],
  ['fr', `1${'\u202F'}234,5`],
])('numbers in %s: %s', (lang, expected) => {
  expect(formatNumber(1234.5, lang, 1)).toBe(expected);
});
