/**
 * One press contact as one vCard, 3.0 by default (what iOS, Android and Outlook import best) or
 * 4.0 on request. The output is a pure function of the contact and the options, so rebuilding
 * a kit gives the same bytes: UID comes from the email, REV from the release date.
 *
 * Bad input throws VcardValueError with `field` set to the Contact field at fault (e.g.
 * `address.street`); the caller adds the file and the contact's index.
 */
import type { Contact, VcardVersion } from '../types.js';
import { splitPersonName } from './person-name.js';
import { phoneTelUri, phoneVcard3Text } from './phone.js';
import { uuidV5 } from './uuid.js';
import { memoized } from '../util/memo.js';
import {
  findForbiddenCharacter,
  serializeVcard,
  VcardValueError,
  type VcardProperty,
} from './vcard-serialize.js';

export {
  escapeComponent,
  escapeText,
  foldLine,
  formatContentLine,
  serializeVcard,
  VcardValueError,
  type VcardParameter,
  type VcardProperty,
  type VcardValue,
} from './vcard-serialize.js';

export interface VcardOptions {
  version: VcardVersion;
  /** BCP 47 tag of the release; written as `LANG` in 4.0 only (3.0 has no such property). */
  lang?: string;
  /** Written as REV: the release date, never the build time. */
  rev: Date;
  /** Defaults to DEFAULT_PRODID. */
  prodId?: string;
  /**
   * Only what a QR code needs to make a contact: N, FN, ORG (the organisation, not the
   * office), TITLE, EMAIL, TEL. No PRODID, address, URL, UID or REV: the full card is the
   * .vcf, and every byte less makes the code's modules larger on paper.
   */
  essentials?: boolean;
  /**
   * 3.0 only: `CHARSET=UTF-8` on every property whose value is not ASCII. Not in RFC 2426
   * (which leaves the charset to the transport), and gone from 4.0 (RFC 6350 App. A.2).
   * Outlook for Windows reads a 3.0 file without it in the system code page ("JÃ¼rgen"),
   * and with it as UTF-8 (jeroendesloovere/vcard#51, "Windows 7-10 and Outlook";
   * mixerp/MixERP.Net.VCards#12, `N;CHARSET=utf-8` fixed it). Apple Contacts reads UTF-8
   * without it (joomla/joomla-cms#7938), but the iOS camera's QR import needed it
   * (sabre-io/vobject#613). Android's import: not verified here. Off by default: the
   * STANDARDS test vector A is exact bytes without it, and RFC 2426 parsers ignore it.
   */
  charset?: boolean;
}

export const DEFAULT_PRODID = '-//presskit//presskit//EN';

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/u;

export function contactToVcard(contact: Contact, options: VcardOptions): string {
  checkFields(contact);
  const { version } = options;
  const v3 = version === '3.0';
  const type = (...values: string[]) => ({
    name: 'TYPE',
    values: values.map((value) => (v3 ? value.toUpperCase() : value)),
  });

  const name = contact.name?.trim() || undefined;
  const orgName = contact.organization?.trim() || contact.office?.trim() || undefined;
  const formattedName = name ?? orgName;
  if (formattedName === undefined) {
    throw new VcardValueError('a contact needs a name or an organization', 'FN', 'name');
  }

  const essentials = options.essentials === true;
  const properties: VcardProperty[] = essentials
    ? []
    : [{ name: 'PRODID', value: { kind: 'raw', text: options.prodId ?? DEFAULT_PRODID } }];
  const fn: VcardProperty = { name: 'FN', value: { kind: 'text', text: formattedName } };
  if (name === undefined) {
    // An organization card. 3.0 requires N, so it is empty, and X-ABShowAs makes Apple
    // Contacts show and sort the card by company instead of an empty person name.
    if (v3) {
      properties.push(
        { name: 'N', value: { kind: 'structured', components: ['', '', '', '', ''] } },
        fn,
        { name: 'X-ABShowAs', value: { kind: 'raw', text: 'COMPANY' } },
      );
    } else {
      properties.push({ name: 'KIND', value: { kind: 'raw', text: 'org' } }, fn);
    }
  } else {
    const parts = splitPersonName(name, {
      ...(options.lang !== undefined ? { lang: options.lang } : {}),
      ...(contact.givenName !== undefined ? { givenName: contact.givenName } : {}),
      ...(contact.familyName !== undefined ? { familyName: contact.familyName } : {}),
    });
    const n: VcardProperty = {
      name: 'N',
      value: {
        kind: 'structured',
        components: [parts.family, parts.given, parts.additional, parts.prefixes, parts.suffixes],
      },
    };
    if (v3) properties.push(n, fn);
    else properties.push({ name: 'KIND', value: { kind: 'raw', text: 'individual' } }, fn, n);
  }

  const orgUnits = [contact.organization, essentials ? undefined : contact.office]
    .map((part) => part?.trim())
    .filter((part): part is string => !!part);
  if (orgUnits.length > 0) {
    properties.push({ name: 'ORG', value: { kind: 'structured', components: orgUnits } });
  }
  if (contact.role?.trim()) {
    properties.push({ name: 'TITLE', value: { kind: 'text', text: contact.role.trim() } });
  }
  const email = contact.email?.trim();
  if (email) {
    properties.push({
      name: 'EMAIL',
      parameters: [v3 ? type('internet', 'work') : type('work')],
      value: { kind: 'text', text: email },
    });
  }
  if (contact.phone) {
    properties.push(
      v3
        ? {
            name: 'TEL',
            parameters: [type('work', 'voice')],
            value: { kind: 'text', text: phoneVcard3Text(contact.phone) },
          }
        : {
            name: 'TEL',
            parameters: [{ name: 'VALUE', values: ['uri'] }, type('work', 'voice')],
            value: { kind: 'raw', text: phoneTelUri(contact.phone) },
          },
    );
  }
  const address = essentials ? undefined : contact.address;
  if (address && Object.values(address).some((part) => part?.trim())) {
    // RFC 6350 §6.3.1: post office box and extended address SHOULD be empty.
    const components = [
      '',
      '',
      address.street,
      address.locality,
      address.region,
      address.postalCode,
      address.country,
    ].map((part) => part?.trim() ?? '');
    properties.push({
      name: 'ADR',
      parameters: [type('work')],
      value: { kind: 'structured', components },
    });
  }
  if (essentials) return serializeVcard(version, withCharset(properties, options));
  if (!v3 && options.lang !== undefined) {
    if (!LANGUAGE_TAG.test(options.lang)) {
      throw new VcardValueError(`not a language tag: ${JSON.stringify(options.lang)}`, 'LANG');
    }
    properties.push({
      name: 'LANG',
      parameters: [{ name: 'PREF', values: ['1'] }],
      value: { kind: 'raw', text: options.lang },
    });
  }
  const url = contact.url?.trim();
  if (url) properties.push({ name: 'URL', value: { kind: 'raw', text: vcardUri(url) } });
  properties.push(
    { name: 'UID', value: { kind: 'raw', text: contactUid(contact) } },
    { name: 'REV', value: { kind: 'raw', text: formatRev(options.rev, version) } },
  );

  return serializeVcard(version, withCharset(properties, options));
}

/** The properties, with `CHARSET=UTF-8` on the non-ASCII ones when asked for in 3.0. */
function withCharset(properties: VcardProperty[], options: VcardOptions): VcardProperty[] {
  if (options.charset !== true || options.version !== '3.0') return properties;
  return properties.map((property) => {
    const { value } = property;
    const text = value.kind === 'structured' ? value.components.flat().join('') : value.text;
    if (!/[^\x00-\x7F]/u.test(text)) return property;
    return {
      ...property,
      parameters: [...(property.parameters ?? []), { name: 'CHARSET', values: ['UTF-8'] }],
    };
  });
}

/**
 * `urn:uuid:` + UUIDv5 in the RFC 9562 URL namespace of `mailto:<email in lower case>`, which
 * reproduces the STANDARDS test vectors. Without an email, of `presskit:contact:<FN>` instead.
 */
export function contactUid(contact: Contact): string {
  const email = contact.email?.trim().normalize('NFC').toLowerCase();
  const fallback =
    contact.name?.trim() || contact.organization?.trim() || contact.office?.trim() || '';
  const name = email ? `mailto:${email}` : `presskit:contact:${fallback.normalize('NFC')}`;
  return contactUrn(name);
}

// Kept per name: a SHA-1 per card, and a newsroom's releases share the same few contacts.
const contactUrn = memoized((name: string): string => `urn:uuid:${uuidV5(name)}`);

/** 3.0: `2026-11-27T09:00:00Z` (RFC 2426 §3.6.4); 4.0: `20261127T090000Z` (RFC 6350 §4.3.5). */
export function formatRev(rev: Date, version: VcardVersion): string {
  if (Number.isNaN(rev.getTime())) throw new TypeError('REV needs a valid date');
  const extended = rev.toISOString().replace(/\.\d{3}Z$/u, 'Z');
  return version === '3.0' ? extended : extended.replace(/[-:]/gu, '');
}

/** URIs are never backslash-escaped: characters vCard parsers split on are percent-encoded. */
function vcardUri(uri: string): string {
  return uri.replace(/[\s,;\\]/gu, (char) => encodeURIComponent(char));
}

/** Names the Contact field holding a character no vCard may carry. */
function checkFields(contact: Contact): void {
  const address = contact.address;
  const fields: [field: string, property: string, value: string | undefined][] = [
    ['name', 'FN', contact.name],
    ['givenName', 'N', contact.givenName],
    ['familyName', 'N', contact.familyName],
    ['role', 'TITLE', contact.role],
    ['organization', 'ORG', contact.organization],
    ['office', 'ORG', contact.office],
    ['email', 'EMAIL', contact.email],
    ['url', 'URL', contact.url],
    ['address.street', 'ADR', address?.street],
    ['address.locality', 'ADR', address?.locality],
    ['address.region', 'ADR', address?.region],
    ['address.postalCode', 'ADR', address?.postalCode],
    ['address.country', 'ADR', address?.country],
  ];
  for (const [field, property, value] of fields) {
    if (value === undefined) continue;
    const problem = findForbiddenCharacter(value);
    if (problem) throw new VcardValueError(problem, property, field);
    // An address or link on two lines is a typo, and a URI cannot be escaped.
    if ((field === 'email' || field === 'url') && /[\r\n]/u.test(value.trim())) {
      throw new VcardValueError(`a line break is not allowed in ${field}`, property, field);
    }
  }
}
