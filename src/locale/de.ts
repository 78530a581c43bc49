import type { CivilDate, ClockTime, LocaleDefinition } from './types.js';
import { twoDigits } from './types.js';

const NBSP = '\u00A0';

/**
 * Made on first use: the process's first Intl.DateTimeFormat loads ICU's date data (about
 * 25 ms), which a build in any other language never needs.
 */
let formats: { withYear: Intl.DateTimeFormat; dayMonth: Intl.DateTimeFormat } | undefined;
const dateFormats = (): NonNullable<typeof formats> =>
  (formats ??= {
    withYear: new Intl.DateTimeFormat('de-DE', {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
    dayMonth: new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', day: 'numeric', month: 'long' }),
  });

/**
 * German. Sources: Duden, Die deutsche Rechtschreibung (Anführungszeichen „…“ and ‚…‘,
 * "3. September 2026"); DIN 5008:2020 (times "10:30 Uhr", the hour never zero-padded in
 * running text; "Tel." and "E-Mail"); "Sperrfrist", the word German newsrooms (dpa's
 * Sperrfrist notices) and the UN Regional Information Centre's German releases
 * (unric.org/de) use for an embargo.
 * Intl's de-DE long date is already Duden's, so dates come from Intl.
 */
export const german: LocaleDefinition = {
  labels: {
    lang: 'de',
    kind: 'Pressemitteilung',
    contact: { one: 'Pressekontakt', other: 'Pressekontakte' },
    about: 'Über {org}',
    immediateRelease: 'ZUR SOFORTIGEN VERÖFFENTLICHUNG',
    embargoedUntil: 'SPERRFRIST: {date}',
    page: 'Seite {n} von {total}',
    endMark: '###',
    phoneExtension: 'Durchwahl',
    phone: 'Tel.',
    email: 'E-Mail',
    website: 'Website',
    download: 'Herunterladen',
    photo: 'Foto',
    photoCredit: 'Bildnachweis',
    mediaAssets: 'Bild- und Pressematerial',
    published: 'Veröffentlicht am {date}',
    updated: 'Aktualisiert am {date}',
    correction: 'Korrektur: {text}',
    draft: 'ENTWURF — NICHT ZUR VERÖFFENTLICHUNG',
    withdrawnOn: 'Diese Pressemitteilung wurde am {date} zurückgezogen.',
    withdrawnReason: 'Grund: {reason}',
    table: 'Tabelle',
    pressKit: 'Pressemappe',
    downloadPressKit: 'Pressemappe herunterladen',
    pdfVersion: 'PDF-Version',
    textVersion: 'Textversion',
    addToContacts: 'Zu den Kontakten hinzufügen',
    scanToAdd: 'Scannen, um den Kontakt zu speichern',
    tags: 'Schlagwörter',
    skipToContent: 'Zum Inhalt springen',
  },
  // Duden: the Gedankenstrich is the en dash, spaced.
  dateline: (place, day) => `${place}, ${day} –`,
  date,
  time,
  dateTime(day, clock) {
    return `${date(day, true)}, ${time(clock)}`;
  },
};

function date(day: CivilDate, withYear: boolean): string {
  const instant = new Date(Date.UTC(day.year, day.month - 1, day.day));
  const { withYear: long, dayMonth } = dateFormats();
  return (withYear ? long : dayMonth).format(instant);
}

function time({ hour, minute }: ClockTime): string {
  return `${hour}:${twoDigits(minute)}${NBSP}Uhr`;
}
