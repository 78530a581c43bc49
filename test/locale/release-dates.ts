import type { ReleaseDate } from '../../src/types.js';

/** A plain `YYYY-MM-DD` as the schema stores it: midnight UTC, no time. */
export function day(text: string): ReleaseDate {
  const [year, month, date] = text.split('-').map(Number);
  return {
    text,
    instant: new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1)),
    hasTime: false,
    offsetMinutes: 0,
  };
}

/** An ISO 8601 datetime with `Z` or an offset, as the schema stores it. */
export function at(text: string): ReleaseDate {
  const offset = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (!offset) throw new Error(`test date without offset: ${text}`);
  const minutes =
    offset[1] === 'Z'
      ? 0
      : (offset[2] === '-' ? -1 : 1) * (Number(offset[3]) * 60 + Number(offset[4]));
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) throw new Error(`bad test date: ${text}`);
  return { text, instant, hasTime: true, offsetMinutes: minutes };
}
