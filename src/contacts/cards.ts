import { contactFileNames } from './file-names.js';
import { QR_MAX_BYTES, qrOverflowBytes, vcardQrModules, vcardQrSvg } from './qr.js';
import { contactToVcard, VcardValueError, type VcardOptions } from './vcard.js';
import type { Problem } from '../errors.js';
import { isPresskitError, PresskitError } from '../errors.js';
import type { ContactCard } from '../html/page.js';
import type { Contact, ProjectSettings, Release } from '../types.js';

/** What the cards depend on in the project's settings. */
export type CardSettings = Pick<ProjectSettings, 'vcardVersion' | 'baseUrl'> &
  Partial<Pick<ProjectSettings, 'vcardCharset'>>;

/** One vCard per contact, with its kit file name and a QR code that carries it. */
export async function contactCards(
  release: Release,
  settings: CardSettings,
): Promise<ContactCard[]> {
  const names = contactFileNames(release.contacts);
  const vcards = releaseVcards(release, settings);
  return Promise.all(
    release.contacts.map(async (contact, index) => {
      const { vcard, qrText } = vcards[index] ?? { vcard: '', qrText: '' };
      return {
        contact,
        kitPath: `contacts/${names[index] ?? `contact-${index + 1}.vcf`}`,
        vcard,
        qrSvg: await vcardQrSvg(qrText),
        qrModules: vcardQrModules(qrText),
      };
    }),
  );
}

export interface ContactVcard {
  /** The contact's .vcf file. */
  vcard: string;
  /**
   * What its QR code carries, checked to fit one: with a base URL, the .vcf's address;
   * else a card of the essentials (name, organisation, title, phone, email). The whole card
   * made a dense code that a print scanned at 100 dpi did not read (0 of 10).
   */
  qrText: string;
}

/**
 * The vCard of every contact and what its QR code carries, checked to fit: what `build`
 * writes and `check` checks, decided here only. Every contact's problems at once.
 */
export function releaseVcards(release: Release, settings: CardSettings): ContactVcard[] {
  const problems: Problem[] = [];
  const names = contactFileNames(release.contacts);
  const version = settings.vcardVersion;
  const charset = settings.vcardCharset === true;
  const kitUrl = settings.baseUrl && new URL(`${release.slug}/`, settings.baseUrl);
  const vcards = release.contacts.map((_, index) => {
    try {
      const vcard = releaseVcard(release, index, { version, charset });
      const name = names[index] ?? `contact-${index + 1}.vcf`;
      const qrText = kitUrl
        ? new URL(`contacts/${name}`, kitUrl).href
        : releaseVcard(release, index, { version, charset, essentials: true });
      const problem = qrCapacityProblem(release, index, qrText);
      if (problem) problems.push(problem);
      return { vcard, qrText };
    } catch (error) {
      if (!isPresskitError(error)) throw error;
      problems.push(...error.problems);
      return { vcard: '', qrText: '' };
    }
  });
  if (problems.length > 0) throw new PresskitError('E_CONTACT', problems);
  return vcards;
}

/** The vCard of `release.contacts[index]`; a value that cannot be written names its field. */
function releaseVcard(
  release: Release,
  index: number,
  options: Pick<VcardOptions, 'version' | 'essentials' | 'charset'>,
): string {
  const contact = release.contacts[index];
  if (!contact) throw new RangeError(`no contact ${index}`);
  try {
    return contactToVcard(contact, {
      ...options,
      lang: release.lang,
      rev: release.modified?.instant ?? release.date.instant,
    });
  } catch (error) {
    if (!(error instanceof VcardValueError)) throw error;
    throw new PresskitError(
      'E_CONTACT',
      problemAt(release, index, error.field ?? 'name', error.message),
    );
  }
}

/**
 * A card too long for a QR code fails the release rather than ship without its code: the
 * page and PDF promise one per contact, and a card that long holds text that is no contact
 * detail (a biography pasted as the role), which the author wants to hear about.
 */
function qrCapacityProblem(release: Release, index: number, qrText: string): Problem | undefined {
  const over = qrOverflowBytes(qrText);
  if (over === 0) return undefined;
  const contact = release.contacts[index];
  const longest = contact && longestField(contact);
  const advice = longest
    ? `shorten the ${longest.field} (${longest.bytes} bytes) by at least ${over} bytes`
    : `shorten the contact by at least ${over} bytes`;
  return problemAt(
    release,
    index,
    longest?.field ?? 'name',
    `the contact card is ${Buffer.byteLength(qrText)} bytes, more than a QR code holds ` +
      `(${QR_MAX_BYTES}): ${advice}`,
  );
}

/** The contact's longest value, with its field path (`role`, `address.street`). */
function longestField(contact: Contact): { field: string; bytes: number } | undefined {
  const { address, phone, ...rest } = contact;
  const values: [string, string | undefined][] = [
    ...Object.entries(rest),
    ['phone', phone?.raw],
    ...Object.entries(address ?? {}).map(([key, value]): [string, string | undefined] => [
      `address.${key}`,
      value,
    ]),
  ];
  let longest: { field: string; bytes: number } | undefined;
  for (const [field, value] of values) {
    const bytes = value === undefined ? 0 : Buffer.byteLength(value);
    if (bytes > (longest?.bytes ?? 0)) longest = { field, bytes };
  }
  return longest;
}

function problemAt(release: Release, index: number, field: string, message: string): Problem {
  const line = release.lineOf(['contacts', index, ...field.split('.')]);
  return {
    file: release.displayPath,
    field: `contacts[${index}].${field}`,
    message,
    ...(line ? { line } : {}),
  };
}
