import { yamlValue } from '../scaffold/release-text.js';
import type { ImportedCommunique } from './communique.js';
import type { ImportedContact } from './contact-line.js';

/** A release file from what was read; a missing date is left as a marked TODO. */
export function importedSource(
  read: ImportedCommunique,
  lang: string,
  date: string | undefined,
  source: string,
): string {
  const optional = (key: string, value: string | undefined): string[] =>
    value === undefined ? [] : [`${key}: ${yamlValue(value)}`];
  return [
    '---',
    `# Imported by presskit import from ${yamlValue(source)}: check each field, then run`,
    '# `presskit check`. The fields are in the README ("Frontmatter").',
    ...optional('title', read.title ?? 'TODO: the headline'),
    `lang: ${yamlValue(lang)}`,
    ...(date === undefined
      ? ['# TODO: the publication date, which the text does not give:', '# date: YYYY-MM-DD']
      : [`date: ${date}`]),
    ...optional('kind', read.kind),
    ...optional('region', read.region),
    ...optional('dateline', read.dateline),
    ...contactLines(read.contacts),
    '---',
    '',
    read.body.join('\n\n'),
    '',
  ].join('\n');
}

function contactLines(contacts: readonly ImportedContact[]): string[] {
  if (contacts.length === 0) return [];
  return [
    'contacts:',
    ...contacts.flatMap((contact) => {
      const fields = [
        ['name', contact.name],
        ['office', contact.office],
        ['phone', contact.phone],
        ['email', contact.email],
      ].filter((entry): entry is [string, string] => entry[1] !== undefined);
      return fields.map(
        ([key, value], index) => `${index === 0 ? '  - ' : '    '}${key}: ${yamlValue(value)}`,
      );
    }),
  ];
}
