import type { Release } from '../types.js';
import { formatDate, formatDateline } from './i18n.js';

/**
 * The dateline that opens the lead: place in capitals, then the date, then a dash
 * ("BELGIQUE, 4 octobre 2016 —"). Undefined when the release names no place.
 */
export function datelineText(release: Release): string | undefined {
  if (!release.dateline) return undefined;
  const place = release.dateline.toLocaleUpperCase(release.lang);
  return formatDateline(
    place,
    formatDate(release.date, release.lang, release.timezone),
    release.lang,
  );
}
