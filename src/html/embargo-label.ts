import { formatEmbargo } from '../locale/i18n.js';
import { parseReleaseDate } from '../release/dates.js';

/**
 * An embargo as the newsroom's English furniture shows it, at the offset it was written
 * with: "Dec. 10, 2026, 10 a.m. UTC+01:00 (09:00 UTC)"; the text as written if it does not
 * parse (a kit from elsewhere).
 */
export function newsroomEmbargo(written: string): string {
  const date = parseReleaseDate(written);
  return date ? formatEmbargo(date, 'en') : written;
}
