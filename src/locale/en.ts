import type { CivilDate, ClockTime, LocaleDefinition } from './types.js';
import { twoDigits } from './types.js';

const NBSP = '\u00A0';

/** AP style: March to July in full, Sept. with a t (Intl prints "Sep"). */
const AP_MONTHS = [
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
] as const;

/**
 * English, AP style: "Oct. 1, 2016", "10 a.m.", "10:30 p.m.", "noon". 00:00 is written
 * "12 a.m." rather than AP's "midnight", which AP dates to the day that ends: an
 * embargo "midnight Nov. 26" is too easily read as the night after Nov. 26.
 */
export const english: LocaleDefinition = {
  labels: {
    lang: 'en',
    kind: 'Press release',
    contact: { one: 'Media contact', other: 'Media contacts' },
    about: 'About {org}',
    immediateRelease: 'FOR IMMEDIATE RELEASE',
    embargoedUntil: 'EMBARGOED UNTIL {date}',
    page: 'Page {n} of {total}',
    endMark: '###',
    phoneExtension: 'ext.',
    phone: 'Tel.',
    email: 'Email',
    website: 'Website',
    download: 'Download',
    photo: 'Photo',
    photoCredit: 'Photo credit',
    mediaAssets: 'Media assets',
    published: 'Published {date}',
    updated: 'Updated {date}',
    correction: 'Correction: {text}',
    draft: 'DRAFT — NOT FOR PUBLICATION',
    withdrawnOn: 'This press release was withdrawn on {date}.',
    withdrawnReason: 'Reason: {reason}',
    pressKit: 'Press kit',
    downloadPressKit: 'Download the press kit',
    pdfVersion: 'PDF version',
    textVersion: 'Plain-text version',
    addToContacts: 'Add to contacts',
    scanToAdd: 'Scan to add the contact',
    table: 'Table',
    tags: 'Tags',
    skipToContent: 'Skip to content',
  },
  date,
  time,
  dateTime(day, clock) {
    return `${date(day, true)}, ${time(clock)}`;
  },
};

function date({ year, month, day }: CivilDate, withYear: boolean): string {
  const text = `${AP_MONTHS[month - 1] ?? ''} ${day}`;
  return withYear ? `${text}, ${year}` : text;
}

function time({ hour, minute }: ClockTime): string {
  if (hour === 12 && minute === 0) return 'noon';
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const clock = minute === 0 ? String(hour12) : `${hour12}:${twoDigits(minute)}`;
  return `${clock}${NBSP}${hour < 12 ? 'a.m.' : 'p.m.'}`;
}
