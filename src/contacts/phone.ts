/**
 * Phone numbers of press contacts: parse what the author wrote, then format it for readers
 * (display), for dialers (RFC 3966 `tel:` URI) and for vCards.
 *
 * Numbers must be international (start with `+` or `00`): a press kit travels across borders,
 * and a national number such as `01 42 68 53 00` has no country we could safely assume.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Phone } from '../types.js';
import { memoized } from '../util/memo.js';

/**
 * Extension labels libphonenumber-js does not know. It already understands `ext`, `ext.`,
 * `extension`, `x`, `#`, `;ext=` and a few more; French `poste` is common in our releases.
 */
const EXTRA_EXTENSION_LABEL = /[\s,]*\bposte\s*[.:]?\s*(\d+)\s*$/iu;

/** Returns the parsed number, or undefined when it is not a valid international number. */
export function parsePhone(raw: string): Phone | undefined {
  // A copy: the caller may keep or change its phone; the same contacts come back release after release.
  const phone = parsedPhone(raw);
  return phone && { ...phone };
}

const parsedPhone = memoized((raw: string): Phone | undefined => {
  let text = raw.trim();
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  if (!text.startsWith('+')) return undefined;
  text = text.replace(EXTRA_EXTENSION_LABEL, ' ext. $1');

  // `extract: false` refuses text around the number ("Call +1 …"), which would hide typos.
  const parsed = parsePhoneNumberFromString(text, { extract: false });
  // The `max` metadata checks the number ranges of each country, not only the length.
  if (!parsed?.isValid()) return undefined;

  const phone: Phone = {
    raw,
    e164: parsed.number,
    international: parsed.formatInternational({ formatExtension: (number) => number }),
  };
  if (parsed.ext) phone.extension = parsed.ext;
  return phone;
}, 1_000);

/** How the extension is introduced in running text, by primary language subtag. */
const EXTENSION_LABELS: Readonly<Record<string, string>> = {
  fr: 'poste',
  en: 'ext.',
  es: 'ext.',
};
const DEFAULT_EXTENSION_LABEL = 'ext.';

/** `+1 212 681 7000 poste 221` (fr), `+1 212 681 7000 ext. 221` (en and others). */
export function formatPhoneDisplay(phone: Phone, lang: string): string {
  if (!phone.extension) return phone.international;
  const primary = lang.split('-')[0]?.toLowerCase() ?? '';
  const label = EXTENSION_LABELS[primary] ?? DEFAULT_EXTENSION_LABEL;
  return `${phone.international} ${label} ${phone.extension}`;
}

/**
 * RFC 3966 URI with visual separators, e.g. `tel:+1-212-681-7000;ext=221`. libphonenumber-js
 * writes `tel:+12126817000`; the dashed grouping, as Google's libphonenumber writes it, is kept
 * from the international format and easier to read in a raw vCard.
 */
export function phoneTelUri(phone: Phone): string {
  const digits = phone.international.replace(/[^\d+]+/gu, '-');
  return phone.extension ? `tel:${digits};ext=${phone.extension}` : `tel:${digits}`;
}

/** vCard 3.0 has no extension syntax; `number x221` is what ez-vcard writes and apps read. */
export function phoneVcard3Text(phone: Phone): string {
  return phone.extension ? `${phone.international} x${phone.extension}` : phone.international;
}
