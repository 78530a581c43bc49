import { describe, expect, test } from 'vitest';
import { formatDate } from '../../src/locale/i18n.js';
import { at, day } from './release-dates.js';

const NBSP = '\u00A0';
const months = Array.from({ length: 12 }, (_, index) => index + 1);
const iso = (year: number, month: number, date: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/** Intl's rendering of a calendar date, the independent reference for month names. */
function intl(locale: string, options: Intl.DateTimeFormatOptions, text: string): string {
  const { instant } = day(text);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(instant);
}

describe('French dates', () => {
  test.each(months)('month %i, days 2 to 28, as Intl writes them', (month) => {
    for (let date = 2; date <= 28; date++) {
      const text = iso(2026, month, date);
      expect(formatDate(day(text), 'fr')).toBe(
        intl('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }, text),
      );
    }
  });

  test.each(months)('month %i: the first is "1er"', (month) => {
    const text = iso(2016, month, 1);
    const reference = intl('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }, text);
    expect(reference.startsWith('1 ')).toBe(true);
    expect(formatDate(day(text), 'fr')).toBe(reference.replace(/^1 /, '1er '));
  });

  test.each([
    ['2016-10-01', '1er octobre 2016'],
    ['2026-11-27', '27 novembre 2026'],
    ['2016-08-11', '11 août 2016'],
    ['2016-02-29', '29 février 2016'],
    ['2016-12-31', '31 décembre 2016'],
  ])('%s → %s', (text, expected) => {
    expect(formatDate(day(text), 'fr')).toBe(expected);
    expect(formatDate(day(text), 'fr-BE')).toBe(expected);
  });

  test.each([
    ['2026-11-27T10:00:00+01:00', `27 novembre 2026 à 10${NBSP}h`],
    ['2026-11-27T10:05:00+01:00', `27 novembre 2026 à 10${NBSP}h${NBSP}05`],
    ['2026-11-27T00:30:00+01:00', `27 novembre 2026 à 0${NBSP}h${NBSP}30`],
    ['2016-10-01T23:59:00-04:00', `1er octobre 2016 à 23${NBSP}h${NBSP}59`],
  ])('%s at its written offset → %s', (text, expected) => {
    expect(formatDate(at(text), 'fr')).toBe(expected);
  });
});

describe('English dates (AP)', () => {
  const ap = [
    'Jan.',
    'Feb.',
    'March',
    'April',
    'May',
    'June',
    'July',
    'Aug.',
    'Sept.',
    'Oct.',
    'Nov.',
    'Dec.',
  ];

  test.each(months)('month %i', (month) => {
    const text = iso(2016, month, 5);
    const expected = `${ap[month - 1]} 5, 2016`;
    expect(formatDate(day(text), 'en')).toBe(expected);
    // Cross-check with Intl: March to July in full, the others abbreviated with a point.
    const long = intl('en-US', { month: 'long' }, text);
    const short = intl('en-US', { month: 'short' }, text);
    const name = expected.split(' ')[0];
    if (month >= 3 && month <= 7) expect(name).toBe(long);
    else if (month === 9) expect(name).toBe('Sept.');
    else expect(name).toBe(`${short}.`);
  });

  test.each([
    ['2026-11-27T10:00:00+01:00', `Nov. 27, 2026, 10${NBSP}a.m.`],
    ['2026-11-27T10:30:00+01:00', `Nov. 27, 2026, 10:30${NBSP}a.m.`],
    ['2026-11-27T12:00:00+01:00', 'Nov. 27, 2026, noon'],
    ['2026-11-27T12:15:00+01:00', `Nov. 27, 2026, 12:15${NBSP}p.m.`],
    ['2026-11-27T13:05:00+01:00', `Nov. 27, 2026, 1:05${NBSP}p.m.`],
    ['2026-11-27T00:00:00+01:00', `Nov. 27, 2026, 12${NBSP}a.m.`],
    ['2026-03-03T23:45:00Z', `March 3, 2026, 11:45${NBSP}p.m.`],
  ])('%s → %s', (text, expected) => {
    expect(formatDate(at(text), 'en')).toBe(expected);
  });

  test('a language without a table of its own but known to Intl is dated by Intl', () => {
    expect(formatDate(day('2026-09-05'), 'sw')).toBe('5 Septemba 2026');
    expect(formatDate(day('2026-09-05'), 'it-IT')).toBe('5 settembre 2026');
  });

  test("one unknown to Intl is dated in English, never in the machine's language", () => {
    expect(formatDate(day('2026-09-05'), 'tlh')).toBe('September 5, 2026');
    expect(formatDate(day('2026-09-05'), 'not a tag')).toBe('September 5, 2026');
  });
});

describe('Spanish dates', () => {
  test.each(months)('month %i, every day, as Intl writes them', (month) => {
    for (let date = 1; date <= 28; date++) {
      const text = iso(2016, month, date);
      expect(formatDate(day(text), 'es')).toBe(
        intl('es-ES', { day: 'numeric', month: 'long', year: 'numeric' }, text),
      );
    }
  });

  test.each([
    ['2016-10-01', '1 de octubre de 2016'],
    ['2026-11-27T10:00:00+01:00', '27 de noviembre de 2026 a las 10:00'],
    ['2026-11-27T01:30:00+01:00', '27 de noviembre de 2026 a la 1:30'],
    ['2026-11-27T13:05:00+01:00', '27 de noviembre de 2026 a las 13:05'],
  ])('%s → %s', (text, expected) => {
    const date = text.length === 10 ? day(text) : at(text);
    expect(formatDate(date, 'es')).toBe(expected);
  });
});

describe('zones', () => {
  test('a plain date is a calendar date, whatever the zone', () => {
    for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      expect(formatDate(day('2016-10-01'), 'fr', zone)).toBe('1er octobre 2016');
      expect(formatDate(day('2016-10-01'), 'en', zone)).toBe('Oct. 1, 2016');
    }
  });

  test.each([
    // 23:30 UTC on Nov. 26 is already Nov. 27 east of Greenwich.
    ['Europe/Brussels', `Nov. 27, 2026, 12:30${NBSP}a.m.`],
    ['Pacific/Kiritimati', `Nov. 27, 2026, 1:30${NBSP}p.m.`],
    ['America/Los_Angeles', `Nov. 26, 2026, 3:30${NBSP}p.m.`],
    ['Pacific/Pago_Pago', `Nov. 26, 2026, 12:30${NBSP}p.m.`],
    ['UTC', `Nov. 26, 2026, 11:30${NBSP}p.m.`],
  ])('a time is shown in %s', (zone, expected) => {
    expect(formatDate(at('2026-11-26T23:30:00Z'), 'en', zone)).toBe(expected);
  });
});
