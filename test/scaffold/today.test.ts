import { describe, expect, it } from 'vitest';
import { dayIn } from '../../src/scaffold/today.js';

describe('dayIn: the calendar day in a time zone', () => {
  // 23:30 UTC on 3 May 2026: already the 4th east of Greenwich by two hours or more.
  const lateEvening = new Date('2026-05-03T23:30:00Z');

  it.each([
    ['UTC', '2026-05-03'],
    ['Europe/Brussels', '2026-05-04'],
    ['America/Los_Angeles', '2026-05-03'],
    ['Pacific/Kiritimati', '2026-05-04'],
    ['Pacific/Pago_Pago', '2026-05-03'],
    ['Asia/Kolkata', '2026-05-04'],
  ])('in %s it is %s', (zone, day) => {
    expect(dayIn(zone, lateEvening)).toBe(day);
  });

  it('follows daylight saving time: 22:30 UTC is midnight-thirty in Brussels in summer only', () => {
    expect(dayIn('Europe/Brussels', new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(dayIn('Europe/Brussels', new Date('2026-01-01T22:30:00Z'))).toBe('2026-01-01');
  });

  it('writes years, months and days with their zeros, whatever the machine’s locale', () => {
    expect(dayIn('UTC', new Date('0987-01-05T12:00:00Z'))).toBe('0987-01-05');
  });
});
