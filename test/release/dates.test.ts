import { describe, expect, it } from 'vitest';
import { parseReleaseDate } from '../../src/release/dates.js';

describe('parseReleaseDate', () => {
  it.each([
    // [text, instant (UTC), hasTime, offsetMinutes]
    ['2016-10-04', '2016-10-04T00:00:00.000Z', false, 0],
    ['2016-02-29', '2016-02-29T00:00:00.000Z', false, 0],
    ['2000-02-29', '2000-02-29T00:00:00.000Z', false, 0],
    ['2024-12-31', '2024-12-31T00:00:00.000Z', false, 0],
    ['2026-11-27T10:00:00+01:00', '2026-11-27T09:00:00.000Z', true, 60],
    ['2026-11-27T10:00+01:00', '2026-11-27T09:00:00.000Z', true, 60],
    ['2026-11-27T10:00:00Z', '2026-11-27T10:00:00.000Z', true, 0],
    ['2026-11-27 10:00:00Z', '2026-11-27T10:00:00.000Z', true, 0],
    ['2016-10-04T09:30:00+05:45', '2016-10-04T03:45:00.000Z', true, 345],
    ['2016-10-04T21:00:00-03:00', '2016-10-05T00:00:00.000Z', true, -180],
    ['2016-10-04T00:30:00+0200', '2016-10-03T22:30:00.000Z', true, 120],
    ['2016-10-04T10:00:59-09:30', '2016-10-04T19:30:59.000Z', true, -570],
    ['2016-02-29T23:59:59+14:00', '2016-02-29T09:59:59.000Z', true, 840],
    ['2016-10-04T10:00:00.123456Z', '2016-10-04T10:00:00.000Z', true, 0],
    ['2016-10-04T10:00:00.5+01:00', '2016-10-04T09:00:00.000Z', true, 60],
    ['  2016-10-04  ', '2016-10-04T00:00:00.000Z', false, 0],
  ])('reads %s', (text, instant, hasTime, offsetMinutes) => {
    const date = parseReleaseDate(text);
    expect(date).toEqual({ text: text.trim(), instant: new Date(instant), hasTime, offsetMinutes });
  });

  it.each([
    ['2015-02-29', 'February 29 in a common year'],
    ['1900-02-29', 'February 29 in a century that is not a leap year'],
    ['2016-02-30', 'February 30'],
    ['2016-04-31', 'April 31'],
    ['2016-13-01', 'month 13'],
    ['2016-00-01', 'month 0'],
    ['2016-10-00', 'day 0'],
    ['2016-10-04T10:00:00', 'a datetime without offset'],
    ['2016-10-04T10:00', 'a short datetime without offset'],
    ['2016-10-04T24:00:00Z', 'hour 24'],
    ['2016-10-04T10:60:00Z', 'minute 60'],
    ['2016-10-04T10:00:60Z', 'a leap second'],
    ['2016-10-04T10:00:00+15:00', 'an offset beyond +14:00'],
    ['2016-10-04T10:00:00+01:60', 'offset minutes 60'],
    ['2016-10-04T10:00:00+1', 'a one-digit offset'],
    ['2016-10-04T10:00:00 +01:00', 'a space before the offset'],
    ['2016-10-04T10:00:00CET', 'a zone abbreviation'],
    ['2016-10-04t10:00:00z', 'lower-case separators'],
    ['16-10-04', 'a two-digit year'],
    ['2016-1-4', 'missing zeros'],
    ['20161004', 'the basic format'],
    ['4 octobre 2016', 'words'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (text) => {
    expect(parseReleaseDate(text)).toBeUndefined();
  });

  it('does not depend on the time zone of the machine', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const east = parseReleaseDate('2016-10-04')?.instant.getTime();
      process.env.TZ = 'America/Adak';
      const west = parseReleaseDate('2016-10-04')?.instant.getTime();
      expect(east).toBe(Date.UTC(2016, 9, 4));
      expect(west).toBe(east);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
