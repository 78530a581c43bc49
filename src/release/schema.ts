import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { parsePhone } from '../contacts/phone.js';
import type { Problem } from '../errors.js';
import { byLine, PresskitError } from '../errors.js';
import type { LabelOverrides } from '../locale/i18n.js';
import { labelTable, overridesFor } from '../locale/i18n.js';
import { applyTypography } from '../markdown/typography.js';
import type { AssetRef, Contact, Organization, Release, ReleaseDate } from '../types.js';
import { decodeEntities } from '../util/character-references.js';
import { definedOnly } from '../util/defined.js';
import { isWindowsReserved } from '../util/slug.js';
import { unsafeCharacters } from '../util/unsafe-text.js';
import { parseReleaseDate } from './dates.js';
import { extraData } from './extra.js';
import { lifecycleShape, releaseLifecycle } from './lifecycle.js';
import {
  bcp47,
  expected,
  ianaZone,
  optionalMarkdown,
  optionalText,
  rawContact,
  rawOrganization,
  text,
  textList,
} from './fields.js';
import type { RawContact, RawOrganization } from './fields.js';
import type { RawRelease } from './load.js';
import { salvage } from './salvage.js';
import { zodProblems } from './zod-problems.js';

const rawAsset = z.strictObject(
  {
    file: text,
    caption: optionalText,
    credit: optionalText,
    copyright: optionalText,
    alt: optionalText,
  },
  { error: expected('must be a mapping with file, caption, credit, copyright, alt') },
);

/** An output name: a folder and file name on every system (see also isWindowsReserved). */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

export const frontmatterSchema = z.strictObject(
  {
    title: text,
    subtitle: optionalText,
    lang: bcp47,
    date: text,
    modified: optionalText,
    kind: optionalText,
    region: optionalText,
    dateline: optionalText,
    embargo: optionalText,
    timezone: ianaZone,
    summary: optionalText,
    slug: optionalText
      .refine(
        (value) => value === undefined || SLUG.test(value),
        'must be lowercase ASCII letters, digits and hyphens',
      )
      .refine(
        // Only said of a slug of the right form, so a slug gets one message.
        (value) => value === undefined || !SLUG.test(value) || !isWindowsReserved(value),
        'is a device name Windows reserves (con, prn, aux, nul, com0–com9, lpt0–lpt9): ' +
          'a kit named so cannot be unpacked there, choose another',
      ),
    organization: rawOrganization.optional(),
    contacts: z.array(rawContact, { error: expected('must be a list of contacts') }).optional(),
    boilerplate: optionalMarkdown,
    assets: z.array(rawAsset, { error: expected('must be a list of assets') }).optional(),
    tags: textList,
    extra: extraData,
    ...lifecycleShape,
  },
  { error: expected('frontmatter must be a YAML mapping of fields') },
);

/** What the project config contributes to every release. */
export interface ReleaseDefaults {
  organization?: RawOrganization;
  /** Resolved relative to the project root, not the release. */
  organizationBase?: string;
  contacts: RawContact[];
  boilerplate?: string | Record<string, string>;
  /** The project's time zone: a release's `timezone` when it names none. */
  timezone?: string;
  /** The config's `labels:`, by language tag. */
  labels?: Readonly<Record<string, LabelOverrides>>;
}

/**
 * Validates a release's frontmatter against the schema and returns the typed release.
 * Every problem is reported at once, each with its field path and line.
 */
export function validateRelease(
  raw: RawRelease,
  slugFromPath: string,
  defaults: ReleaseDefaults = { contacts: [] },
): Release {
  const { release, problems } = examineRelease(raw, slugFromPath, defaults);
  if (problems.length > 0) throw new PresskitError('E_SCHEMA', problems);
  if (!release) throw new PresskitError('E_SCHEMA', { file: raw.displayPath, message: 'invalid' });
  return release;
}

/** A release's problems, and the release as far as it could be made (see salvage). */
export interface ExaminedRelease {
  /** Absent only when nothing could be made of the frontmatter. With problems, a stand-in. */
  release?: Release;
  problems: Problem[];
}

/** The stand-in date of a release whose date is wrong: only its other checks use it. */
const STAND_IN_DATE: ReleaseDate = {
  text: '1970-01-01',
  instant: new Date(0),
  hasTime: false,
  offsetMinutes: 0,
};

/**
 * Every problem of a release's frontmatter and body text, and the release as far as it can
 * be made: a field the schema refuses is left out (see salvage), so the checks after this
 * one can still run on the rest, and one run names them all.
 */
export function examineRelease(
  raw: RawRelease,
  slugFromPath: string,
  defaults: ReleaseDefaults = { contacts: [] },
): ExaminedRelease {
  const file = raw.displayPath;
  const lineOf = raw.frontmatter.lineOf;
  const data = raw.frontmatter.data ?? {};
  const parsed = frontmatterSchema.safeParse(data);
  // Checked with the frontmatter, so that one run reports the problems of both.
  const problems: Problem[] = unsafeBodyProblems(raw);
  let fm: z.output<typeof frontmatterSchema>;
  if (parsed.success) fm = parsed.data;
  else {
    problems.push(...zodProblems(parsed.error, file, raw.frontmatter, frontmatterSchema));
    const salvaged = salvage(frontmatterSchema, data, parsed.error);
    if (salvaged === undefined) return { problems: byLine(problems) };
    fm = salvaged;
  }
  const report = (path: (string | number)[], message: string): void => {
    const line = lineOf(path);
    problems.push({ file, field: fieldPath(path), message, ...(line ? { line } : {}) });
  };

  const date = dateField(fm.date, ['date'], report, 'a date YYYY-MM-DD or a datetime with offset');
  const modified = fm.modified ? dateField(fm.modified, ['modified'], report) : undefined;
  let embargo: ReleaseDate | undefined;
  if (fm.embargo) {
    embargo = dateField(fm.embargo, ['embargo'], report);
    if (embargo && !embargo.hasTime) {
      report(['embargo'], 'needs a time and offset, e.g. 2026-11-27T10:00:00+01:00');
      embargo = undefined;
    }
  }

  const lifecycle = releaseLifecycle(fm, report);
  const correction = lifecycle.correction && applyTypography(lifecycle.correction, fm.lang);

  const releaseDir = dirname(raw.sourceFile);
  const contacts = mergeContacts(fm.contacts ?? [], defaults.contacts).map((contact, index) =>
    toContact(contact, (field, message) => report(['contacts', index, field], message)),
  );
  const organizationRaw = fm.organization ?? defaults.organization;
  const organizationBase = fm.organization ? releaseDir : (defaults.organizationBase ?? releaseDir);
  const organization: Organization | undefined = organizationRaw && {
    name: organizationRaw.name,
    ...(organizationRaw.url ? { url: organizationRaw.url } : {}),
    ...(organizationRaw.logo ? { logo: resolve(organizationBase, organizationRaw.logo) } : {}),
  };
  // Display text is decoded (`&Eacute;tat`) and typeset once here, so the page, PDF,
  // metadata and text version agree.
  const typeset = (value: string | undefined): string | undefined =>
    value === undefined ? undefined : applyTypography(decodeEntities(value), fm.lang);
  const assets: AssetRef[] = (fm.assets ?? []).map((asset) => ({
    file: asset.file,
    source: resolve(releaseDir, asset.file),
    ...definedOnly({
      caption: typeset(asset.caption),
      credit: typeset(asset.credit),
      copyright: typeset(asset.copyright),
      alt: typeset(asset.alt),
    }),
  }));

  const boilerplate = fm.boilerplate ?? pickBoilerplate(defaults.boilerplate, fm.lang);
  const labelOverrides = overridesFor(defaults.labels, fm.lang);
  const release: Release = {
    sourceFile: raw.sourceFile,
    displayPath: file,
    slug: fm.slug ?? slugFromPath,
    lang: fm.lang,
    title: applyTypography(decodeEntities(fm.title), fm.lang),
    kind: typeset(fm.kind) ?? labelTable(fm.lang, labelOverrides).labels.kind,
    labelOverrides,
    date: date ?? STAND_IN_DATE,
    contacts,
    assets,
    tags: fm.tags,
    extra: fm.extra,
    status: lifecycle.status,
    body: raw.body,
    bodyLine: raw.bodyLine,
    lineOf,
    ...definedOnly({
      subtitle: typeset(fm.subtitle),
      region: typeset(fm.region),
      dateline: typeset(fm.dateline),
      summary: typeset(fm.summary),
      timezone: fm.timezone ?? defaults.timezone,
      boilerplate,
    }),
    ...(modified ? { modified } : {}),
    ...(correction ? { correction } : {}),
    ...(lifecycle.withdrawal
      ? {
          withdrawal: {
            ...lifecycle.withdrawal,
            reason: applyTypography(lifecycle.withdrawal.reason, fm.lang),
          },
        }
      : {}),
    ...(embargo ? { embargo } : {}),
    ...(organization ? { organization } : {}),
  };
  return { release, problems: byLine(problems) };
}

/** Controls and spoofing bidi characters in the Markdown body, one problem per occurrence. */
export function unsafeBodyProblems(
  raw: Pick<RawRelease, 'body' | 'bodyLine' | 'displayPath'>,
): Problem[] {
  return unsafeCharacters(raw.body).map((found) => ({
    file: raw.displayPath,
    line: raw.bodyLine + found.line - 1,
    column: found.column,
    message: found.message,
  }));
}

function dateField(
  value: string,
  path: (string | number)[],
  report: (path: (string | number)[], message: string) => void,
  expected = 'a datetime with offset, e.g. 2026-11-27T10:00:00+01:00',
): ReleaseDate | undefined {
  const date = parseReleaseDate(value);
  if (!date) report(path, `"${value}" is not ${expected}`);
  return date;
}

function toContact(raw: RawContact, report: (field: string, message: string) => void): Contact {
  const contact: Contact = definedOnly({
    name: raw.name,
    givenName: raw.givenName,
    familyName: raw.familyName,
    role: raw.role,
    organization: raw.organization,
    office: raw.office,
    email: raw.email,
    url: raw.url,
  });
  if (raw.phone) {
    const phone = parsePhone(raw.phone);
    if (phone) contact.phone = phone;
    else
      report(
        'phone',
        `"${raw.phone}" is not a valid international phone number (e.g. +1 212 681 7000 ext. 221)`,
      );
  }
  if (raw.address) {
    const address = definedOnly(raw.address);
    if (Object.keys(address).length > 0) contact.address = address;
  }
  return contact;
}

/** Release contacts first, then project defaults not already present (same email or name). */
export function mergeContacts(own: RawContact[], defaults: RawContact[]): RawContact[] {
  const key = (contact: RawContact): string =>
    (contact.email ?? contact.name ?? contact.organization ?? '').toLowerCase();
  const seen = new Set(own.map(key));
  return [...own, ...defaults.filter((contact) => !seen.has(key(contact)))];
}

function pickBoilerplate(
  boilerplate: ReleaseDefaults['boilerplate'],
  lang: string,
): string | undefined {
  if (boilerplate === undefined || typeof boilerplate === 'string') return boilerplate;
  const primary = lang.split('-')[0] ?? lang;
  return boilerplate[lang] ?? boilerplate[primary];
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`,
    )
    .join('');
}
