import { afterEach, describe, expect, test } from 'vitest';
import { fillLabel, formatEmbargo, labelsFor } from '../../src/locale/i18n.js';
import { at, day } from './release-dates.js';

const NBSP = '\u00A0';

describe('formatEmbargo', () => {
  const cases: [lang: string, text: string, zone: string | undefined, expected: string][] = [
    [
      'en',
      '2026-11-27T10:00:00+01:00',
      'Europe/Brussels',
      `Nov. 27, 2026, 10${NBSP}a.m. CET (09:00 UTC)`,
    ],
    [
      'fr',
      '2026-11-27T10:00:00+01:00',
      'Europe/Brussels',
      `27 novembre 2026 à 10${NBSP}h CET (09:00 UTC)`,
    ],
    [
      'es',
      '2026-11-27T10:00:00+01:00',
      'Europe/Brussels',
      '27 de noviembre de 2026 a las 10:00 CET (09:00 UTC)',
    ],
    // Summer time has its own name.
    [
      'en',
      '2026-07-01T10:00:00+02:00',
      'Europe/Brussels',
      `July 1, 2026, 10${NBSP}a.m. CEST (08:00 UTC)`,
    ],
    [
      'en',
      '2026-07-01T10:00:00+01:00',
      'Europe/London',
      `July 1, 2026, 10${NBSP}a.m. BST (09:00 UTC)`,
    ],
    [
      'en',
      '2026-11-27T10:00:00-05:00',
      'America/New_York',
      `Nov. 27, 2026, 10${NBSP}a.m. EST (15:00 UTC)`,
    ],
    // No abbreviation in CLDR: the offset, never a guessed name.
    [
      'en',
      '2026-11-27T10:00:00+09:00',
      'Asia/Tokyo',
      `Nov. 27, 2026, 10${NBSP}a.m. UTC+09:00 (01:00 UTC)`,
    ],
    [
      'fr',
      '2026-11-27T10:00:00+05:30',
      'Asia/Kolkata',
      `27 novembre 2026 à 10${NBSP}h UTC+05:30 (04:30 UTC)`,
    ],
    // Without a zone, the offset the author wrote.
    [
      'en',
      '2026-11-27T10:00:00+01:00',
      undefined,
      `Nov. 27, 2026, 10${NBSP}a.m. UTC+01:00 (09:00 UTC)`,
    ],
    [
      'fr',
      '2026-11-27T10:00:00-03:30',
      undefined,
      `27 novembre 2026 à 10${NBSP}h UTC-03:30 (13:30 UTC)`,
    ],
    // At UTC itself the bracket would repeat the time.
    ['en', '2026-11-27T09:00:00Z', undefined, `Nov. 27, 2026, 9${NBSP}a.m. UTC`],
    ['en', '2026-11-27T09:00:00Z', 'UTC', `Nov. 27, 2026, 9${NBSP}a.m. UTC`],
    ['en', '2026-11-27T09:00:00Z', 'Europe/London', `Nov. 27, 2026, 9${NBSP}a.m. GMT`],
    // The zone given wins over the offset written: same instant, another wall clock.
    [
      'en',
      '2026-11-27T10:00:00+01:00',
      'America/New_York',
      `Nov. 27, 2026, 4${NBSP}a.m. EST (09:00 UTC)`,
    ],
  ];

  test.each(cases)('%s %s in %s', (lang, text, zone, expected) => {
    expect(formatEmbargo(at(text), lang, zone)).toBe(expected);
  });

  // Instants near midnight: the local date and the UTC date differ, and both are named.
  const nearMidnight: [lang: string, text: string, zone: string | undefined, expected: string][] = [
    [
      'en',
      '2026-11-27T00:30:00+01:00',
      'Europe/Brussels',
      `Nov. 27, 2026, 12:30${NBSP}a.m. CET (Nov. 26, 23:30 UTC)`,
    ],
    [
      'fr',
      '2026-11-27T00:30:00+01:00',
      'Europe/Brussels',
      `27 novembre 2026 à 0${NBSP}h${NBSP}30 CET (26 novembre, 23:30 UTC)`,
    ],
    [
      'es',
      '2026-11-27T00:30:00+01:00',
      'Europe/Brussels',
      '27 de noviembre de 2026 a las 0:30 CET (26 de noviembre, 23:30 UTC)',
    ],
    [
      'en',
      '2026-11-27T00:30:00+01:00',
      'America/Los_Angeles',
      `Nov. 26, 2026, 3:30${NBSP}p.m. PST (23:30 UTC)`,
    ],
    [
      'en',
      '2026-11-27T00:30:00+01:00',
      'Pacific/Kiritimati',
      `Nov. 27, 2026, 1:30${NBSP}p.m. UTC+14:00 (Nov. 26, 23:30 UTC)`,
    ],
    [
      'en',
      '2026-11-26T23:30:00-10:00',
      'Pacific/Honolulu',
      `Nov. 26, 2026, 11:30${NBSP}p.m. HST (Nov. 27, 09:30 UTC)`,
    ],
    [
      'fr',
      '2026-11-26T20:30:00-05:00',
      'America/New_York',
      `26 novembre 2026 à 20${NBSP}h${NBSP}30 EST (27 novembre, 01:30 UTC)`,
    ],
    // Across a new year, the UTC date takes its year.
    [
      'en',
      '2026-01-01T00:15:00+01:00',
      'Europe/Brussels',
      `Jan. 1, 2026, 12:15${NBSP}a.m. CET (Dec. 31, 2025, 23:15 UTC)`,
    ],
    [
      'fr',
      '2026-01-01T00:15:00+01:00',
      undefined,
      `1er janvier 2026 à 0${NBSP}h${NBSP}15 UTC+01:00 (31 décembre 2025, 23:15 UTC)`,
    ],
  ];

  test.each(nearMidnight)('near midnight: %s %s in %s', (lang, text, zone, expected) => {
    expect(formatEmbargo(at(text), lang, zone)).toBe(expected);
  });

  test('a date without time is just the date', () => {
    expect(formatEmbargo(day('2026-11-27'), 'fr', 'Europe/Brussels')).toBe('27 novembre 2026');
  });

  test('it fits the embargo label', () => {
    const date = at('2026-11-27T10:00:00+01:00');
    const fr = labelsFor('fr');
    expect(
      fillLabel(fr.embargoedUntil, { date: formatEmbargo(date, 'fr', 'Europe/Brussels') }),
    ).toBe(`SOUS EMBARGO JUSQU’AU 27 novembre 2026 à 10${NBSP}h CET (09:00 UTC)`);
  });

  test('an unknown zone is a programming error, caught by isValidTimeZone upstream', () => {
    expect(() => formatEmbargo(at('2026-11-27T10:00:00Z'), 'en', 'Mars/Olympus')).toThrow(
      RangeError,
    );
  });
});

describe('independence from the process time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  const probe = at('2026-11-26T23:30:00Z');
  const outputs = (): string[] =>
    [...nearMidnight()].map(([lang, text, zone]) => formatEmbargo(at(text), lang, zone));

  function nearMidnight(): [string, string, string | undefined][] {
    return [
      ['en', '2026-11-27T00:30:00+01:00', 'Europe/Brussels'],
      ['fr', '2026-11-27T00:30:00+01:00', undefined],
      ['es', '2026-11-26T20:30:00-05:00', 'America/New_York'],
      ['en', '2026-01-01T00:15:00+01:00', 'Pacific/Kiritimati'],
    ];
  }

  test('the same output under several TZ settings', () => {
    process.env.TZ = 'UTC';
    const reference = outputs();
    const localDates = new Set<number>();
    for (const tz of [
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Kolkata',
      'America/St_Johns',
    ]) {
      process.env.TZ = tz;
      // Node re-reads TZ when it is assigned: check that the local clock did move.
      localDates.add(probe.instant.getDate() * 100 + probe.instant.getHours());
      expect(outputs(), tz).toEqual(reference);
    }
    expect(localDates.size).toBeGreaterThan(1);
  });
});
