import { describe, expect, it } from 'vitest';
import { asciiSlug, contactFileNames } from '../../src/contacts/file-names.js';

const SAFE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.vcf$/;

describe('contactFileNames', () => {
  it('slugs names to ASCII and numbers duplicates', () => {
    expect(
      contactFileNames([
        { name: 'Olivia Headon' },
        { name: 'Amélie Dupré-Lefèvre' },
        { name: 'OLIVIA  HEADON' },
        { name: 'Olivia Headon' },
      ]),
    ).toEqual([
      'olivia-headon.vcf',
      'amelie-dupre-lefevre.vcf',
      'olivia-headon-2.vcf',
      'olivia-headon-3.vcf',
    ]);
  });

  it('does not reuse a name a later contact really has', () => {
    const names = contactFileNames([
      { name: 'Olivia Headon' },
      { name: 'Olivia Headon' },
      { name: 'Olivia Headon 2' },
    ]);
    expect(names).toEqual(['olivia-headon.vcf', 'olivia-headon-2.vcf', 'olivia-headon-2-2.vcf']);
    expect(new Set(names).size).toBe(names.length);
  });

  it('uses the organization, then the office, then the email for a press office', () => {
    expect(
      contactFileNames([
        { organization: 'OIM – Organisation internationale pour les migrations' },
        { office: 'Bureau de presse' },
        { email: 'media.desk@example.org' },
      ]),
    ).toEqual([
      'oim-organisation-internationale-pour-les-migrations.vcf',
      'bureau-de-presse.vcf',
      'media-desk.vcf',
    ]);
  });

  it.each([
    ['path separators', { name: '../../etc/passwd' }],
    ['Windows separators', { name: 'C:\\Windows\\System32' }],
    ['dots only', { name: '...' }],
    ['no Latin letters', { name: '王小明' }],
    ['emoji only', { name: '📣📣' }],
    ['control characters', { name: 'Eve\r\nEvil\u0000' }],
    ['nothing at all', {}],
    ['a very long name', { name: 'Maximilian '.repeat(20) }],
  ])('stays a safe, non-empty name with %s', (_label, contact) => {
    const [name] = contactFileNames([contact]);
    expect(name).toMatch(SAFE_NAME);
    expect(name?.length).toBeLessThanOrEqual(64);
  });

  it('avoids Windows device names', () => {
    expect(contactFileNames([{ name: 'Con' }, { name: 'Nul' }])).toEqual([
      'con-contact.vcf',
      'nul-contact.vcf',
    ]);
  });
});

describe('asciiSlug', () => {
  it.each([
    ['Zoë Çelik', 'zoe-celik'],
    ['Jürgen Groß', 'jurgen-gross'],
    ['Łukasz Ødegård', 'lukasz-odegard'],
    ['Conor O’Neill', 'conor-oneill'],
    ['Jane Doe, Jr.', 'jane-doe-jr'],
    ['Œuvre Æsir', 'oeuvre-aesir'],
  ])('%j → %j', (text, slug) => {
    expect(asciiSlug(text)).toBe(slug);
  });
});
