import type { PostalAddress } from '../types.js';

/**
 * A postal address as lines to show on the page, in the PDF and in the .txt: street, then
 * the town line, then the country. Its parts are free text (the country too, not a code), so
 * the town line follows the release's language, the convention of most of its readers:
 * English writes `New York, NY 10118` (and `London SW1A 1AA`), the others `1000 Bruxelles`,
 * a region after it.
 */
export function addressLines(address: PostalAddress, lang: string): string[] {
  const part = (value: string | undefined): string => value?.trim() ?? '';
  const [street, locality, region, postalCode, country] = [
    address.street,
    address.locality,
    address.region,
    address.postalCode,
    address.country,
  ].map(part);
  const english = lang.toLowerCase() === 'en' || lang.toLowerCase().startsWith('en-');
  const town = english
    ? join(' ', join(', ', locality, region), postalCode)
    : join(', ', join(' ', postalCode, locality), region);
  // A street written on two lines stays on two.
  return [...(street ?? '').split('\n'), town, country ?? '']
    .map((line) => line.trim())
    .filter(Boolean);
}

function join(separator: string, ...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join(separator);
}
