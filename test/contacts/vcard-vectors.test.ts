import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactToVcard, serializeVcard } from '../../src/contacts/vcard.js';
import type { Contact } from '../../src/types.js';
import { amelie, phone } from './fixtures.js';

const VECTORS = '/work/shared/spec/vcard';
const readVector = (name: string) => readFileSync(`${VECTORS}/vector-${name}.vcf`);
const bytes = (text: string) => Buffer.from(text, 'utf8');

const PRODID = '-//Example//press-kit 1.0//EN';
const REV = new Date('2026-11-27T09:00:00Z');

const jane: Contact = {
  name: 'Jane Doe, Jr.',
  role: 'Head of Media Relations, EMEA; interim',
  organization: 'Smith; Jones, Partners',
  email: 'press@example.com',
  phone: phone('+1 212 681 7000 ext. 221'),
  address: {
    street: '350 Fifth Avenue, Suite 3300',
    locality: 'New York',
    region: 'NY',
    postalCode: '10118',
    country: 'USA',
  },
  url: 'https://example.com/press',
};

describe('STANDARDS test vectors, byte for byte', () => {
  it('vector A: vCard 3.0 with accents and an extension', () => {
    const card = contactToVcard(amelie, { version: '3.0', lang: 'fr', rev: REV, prodId: PRODID });
    expect(bytes(card).equals(readVector('A'))).toBe(true);
    expect(card).toBe(readVector('A').toString('utf8'));
  });

  it('vector A from decomposed (NFD) input gives the same NFC bytes', () => {
    const decomposed: Contact = {
      ...amelie,
      name: amelie.name?.normalize('NFD'),
      organization: amelie.organization?.normalize('NFD'),
    };
    expect(decomposed.name).not.toBe(amelie.name);
    const card = contactToVcard(decomposed, { version: '3.0', rev: REV, prodId: PRODID });
    expect(bytes(card).equals(readVector('A'))).toBe(true);
  });

  it('vector B: vCard 4.0 with comma, semicolon and a tel URI', () => {
    const card = contactToVcard(jane, { version: '4.0', lang: 'en', rev: REV, prodId: PRODID });
    expect(card).toBe(readVector('B').toString('utf8'));
    expect(bytes(card).equals(readVector('B'))).toBe(true);
  });

  it('vector C: folding before a character that would straddle octet 75', () => {
    const card = serializeVcard('4.0', [
      { name: 'FN', value: { kind: 'text', text: 'Zoë Çelik' } },
      {
        name: 'NOTE',
        value: {
          kind: 'text',
          text: 'Porte-parole joignable en interviews FR/EN, du lundi au vendredi; l’été: 9h–18h CET, l’hiver 8h–17h.',
        },
      },
    ]);
    expect(card).toBe(readVector('C').toString('utf8'));
    expect(bytes(card).equals(readVector('C'))).toBe(true);
  });
});

describe('deterministic UID and REV', () => {
  /** Python's uuid module is an implementation independent of ours. */
  function pythonUuid5(name: string): string {
    return execFileSync(
      'python3',
      ['-c', 'import sys, uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, sys.argv[1]))', name],
      { encoding: 'utf8' },
    ).trim();
  }
  const uidOf = (card: string) => /^UID:urn:uuid:(.+)\r$/m.exec(card)?.[1];
  const revOf = (card: string) => /^REV:(.+)\r$/m.exec(card)?.[1];

  it('is UUIDv5 of the mailto: URL of the email, in either version', () => {
    for (const version of ['3.0', '4.0'] as const) {
      const card = contactToVcard(jane, { version, rev: REV });
      expect(uidOf(card)).toBe(pythonUuid5('mailto:press@example.com'));
    }
  });

  it('ignores the case of the email, and changes with the email', () => {
    const upper = contactToVcard(
      { ...jane, email: 'Press@Example.COM' },
      { version: '3.0', rev: REV },
    );
    const other = contactToVcard(
      { ...jane, email: 'media@example.com' },
      { version: '3.0', rev: REV },
    );
    expect(uidOf(upper)).toBe(pythonUuid5('mailto:press@example.com'));
    expect(uidOf(other)).toBe(pythonUuid5('mailto:media@example.com'));
  });

  it('falls back to the name when there is no email', () => {
    const card = contactToVcard({ name: 'Olivia Headon' }, { version: '3.0', rev: REV });
    expect(uidOf(card)).toBe(pythonUuid5('presskit:contact:Olivia Headon'));
    // UTF-8 of the NFC form, whatever normalisation the author's editor used.
    const accented = contactToVcard(
      { name: 'Zoë Çelik'.normalize('NFD') },
      { version: '4.0', rev: REV },
    );
    expect(uidOf(accented)).toBe(pythonUuid5('presskit:contact:Zoë Çelik'.normalize('NFC')));
  });

  it('writes REV from the given date, never the clock', () => {
    const rev = new Date(Date.UTC(2016, 9, 5, 7, 8, 9));
    expect(revOf(contactToVcard(jane, { version: '3.0', rev }))).toBe('2016-10-05T07:08:09Z');
    expect(revOf(contactToVcard(jane, { version: '4.0', rev }))).toBe('20161005T070809Z');
  });

  it('gives the same bytes on every call', () => {
    const first = contactToVcard(jane, { version: '4.0', lang: 'en', rev: REV });
    const second = contactToVcard(structuredClone(jane), { version: '4.0', lang: 'en', rev: REV });
    expect(second).toBe(first);
  });
});
