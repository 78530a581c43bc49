/**
 * What one language provides: the labels a press kit prints and how it writes dates.
 * Labels are plain strings so templates can use them; `{name}` marks a value that
 * `fillLabel` (in `../i18n.ts`) fills in.
 */

export interface Labels {
  /** The language of this table (`fr`, `ar`, `zh`...), `en` for a language without one. */
  lang: string;
  /** Default label above the headline. */
  kind: string;
  /** Heading of the media contacts, for one contact and for several. */
  contact: { one: string; other: string };
  /** Heading of the boilerplate: `{org}`. */
  about: string;
  /** French elides "de" before a vowel: "À propos d’Airbus". */
  aboutBeforeVowel?: string;
  immediateRelease: string;
  /** `{date}`: the embargo as `formatEmbargo` writes it. */
  embargoedUntil: string;
  /** `{n}` and `{total}`. */
  page: string;
  /** The mark after the last paragraph. */
  endMark: string;
  /** Word before a phone extension, e.g. "poste 221". */
  phoneExtension: string;
  phone: string;
  email: string;
  website: string;
  download: string;
  photo: string;
  photoCredit: string;
  mediaAssets: string;
  /** `{date}` */
  published: string;
  /** `{date}` */
  updated: string;
  /** Before a correction note: `{text}`. */
  correction: string;
  /** Status line and running header of a draft built with --drafts. */
  draft: string;
  /** The notice page of a withdrawn release: `{date}`, then `{reason}`. */
  withdrawnOn: string;
  withdrawnReason: string;
  pressKit: string;
  downloadPressKit: string;
  pdfVersion: string;
  textVersion: string;
  addToContacts: string;
  /** Caption under a contact's QR code. */
  scanToAdd: string;
  /** Names a table's scrolling box for assistive technology: "Table: Item, Count". */
  table: string;
  tags: string;
  skipToContent: string;
}

/** A calendar date: month 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time: hour 0–23. */
export interface ClockTime {
  hour: number;
  minute: number;
}

/** The labels a project may set per language in its config (`labels:`), each optional. */
export type LabelOverrides = Partial<Omit<Labels, 'lang' | 'contact'>> & {
  contact?: Partial<Labels['contact']>;
};

export interface LocaleDefinition {
  labels: Labels;
  /** The dateline, place then date: "GENEVA, Sept. 3, 2026 —" (the default). */
  dateline?(place: string, date: string): string;
  /** What separates a label from its value: ": " (French " : ", Chinese "："). */
  colon?: string;
  /** "1er octobre 2016"; without the year, "1er octobre". */
  date(date: CivilDate, withYear: boolean): string;
  /** "10 h 30", "10:30 a.m.", "10:30". */
  time(time: ClockTime): string;
  /** Date and time together: "27 novembre 2026 à 10 h". */
  dateTime(date: CivilDate, time: ClockTime): string;
}

/** 5 → "05". */
export function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}
