import { z } from 'zod';
import { DATE, DATETIME } from '../release/dates.js';
import { MAX_EXTRA_BYTES } from '../release/extra.js';
import { bcp47, optionalEmail, optionalWebUrl, rawContact, text } from '../release/fields.js';
import { SLUG } from '../release/schema.js';
import { WINDOWS_RESERVED } from '../util/slug.js';

/**
 * What the zod schemas say in code (refinements, transforms) and JSON Schema can only say
 * as keywords: patterns for the checks an editor can make, descriptions for its hovers.
 * The test that compares the JSON Schema's verdicts with `check`'s keeps these true.
 */

/** JSON Schema keywords added to a node. */
export type Keywords = Record<string, unknown>;

/** Keywords of the shared building blocks, wherever a schema uses them. */
export const BLOCK_KEYWORDS = z.registry<Keywords>();
BLOCK_KEYWORDS.add(text, { pattern: '\\S' });
BLOCK_KEYWORDS.add(bcp47, { pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' });
BLOCK_KEYWORDS.add(optionalEmail, { pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' });
BLOCK_KEYWORDS.add(optionalWebUrl, { pattern: '^https?://[^\\s/?#]+' });
BLOCK_KEYWORDS.add(rawContact, {
  anyOf: [{ required: ['name'] }, { required: ['organization'] }],
  dependentRequired: { givenName: ['name'], familyName: ['name'] },
});

const either = (...patterns: RegExp[]): string => patterns.map((p) => p.source).join('|');

const CONTACT: Record<string, Keywords> = {
  '': { description: 'A press contact: a person, or a press office (organization only).' },
  name: { description: 'Full name; may be left out for a press office (give organization).' },
  givenName: {
    description:
      'Given name(s), when the vCard should not split name by its rule, e.g. María José.',
  },
  familyName: {
    description:
      'Family name(s), when the vCard should not split name by its rule, e.g. Núñez Peña.',
  },
  role: { description: 'Role or title, e.g. Spokesperson.' },
  organization: { description: 'Organization; a contact with no name is a press office.' },
  office: { description: 'Office or unit within the organization, e.g. IOM New York.' },
  phone: {
    description:
      'International number (+ or 00), may carry an extension: +1 212 681 7000 ext. 221.',
  },
  email: { description: 'E-mail address.' },
  url: { description: 'Web page (http or https).' },
  address: { description: 'Postal address: on the page, in the PDF, the .txt and the vCard.' },
  'address.street': { description: 'Street and number.' },
  'address.locality': { description: 'City or town.' },
  'address.region': { description: 'Region or state.' },
  'address.postalCode': { description: 'Postal code.' },
  'address.country': { description: 'Country.' },
};

const prefixed = (prefix: string, docs: Record<string, Keywords>): Record<string, Keywords> =>
  Object.fromEntries(
    Object.entries(docs).map(([path, keywords]) => [path ? `${prefix}.${path}` : prefix, keywords]),
  );

const ORGANIZATION = (logo: string): Record<string, Keywords> => ({
  'organization.name': { description: 'Name of the organization.' },
  'organization.url': { description: 'Its website (http or https).' },
  'organization.logo': { description: `Logo image, a path relative to ${logo}.` },
});

/** Keywords of the frontmatter's fields, by dotted path (list items add nothing). */
export const RELEASE_FIELDS: Record<string, Keywords> = {
  title: { description: 'Headline (required).' },
  subtitle: { description: 'Subheadline.' },
  // These are never a number or a boolean, even as an editor reads YAML.
  lang: {
    description: 'Language, a BCP 47 tag (fr, en, es, fr-BE): typography, labels, dates.',
    type: ['string'],
  },
  date: {
    description:
      'Publication date YYYY-MM-DD, or a datetime with offset 2026-11-27T10:00:00+01:00.',
    pattern: either(DATE, DATETIME),
    type: ['string'],
  },
  modified: {
    description: 'Date of the last change, same forms as date.',
    pattern: either(DATE, DATETIME),
    type: ['string'],
  },
  correction: {
    description: 'A note on what was corrected, shown with "Updated …" (needs modified).',
  },
  status: {
    description:
      'draft (built only with --drafts, never listed), published (default) or withdrawn (a notice page only).',
  },
  withdrawn: { description: 'With status: withdrawn, when and why: {date, reason}.' },
  'withdrawn.date': {
    description: 'Date of the withdrawal, YYYY-MM-DD or a datetime with offset.',
    pattern: either(DATE, DATETIME),
    type: ['string'],
  },
  'withdrawn.reason': { description: 'Why it was withdrawn, shown on the notice page.' },
  kind: { description: 'Label above the headline; by default from lang ("Press release").' },
  region: { description: 'Section label, e.g. Global.' },
  dateline: { description: 'Place before the lead, e.g. Belgique: "BELGIQUE, 4 octobre 2016 —".' },
  embargo: {
    description:
      'Not before: a datetime with offset, 2026-11-27T10:00:00+01:00; absent: for immediate release.',
    pattern: DATETIME.source,
    type: ['string'],
  },
  timezone: {
    description: 'IANA time zone times are shown in, e.g. Europe/Brussels; default: the config’s.',
  },
  summary: {
    description: 'One or two sentences: meta description, JSON-LD, PDF Subject, social cards.',
  },
  slug: {
    description: 'Output name: lowercase letters, digits, hyphens; default from the file name.',
    pattern: SLUG.source,
    // `type` too, or a slug an editor reads as a number (2016) would match `not`'s pattern.
    not: { type: 'string', pattern: WINDOWS_RESERVED.source },
  },
  organization: { description: 'The organization publishing; default from the config.' },
  ...ORGANIZATION('the release'),
  contacts: {
    description: 'Press contacts of this release; the config’s contacts are added after them.',
  },
  ...prefixed('contacts', CONTACT),
  boilerplate: {
    description: 'Markdown "About the organization" paragraph; default from the config.',
  },
  assets: { description: 'Media files of the kit, relative to the release.' },
  'assets.file': { description: 'Path of the file, relative to the release.' },
  'assets.caption': { description: 'Caption.' },
  'assets.credit': { description: 'Credit, e.g. © IOM 2016.' },
  'assets.copyright': {
    description:
      'Copyright notice, e.g. © IOM 2016; written with caption and credit into the web-size image’s XMP.',
  },
  'assets.alt': { description: 'Text alternative; required for images.' },
  tags: { description: 'Keywords (PDF Keywords, JSON-LD).' },
  extra: {
    description: `Your own data for the theme: texts, lists and mappings, the templates' variable extra (at most ${MAX_EXTRA_BYTES / 1024} KB).`,
  },
};

/** Keywords of the config's settings, by dotted path. */
export const CONFIG_FIELDS: Record<string, Keywords> = {
  organization: { description: 'The organization of every release that names none.' },
  ...ORGANIZATION('the project folder'),
  contacts: { description: 'Contacts added to every release (once: same e-mail or name).' },
  ...prefixed('contacts', CONTACT),
  boilerplate: {
    description: 'Markdown "About" text, or a mapping from language to text (fr: …).',
  },
  paper: {
    description: 'Paper size of the PDF: A4 (default) or Letter.',
    pattern: '^(?:[aA]4|[lL][eE][tT][tT][eE][rR])$',
  },
  template: { description: 'Folder whose files override the default theme, file by file.' },
  out: { description: 'Output folder (default dist).' },
  vcardVersion: {
    description: 'vCard version: 3.0 (default) or 4.0.',
    pattern: '^[34](\\.0)?$',
    // An editor reads `4.0` as a number: these apply to numbers only, pattern to texts only.
    minimum: 3,
    maximum: 4,
    multipleOf: 1,
  },
  vcardCharset: {
    description:
      'Write CHARSET=UTF-8 on vCard 3.0 values that are not ASCII, for Outlook (default false).',
    pattern: '^(true|false)$',
  },
  baseUrl: { description: 'Public URL of the output folder, for canonical and Open Graph links.' },
  maxAssetSize: {
    description: 'Largest asset accepted, e.g. 25MB (default); B, KB, MB, GB, KiB, MiB, GiB.',
    pattern: '^\\d+(\\.\\d+)?\\s*([bB]|[kKmMgG][iI]?[bB])?$',
    minimum: 0,
  },
  timezone: {
    description:
      'The project’s IANA time zone (Europe/Brussels): releases’ default, and today for presskit new.',
  },
  lang: {
    description:
      'The project’s language (BCP 47, default en): the newsroom’s, and the original of a translated release.',
  },
};
