import type { ReleaseDate } from '../types.js';

export const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses `YYYY-MM-DD` or an ISO 8601 datetime *with* an offset. A datetime without an
 * offset is refused: its instant would depend on the machine's time zone.
 */
export function parseReleaseDate(text: string): ReleaseDate | undefined {
  const trimmed = text.trim();
  const day = DATE.exec(trimmed);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (!isRealDay(year, month, date)) return undefined;
    return {
      text: trimmed,
      instant: new Date(Date.UTC(year, month - 1, date)),
      hasTime: false,
      offsetMinutes: 0,
    };
  }
  const moment = DATETIME.exec(trimmed);
  if (!moment) return undefined;
  const [year, month, date, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(moment[i])) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(moment[6] ?? '0');
  if (!isRealDay(year, month, date) || hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMinutes = parseOffset(moment[7] ?? 'Z');
  if (offsetMinutes === undefined) return undefined;
  const utc = Date.UTC(year, month - 1, date, hour, minute, second) - offsetMinutes * 60_000;
  return { text: trimmed, instant: new Date(utc), hasTime: true, offsetMinutes };
}

function parseOffset(offset: string): number | undefined {
  if (offset === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function isRealDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}
