import { stringify } from 'yaml';
import type { RawContact } from '../release/fields.js';
import type { ReleaseDefaults } from '../release/schema.js';

/** What a new release file says; an optional field without a value is shown commented out. */
export interface ReleaseDraft {
  title: string;
  lang: string;
  /** `YYYY-MM-DD`. */
  date: string;
  dateline?: string;
  summary?: string;
  /** Markdown. */
  body: string;
  /** The project config's defaults: the release names them in comments, never copies them. */
  defaults: ReleaseDefaults;
  /** The config file's name, for those comments. */
  configName: string;
}

/** One YAML scalar, quoted only when YAML needs it (`Acme: a new era` does). */
export function yamlValue(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** `key: value`, or the commented-out example `# key: example` when there is no value. */
const field = (key: string, value: string | undefined, example: string): string =>
  value === undefined ? `# ${key}: ${example}` : `${key}: ${yamlValue(value)}`;

/**
 * A release file whose frontmatter explains itself in short comments, for someone writing
 * their first. The contacts and organisation of the config are said to come from it rather
 * than copied: they are added to every release at build time, so a change there reaches all.
 */
export function releaseSource(draft: ReleaseDraft): string {
  const lines = [
    '---',
    '# A press release: this frontmatter (YAML, between the --- lines), then the text in',
    '# Markdown. `presskit check` validates it; each field is in the README ("Frontmatter").',
    '',
    '# The headline.',
    `title: ${yamlValue(draft.title)}`,
    '# subtitle: A one-line subheadline',
    '# Its language, a BCP 47 tag (fr, en, es, fr-BE): typography, labels, date format.',
    `lang: ${yamlValue(draft.lang)}`,
    '# Publication date, YYYY-MM-DD, or a datetime with its offset: 2026-11-27T10:00:00+01:00.',
    `date: ${draft.date}`,
    '# Not to be published before (a datetime with offset); absent: for immediate release.',
    `# embargo: ${draft.date}T10:00:00+01:00`,
    '# draft: built only with `presskit build --drafts`, never listed; withdrawn, with',
    '# withdrawn: {date, reason}, leaves a notice page; default: published.',
    '# status: draft',
    '# The place before the lead ("BRUSSELS, 27 November 2026 —").',
    field('dateline', draft.dateline, 'Brussels'),
    '# One or two sentences: search engines, social cards, the PDF’s description.',
    field('summary', draft.summary, 'What happened, in one sentence.'),
    '# The label above the headline (default from lang: "Press release") and keywords.',
    '# kind: Media advisory',
    '# tags: [partnership, migration]',
    '',
    ...organizationLines(draft),
    '',
    ...contactLines(draft),
    '',
    '# Data of your own for a custom theme, which its templates see as `extra`:',
    '# extra:',
    '#   campaign: Safe Migration 2026',
    '---',
    '',
    draft.body.trimEnd(),
    '',
  ];
  return lines.join('\n');
}

function organizationLines({ defaults, configName }: ReleaseDraft): string[] {
  if (defaults.organization) {
    return [
      `# The organisation, ${defaults.organization.name}, comes from ${configName}.`,
      '# organization: {name: Another Organisation, url: "https://www.example.org"}',
    ];
  }
  return [
    '# The organisation publishing (or set it once for all in presskit.config.yaml).',
    '# organization: {name: Example Organisation, url: "https://www.example.org"}',
  ];
}

function contactLines({ defaults, configName }: ReleaseDraft): string[] {
  const fromConfig = defaults.contacts.map((contact) => `#   ${contactLabel(contact)}`);
  return [
    ...(fromConfig.length > 0
      ? [`# Press contacts: ${configName} adds these to every release:`, ...fromConfig]
      : [`# Press contacts: ${configName} has none for every release yet.`]),
    '# This release’s own come first; a phone is international, with any extension:',
    '# contacts:',
    '#   - name: Ana Example',
    '#     role: Spokesperson',
    '#     phone: +32 2 555 01 00 ext. 221',
    '#     email: ana@example.org',
  ];
}

function contactLabel(contact: RawContact): string {
  const who = [contact.name, contact.name ? contact.office : contact.organization]
    .filter((part) => part !== undefined)
    .join(', ');
  return contact.email ? `${who} <${contact.email}>` : who;
}
