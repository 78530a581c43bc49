/**
 * Low-level vCard writer: escaping (RFC 2426 §4 for 3.0, RFC 6350 §3.4 for 4.0), NFC, CRLF and
 * folding at 75 octets (RFC 6350 §3.2). It knows nothing about contacts; `vcard.ts` does.
 *
 * Input that cannot be written safely (control characters other than CR/LF, lone surrogates,
 * bad names) throws a VcardValueError, which the caller turns into a PresskitError that names
 * the file and field.
 */
import type { VcardVersion } from '../types.js';

export class VcardValueError extends Error {
  override readonly name = 'VcardValueError';
  /** The vCard property being written, e.g. `TITLE`. */
  readonly property: string;
  /** The Contact field at fault, e.g. `address.street`, when known. */
  readonly field: string | undefined;

  constructor(message: string, property: string, field?: string) {
    super(message);
    this.property = property;
    this.field = field;
  }
}

/** One value, and how to write it. */
export type VcardValue =
  /** Free text such as FN, TITLE, NOTE, EMAIL: escaped by the version's text rules. */
  | { kind: 'text'; text: string }
  /**
   * A compound value such as N, ADR, ORG: components joined by `;`, each component a single
   * text or a list joined by `,`. `;` and `,` are escaped inside components in both versions.
   */
  | { kind: 'structured'; components: readonly (string | readonly string[])[] }
  /** Written as is (URIs, timestamps, UIDs): never backslash-escaped, so no CR/LF allowed. */
  | { kind: 'raw'; text: string };

export interface VcardParameter {
  /** e.g. `TYPE`. */
  name: string;
  /** One or more values, e.g. `['work', 'voice']`. */
  values: readonly string[];
}

export interface VcardProperty {
  /** e.g. `FN`, `X-ABShowAs`. */
  name: string;
  parameters?: readonly VcardParameter[];
  value: VcardValue;
}

export const CRLF = '\r\n';
/** RFC 6350 §3.2 and RFC 2426 §2.6: lines SHOULD NOT be longer than 75 octets. */
export const MAX_LINE_OCTETS = 75;

const NAME = /^[A-Za-z0-9-]+$/u;
const NEWLINE = /\r\n|\r|\n/gu;
/**
 * Control characters (C0, DEL, C1) except CR and LF, which become `\n`; and lone surrogates,
 * which would turn into U+FFFD when encoded.
 */
const FORBIDDEN = /(?![\r\n])\p{Cc}|\p{Cs}/u;

/** Describes the first character a vCard value may not hold, or undefined if there is none. */
export function findForbiddenCharacter(text: string): string | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const codePoint = match[0].codePointAt(0) ?? 0;
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const kind = codePoint >= 0xd800 && codePoint <= 0xdfff ? 'lone surrogate' : 'control character';
  return `${kind} U+${hex} is not allowed in a contact field`;
}

function checkText(text: string, property: string): string {
  const problem = findForbiddenCharacter(text);
  if (problem) throw new VcardValueError(problem, property);
  return text.normalize('NFC');
}

/**
 * Escapes a text value. `\` goes first so that later escapes are not doubled. A 4.0 text value
 * keeps `;` as is: TEXT-CHAR has no `\;` and ical.js would keep the backslash literally.
 */
export function escapeText(text: string, version: VcardVersion, property = 'TEXT'): string {
  const escaped = checkText(text, property)
    .replace(/\\/gu, '\\\\')
    .replace(/,/gu, '\\,')
    .replace(NEWLINE, '\\n');
  return version === '3.0' ? escaped.replace(/;/gu, '\\;') : escaped;
}

/** Escapes one component of N, ADR or ORG: `;` separates components in both versions. */
export function escapeComponent(text: string, property = 'TEXT'): string {
  return checkText(text, property)
    .replace(/\\/gu, '\\\\')
    .replace(/,/gu, '\\,')
    .replace(/;/gu, '\\;')
    .replace(NEWLINE, '\\n');
}

function formatValue(property: string, value: VcardValue, version: VcardVersion): string {
  switch (value.kind) {
    case 'text':
      return escapeText(value.text, version, property);
    case 'structured':
      return value.components
        .map((component) =>
          typeof component === 'string'
            ? escapeComponent(component, property)
            : component.map((item) => escapeComponent(item, property)).join(','),
        )
        .join(';');
    case 'raw':
      if (/[\r\n]/u.test(value.text)) {
        throw new VcardValueError(`a line break is not allowed in ${property}`, property);
      }
      return checkText(value.text, property);
  }
}

/**
 * Writes a parameter. A `"` or line break is rejected rather than RFC 6868-escaped: our
 * parameter values are fixed words.
 * 4.0 quotes a list (`TYPE="work,voice"`, as the RFC 6350 examples do); 3.0 writes
 * `TYPE=WORK,VOICE`, the form Apple and Outlook produce.
 */
function formatParameter(property: string, parameter: VcardParameter, version: VcardVersion) {
  if (!NAME.test(parameter.name) || parameter.values.length === 0) {
    throw new VcardValueError(`bad parameter ${parameter.name} on ${property}`, property);
  }
  const values = parameter.values.map((value) => {
    const text = checkText(value, property);
    if (/[\r\n"]/u.test(text)) {
      throw new VcardValueError(`bad value for parameter ${parameter.name}`, property);
    }
    return text;
  });
  const quote = (text: string) => (/[,;:]/u.test(text) ? `"${text}"` : text);
  const written = version === '4.0' ? quote(values.join(',')) : values.map(quote).join(',');
  return `${parameter.name}=${written}`;
}

/** The unfolded content line, e.g. `TEL;VALUE=uri;TYPE="work,voice":tel:+1-212-681-7000`. */
export function formatContentLine(property: VcardProperty, version: VcardVersion): string {
  if (!NAME.test(property.name)) {
    throw new VcardValueError(`bad property name ${JSON.stringify(property.name)}`, property.name);
  }
  const parameters = (property.parameters ?? []).map(
    (parameter) => `;${formatParameter(property.name, parameter, version)}`,
  );
  return `${property.name}${parameters.join('')}:${formatValue(property.name, property.value, version)}`;
}

/**
 * Splits a content line into physical lines of at most 75 octets, continuation lines starting
 * with one space. A cut never falls inside a UTF-8 character nor inside an escape pair such
 * as `\,` (jeroendesloovere/vcard#217). Returns the lines joined by CRLF, without a final CRLF.
 */
export function foldLine(line: string): string {
  if (line.length <= MAX_LINE_OCTETS && Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) {
    return line;
  }
  if (ASCII.test(line)) return foldAscii(line);
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  // An escape pair or one code point: the units a cut must not split.
  for (const unit of line.match(/\\[\s\S]|[\s\S]/gu) ?? []) {
    const size = Buffer.byteLength(unit, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += unit;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

const ASCII = /^[\x00-\x7F]*$/;

/**
 * foldLine for a line of one byte per character (a logo's base64 PHOTO, most of all): the
 * same cuts, by index, without a string per character.
 */
function foldAscii(line: string): string {
  const lines: string[] = [];
  let start = 0;
  let octets = 0;
  for (let at = 0; at < line.length;) {
    const size = line.charCodeAt(at) === 0x5c && at + 1 < line.length ? 2 : 1;
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(`${start === 0 ? '' : ' '}${line.slice(start, at)}`);
      start = at;
      octets = 1;
    }
    octets += size;
    at += size;
  }
  lines.push(`${start === 0 ? '' : ' '}${line.slice(start)}`);
  return lines.join(CRLF);
}

/**
 * A whole card: BEGIN, VERSION, the properties in the given order, END, each line folded and
 * ended by CRLF. UTF-8 without BOM is the caller's job when writing bytes (a JS string has none).
 */
export function serializeVcard(
  version: VcardVersion,
  properties: readonly VcardProperty[],
): string {
  const lines = [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    ...properties.map((property) => foldLine(formatContentLine(property, version))),
    'END:VCARD',
  ];
  return lines.map((line) => line + CRLF).join('');
}
