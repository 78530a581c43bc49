import { describe, expect, it } from 'vitest';
import { asciiSlug, contactFileNames } from '../../src/contacts/file-names.js';
import { isWindowsReserved } from '../../src/util/slug.js';

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
    expect(
      contactFileNames([
        { name: 'Con' },
        { name: 'Nul' },
        { name: 'AUX' },
        { organization: 'PRN' },
        { email: 'com0@example.org' },
        { name: 'Lpt 9' },
        { name: 'Lpt9' },
        { name: 'Connie' },
      ]),
    ).toEqual([
      'con-contact.vcf',
      'nul-contact.vcf',
      'aux-contact.vcf',
      'prn-contact.vcf',
      'com0-contact.vcf',
      'lpt-9.vcf',
      'lpt9-contact.vcf',
      'connie.vcf',
    ]);
  });
});

describe('isWindowsReserved', () => {
  it.each(['con', 'CON', 'Con', 'prn', 'aux', 'nul', 'com0', 'COM9', 'lpt0', 'Lpt9'])(
    'reserves %s, and with an extension, trailing dots or spaces',
    (name) => {
      for (const variant of [
        name,
        `${name}.txt`,
        `${name}.tar.gz`,
        `${name}.`,
        `${name} `,
        `${name} .png`,
      ]) {
        expect(isWindowsReserved(variant), variant).toBe(true);
      }
    },
  );

  it.each([
    'console',
    'con-1',
    'com10',
    'lpt',
    'null',
    'auxiliary',
    'x.con',
    'nul-contact.vcf',
    '',
  ])('leaves %s alone', (name) => {
    expect(isWindowsReserved(name)).toBe(false);
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
