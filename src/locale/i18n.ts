/**
 * Labels, dates and locale details per language. Arabic, Chinese (Simplified), English,
 * French, German, Portuguese, Russian and Spanish have their own tables (one file each,
 * citing its sources); any other language gets its dates from `Intl` in that language and
 * its labels in English (each marked `lang="en"` on the page), unless the project's config
 * gives them (`labels:`).
 *
 * Dates never depend on the machine's time zone: a plain date is a calendar date (read in
 * UTC, where it was stored), and a time is shown from the instant in the given IANA zone
 * or, without one, at the offset the author wrote.
 */
import type { PaperSize, ReleaseDate } from '../types.js';
import { arabic } from './ar.js';
import { german } from './de.js';
import { english } from './en.js';
import { spanish } from './es.js';
import { french } from './fr.js';
import { portuguese } from './pt.js';
import { russian } from './ru.js';
import type { CivilDate, ClockTime, LabelOverrides, Labels, LocaleDefinition } from './types.js';
import { twoDigits } from './types.js';
import { chinese } from './zh.js';

export type { LabelOverrides, Labels } from './types.js';

const LOCALES: Readonly<Record<string, LocaleDefinition>> = {
  ar: arabic,
  de: german,
  en: english,
  es: spanish,
  fr: french,
  pt: portuguese,
  ru: russian,
  zh: chinese,
};

/** The languages with their own tables, for documentation and tests. */
export const BUILT_IN_LANGUAGES: readonly string[] = Object.keys(LOCALES);

/** The primary language subtag, lower-cased: `fr-BE` → `fr`, `EN_us` → `en`. */
export function primaryLanguage(lang: string): string {
  return (lang.trim().split(/[-_]/u, 1)[0] ?? '').toLowerCase();
}

/** The built-in table for `lang`, if it has one: `zh-Hant` and `zh-TW` are not `zh`. */
function builtInLocale(lang: string): LocaleDefinition | undefined {
  const primary = primaryLanguage(lang);
  if (primary === 'zh' && parseLocale(lang)?.maximize().script !== 'Hans') return undefined;
  return LOCALES[primary];
}

const intlLocales = new Map<string, LocaleDefinition>();

function localeFor(lang: string): LocaleDefinition {
  const builtIn = builtInLocale(lang);
  if (builtIn) return builtIn;
  const tag = intlTag(lang);
  let locale = intlLocales.get(tag);
  if (!locale) {
    locale = intlLocale(tag);
    intlLocales.set(tag, locale);
  }
  return locale;
}

/**
 * The tag Intl formats in: `lang` when this runtime has data for it, else English. Never
 * the machine's default locale, which is what Intl falls back to by itself.
 */
function intlTag(lang: string): string {
  const locale = parseLocale(lang);
  if (!locale) return 'en';
  return Intl.DateTimeFormat.supportedLocalesOf([locale.toString()])[0] ?? 'en';
}

/** Dates and times written by Intl in `tag`'s long style, labels in English. */
function intlLocale(tag: string): LocaleDefinition {
  const options = { timeZone: 'UTC' } as const;
  const withYear = new Intl.DateTimeFormat(tag, { ...options, dateStyle: 'long' });
  const noYear = new Intl.DateTimeFormat(tag, { ...options, month: 'long', day: 'numeric' });
  const clock = new Intl.DateTimeFormat(tag, { ...options, hour: 'numeric', minute: '2-digit' });
  const both = new Intl.DateTimeFormat(tag, { ...options, dateStyle: 'long', timeStyle: 'short' });
  const at = (day: CivilDate, time: ClockTime = { hour: 0, minute: 0 }): Date =>
    new Date(Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute));
  return {
    labels: english.labels,
    date: (day, year) => (year ? withYear : noYear).format(at(day)),
    time: (time) => clock.format(at({ year: 2000, month: 1, day: 1 }, time)),
    dateTime: (day, time) => both.format(at(day, time)),
  };
}

/** The label table for `lang` (`fr-BE` → French), English for other languages. */
export function labelsFor(lang: string): Labels {
  return labelTable(lang).labels;
}

/** A language's labels once the project's overrides are applied. */
export interface LabelTable {
  labels: Labels;
  /**
   * The labels shown in English in a page of another language (no table of its own, no
   * override): the page marks each with `lang="en"` (WCAG 3.1.2).
   */
  english: ReadonlySet<keyof Labels>;
  /** Whether presskit has a table of its own for the language. */
  builtIn: boolean;
  /** What separates a label from its value: ": ", " : ", "：". */
  colon: string;
}

/**
 * The labels of `lang`: its built-in table or English, then the project's `overrides`
 * for that language (see `overridesFor`).
 */
export function labelTable(lang: string, overrides: LabelOverrides = {}): LabelTable {
  const builtIn = builtInLocale(lang);
  const base = (builtIn ?? english).labels;
  const { contact, ...plain } = overrides;
  const labels: Labels = {
    ...base,
    ...plain,
    contact: { ...base.contact, ...contact },
    lang: builtIn ? base.lang : primaryLanguage(lang) || 'en',
  };
  const inEnglish = new Set<keyof Labels>();
  if (!builtIn) {
    for (const key of Object.keys(base) as (keyof Labels)[]) {
      if (key === 'lang') continue;
      const given = key === 'contact' ? contact?.one && contact.other : plain[key];
      if (given === undefined || given === '') inEnglish.add(key);
    }
  }
  if (inEnglish.size === Object.keys(base).length - 1) labels.lang = 'en';
  return {
    labels,
    english: inEnglish,
    builtIn: builtIn !== undefined,
    colon: builtIn?.colon ?? ': ',
  };
}

/**
 * The config's overrides for `lang`: those of its primary language (`pt`), then those of
 * the exact tag (`pt-PT`), keys compared case-insensitively.
 */
export function overridesFor(
  all: Readonly<Record<string, LabelOverrides>> | undefined,
  lang: string,
): LabelOverrides {
  if (!all) return {};
  const wanted = lang.trim().replaceAll('_', '-').toLowerCase();
  const primary = primaryLanguage(lang);
  const pick = (tag: string): LabelOverrides =>
    Object.entries(all).find(([key]) => key.toLowerCase() === tag)?.[1] ?? {};
  const general = pick(primary);
  const exact = wanted === primary ? {} : pick(wanted);
  return {
    ...general,
    ...exact,
    contact: { ...general.contact, ...exact.contact },
  };
}

/**
 * A number as the language writes it, in European digits (which the UN's Arabic
 * documents use too): "1,234.5", "1 234,5", "1.234,5".
 */
export function formatNumber(value: number, lang: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(intlTag(lang), {
    numberingSystem: 'latn',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Fills `{name}` placeholders; a placeholder without a value is a bug in the caller. */
export function fillLabel(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/gu, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`label "${template}" needs a value for {${name}}`);
    return String(value);
  });
}

/** "Contact presse" or "Contacts presse". */
export function contactHeading(labels: Labels, count: number): string {
  return count === 1 ? labels.contact.one : labels.contact.other;
}

/** "About IOM", "À propos de Belgique", "À propos d’Airbus". */
export function aboutHeading(labels: Labels, organization: string): string {
  const template =
    labels.aboutBeforeVowel && startsWithVowel(organization)
      ? labels.aboutBeforeVowel
      : labels.about;
  return fillLabel(template, { org: organization });
}

function startsWithVowel(text: string): boolean {
  // Not h: "de Hachette" and "d’Hermès" both exist, and only a dictionary knows which.
  // Russian а и о у э (and Ы): "Об ООН"; not е ё ю я, which start with a "й": "о Юнеско".
  return /^[aeiouyаиоуэы]/iu.test(text.trim().normalize('NFD'));
}

/**
 * The date in the release's language: "1er octobre 2016", "Oct. 1, 2016",
 * "1 de octubre de 2016". With a time: "27 novembre 2026 à 10 h", "Nov. 27, 2026, 10 a.m.",
 * "27 de noviembre de 2026 a las 10:00", in `timeZone` when given, else at the written offset.
 * A date without a time is a calendar date: `timeZone` does not move it.
 */
export function formatDate(date: ReleaseDate, lang: string, timeZone?: string): string {
  const locale = localeFor(lang);
  if (!date.hasTime) return locale.date(utcCivil(date.instant).day, true);
  const local = wallClock(date, timeZone);
  return locale.dateTime(local.day, local.time);
}

/**
 * An embargo with its zone and its UTC equivalent, so no reader has to convert:
 * "Nov. 27, 2026, 10 a.m. CET (09:00 UTC)", "27 novembre 2026 à 10 h CET (09:00 UTC)".
 * The zone is named by its abbreviation when CLDR has an unambiguous English one (CET, EST),
 * else by its offset ("UTC+09:00"); without `timeZone`, by the offset the author wrote.
 * The UTC part names its own date when that differs from the local one.
 */
export function formatEmbargo(date: ReleaseDate, lang: string, timeZone?: string): string {
  const locale = localeFor(lang);
  if (!date.hasTime) return locale.date(utcCivil(date.instant).day, true);
  const local = wallClock(date, timeZone);
  const zone = zoneLabel(date.instant, local.offsetMinutes, timeZone);
  const head = `${locale.dateTime(local.day, local.time)} ${zone}`;
  if (local.offsetMinutes === 0) return head;
  const utc = utcCivil(date.instant);
  const utcClock = `${twoDigits(utc.time.hour)}:${twoDigits(utc.time.minute)} UTC`;
  if (sameDay(utc.day, local.day)) return `${head} (${utcClock})`;
  const utcDay = locale.date(utc.day, utc.day.year !== local.day.year);
  return `${head} (${utcDay}, ${utcClock})`;
}

/** "GENEVA, Sept. 3, 2026 —", "日内瓦，2026年9月3日——": the place already capitalised. */
export function formatDateline(place: string, date: string, lang: string): string {
  const locale = localeFor(lang);
  return locale.dateline ? locale.dateline(place, date) : `${place}, ${date} —`;
}

/** Whether `timeZone` is an IANA zone this runtime knows, for validating frontmatter. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Open Graph locale: `fr` → `fr_FR`, `fr-BE` → `fr_BE`, `en` → `en_US` (CLDR likely region). */
export function ogLocale(lang: string): string {
  const locale = parseLocale(lang);
  if (!locale || locale.language === 'und') return 'en_US';
  const region = [
    locale.region,
    locale.maximize().region,
    new Intl.Locale(locale.language).maximize().region,
  ].find((candidate) => candidate !== undefined && /^[A-Z]{2}$/u.test(candidate));
  return region ? `${locale.language}_${region}` : 'en_US';
}

/** Countries that print on US Letter (CLDR paperSize). */
const LETTER_REGIONS = new Set([
  'BZ',
  'CA',
  'CL',
  'CO',
  'CR',
  'GT',
  'MX',
  'NI',
  'PA',
  'PH',
  'PR',
  'SV',
  'US',
  'VE',
]);

/**
 * Letter when the tag names a Letter country (`en-US`, `fr-CA`, `es-MX`), else A4. A tag
 * without a region (`en`, `es`) gets A4, the product's default, rather than a guessed country.
 */
export function defaultPaper(lang: string): PaperSize {
  const region = parseLocale(lang)?.region;
  return region !== undefined && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
}

function parseLocale(lang: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(lang.trim().replaceAll('_', '-'));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Wall-clock arithmetic, in UTC or an explicit zone only.

interface WallClock {
  day: CivilDate;
  time: ClockTime;
  offsetMinutes: number;
}

function utcCivil(instant: Date): { day: CivilDate; time: ClockTime } {
  return {
    day: {
      year: instant.getUTCFullYear(),
      month: instant.getUTCMonth() + 1,
      day: instant.getUTCDate(),
    },
    time: { hour: instant.getUTCHours(), minute: instant.getUTCMinutes() },
  };
}

function wallClock(date: ReleaseDate, timeZone: string | undefined): WallClock {
  const offsetMinutes =
    timeZone === undefined ? date.offsetMinutes : zoneOffsetMinutes(date.instant, timeZone);
  const shifted = new Date(date.instant.getTime() + offsetMinutes * 60_000);
  return { ...utcCivil(shifted), offsetMinutes };
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `instant`, read back from the zone's wall clock. */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  let format = partsFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    partsFormatters.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  const wholeMinute = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((wall - wholeMinute) / 60_000);
}

/**
 * CET, EST, BST... from CLDR's English names (en-US knows the American zones, en-GB the
 * European ones; Intl in French prints only "UTC+1"). "GMT+9"-style names are not
 * abbreviations: those zones get "UTC+09:00".
 */
function zoneLabel(instant: Date, offsetMinutes: number, timeZone: string | undefined): string {
  if (timeZone !== undefined) {
    for (const locale of ['en-US', 'en-GB']) {
      const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
        .formatToParts(instant)
        .find((part) => part.type === 'timeZoneName')?.value;
      if (name && /^[A-Z]{2,5}$/u.test(name)) return name;
    }
  }
  return offsetLabel(offsetMinutes);
}

/** `UTC`, `UTC+01:00`, `UTC-05:30`. */
function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMinutes);
  return `UTC${sign}${twoDigits(Math.floor(minutes / 60))}:${twoDigits(minutes % 60)}`;
}

function sameDay(a: CivilDate, b: CivilDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
