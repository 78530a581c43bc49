import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../src/contacts/phone.js';
import {
  contactToVcard,
  escapeComponent,
  escapeText,
  serializeVcard,
  VcardValueError,
} from '../../src/contacts/vcard.js';
import type { Contact, VcardVersion } from '../../src/types.js';

const REV = new Date('2026-11-27T09:00:00Z');
const VERSIONS: VcardVersion[] = ['3.0', '4.0'];

/** Reads a card back with ical.js, which picks its vCard 3.0 or 4.0 rules from VERSION. */
function readBack(card: string) {
  return new ICAL.Component(ICAL.parse(card));
}
function textOf(component: ICAL.Component, name: string): unknown {
  return component.getFirstProperty(name)?.getFirstValue();
}
/** What a reader should see: NFC, with any CR/LF pair or lone CR/LF as one newline. */
const expected = (text: string) => text.normalize('NFC').replace(/\r\n|\r/g, '\n');
/**
 * What ical.js 2.2.1 returns for a non-structured text value. It reads 3.0 text with the 4.0
 * rules (FROM_VCARD_NEWLINE has no `\;`), so the `\;` that RFC 2426 §4 requires stays as is.
 * Apple, Android and Outlook unescape it; the raw-line test below checks the escape itself.
 */
const icalJsText = (text: string, version: VcardVersion) =>
  version === '3.0' ? expected(text).replace(/;/g, '\\;') : expected(text);

describe('escaping rules', () => {
  it('escapes backslash first, then comma, semicolon (3.0 only) and newline in text', () => {
    expect(escapeText('a\\b,c;d\ne', '3.0')).toBe('a\\\\b\\,c\\;d\\ne');
    expect(escapeText('a\\b,c;d\ne', '4.0')).toBe('a\\\\b\\,c;d\\ne');
    expect(escapeText('\\n', '4.0')).toBe('\\\\n');
  });

  it('escapes the semicolon inside compound components in both versions', () => {
    expect(escapeComponent('Smith; Jones, Partners\\')).toBe('Smith\\; Jones\\, Partners\\\\');
  });
});

describe('raw lines', () => {
  it('3.0 escapes every semicolon of a text value, 4.0 none (RFC 2426 §4, RFC 6350 §3.4)', () => {
    const contact: Contact = { name: 'Eve Example', role: 'Press; media, EMEA' };
    const titleLine = (version: VcardVersion) =>
      contactToVcard(contact, { version, rev: REV })
        .split('\r\n')
        .find((line) => line.startsWith('TITLE:'));
    expect(titleLine('3.0')).toBe('TITLE:Press\\; media\\, EMEA');
    expect(titleLine('4.0')).toBe('TITLE:Press; media\\, EMEA');
  });
});

describe('vector D: nothing in a value can add a property or end the card', () => {
  const hostile = 'Chief\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Mallory\rX-EVIL:1\nTEL:+1';

  it.each(VERSIONS)('keeps a hostile title on one TITLE line (%s)', (version) => {
    const card = contactToVcard({ name: 'Eve Example', role: hostile }, { version, rev: REV });
    const lines = card.split('\r\n');
    expect(lines.filter((line) => line.startsWith('TITLE:'))).toEqual([
      'TITLE:Chief\\nEND:VCARD\\nBEGIN:VCARD\\nFN:Mallory\\nX-EVIL:1\\nTEL:+1',
    ]);
    expect(lines.filter((line) => line === 'END:VCARD')).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('BEGIN:'))).toHaveLength(1);
    // No bare CR or LF outside the CRLF line ends.
    expect(card.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const parsed = readBack(card);
    expect(textOf(parsed, 'title')).toBe(icalJsText(hostile, version));
    expect(parsed.getAllProperties('fn')).toHaveLength(1);
    expect(parsed.getAllProperties('x-evil')).toHaveLength(0);
    expect(parsed.getAllProperties('tel')).toHaveLength(0);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['TAB', '\t'],
    ['VT', '\u000B'],
    ['ESC', '\u001B'],
    ['DEL', '\u007F'],
    ['NEL (C1)', '\u0085'],
    ['a lone surrogate', '\uD83D'],
  ])('rejects %s and names the field', (_label, char) => {
    const attempt = (contact: Contact) => () =>
      contactToVcard(contact, { version: '3.0', rev: REV });
    expect(attempt({ name: 'Eve', role: `Chief${char}` })).toThrow(VcardValueError);
    try {
      attempt({ name: 'Eve', address: { street: `1 Main St${char}` } })();
      expect.unreachable('a control character must be rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(VcardValueError);
      expect(error).toMatchObject({ field: 'address.street', property: 'ADR' });
    }
  });

  it('rejects a line break in a raw value such as a URL', () => {
    expect(() =>
      contactToVcard(
        { name: 'Eve', url: 'https://e.example/\r\nX-EVIL:1' },
        { version: '4.0', rev: REV },
      ),
    ).toThrow(/line break/);
    expect(() =>
      serializeVcard('4.0', [
        { name: 'URL', value: { kind: 'raw', text: 'https://e.example/\nX:1' } },
      ]),
    ).toThrow(VcardValueError);
  });

  it('rejects property and parameter names that could smuggle syntax', () => {
    expect(() =>
      serializeVcard('4.0', [{ name: 'NOTE:x\r\nFN', value: { kind: 'text', text: 'x' } }]),
    ).toThrow(VcardValueError);
    expect(() =>
      serializeVcard('4.0', [
        {
          name: 'NOTE',
          parameters: [{ name: 'TYPE', values: ['a"b'] }],
          value: { kind: 'text', text: 'x' },
        },
      ]),
    ).toThrow(VcardValueError);
  });
});

describe('every field survives a read back through ical.js', () => {
  const tricky = (label: string) => `${label} é ü; a,b \\ c\r\nline two\rthree\nfour 😀`;
  const contact: Contact = {
    name: 'Zoë d’Artagnan-Čelik',
    role: tricky('role'),
    organization: tricky('org'),
    office: tricky('office'),
    email: 'zoe,celik;press\\x@example.com',
    url: 'https://example.com/a,b;c\\d é',
    phone: parsePhone('+33 1 42 68 53 00 poste 221'),
    address: {
      street: tricky('street'),
      locality: tricky('locality'),
      region: tricky('region'),
      postalCode: '75001; CEDEX, 08',
      country: tricky('country'),
    },
  };

  it.each(VERSIONS)('vCard %s', (version) => {
    const parsed = readBack(contactToVcard(contact, { version, lang: 'fr', rev: REV }));
    expect(parsed.getFirstPropertyValue('version')).toBe(version);
    expect(textOf(parsed, 'fn')).toBe(contact.name);
    expect(textOf(parsed, 'n')).toEqual(['d’Artagnan-Čelik', 'Zoë', '', '', '']);
    expect(textOf(parsed, 'title')).toBe(icalJsText(tricky('role'), version));
    expect(textOf(parsed, 'org')).toEqual([expected(tricky('org')), expected(tricky('office'))]);
    expect(textOf(parsed, 'email')).toBe(icalJsText(contact.email ?? '', version));
    const url = textOf(parsed, 'url');
    expect(typeof url === 'string' && decodeURIComponent(url)).toBe(contact.url);
    expect(url).not.toMatch(/[,;\\ ]/);
    expect(textOf(parsed, 'adr')).toEqual([
      '',
      '',
      expected(tricky('street')),
      expected(tricky('locality')),
      expected(tricky('region')),
      '75001; CEDEX, 08',
      expected(tricky('country')),
    ]);
    expect(textOf(parsed, 'tel')).toBe(
      version === '3.0' ? '+33 1 42 68 53 00 x221' : 'tel:+33-1-42-68-53-00;ext=221',
    );
    expect(textOf(parsed, 'lang')).toBe(version === '4.0' ? 'fr' : undefined);
  });
});

describe('organization cards (no person name)', () => {
  const office: Contact = {
    organization: 'OIM; Organisation internationale pour les migrations',
    office: 'Bureau de presse',
    email: 'media@iom.int',
  };

  it('3.0: empty N, FN is the organization, shown as a company by Apple', () => {
    const card = contactToVcard(office, { version: '3.0', rev: REV });
    const parsed = readBack(card);
    expect(card).toContain('\r\nN:;;;;\r\n');
    expect(textOf(parsed, 'fn')).toBe(icalJsText(office.organization ?? '', '3.0'));
    expect(textOf(parsed, 'x-abshowas')).toBe('COMPANY');
    expect(textOf(parsed, 'org')).toEqual([office.organization, office.office]);
    expect(parsed.getAllProperties('kind')).toHaveLength(0);
  });

  it('4.0: KIND:org and no N', () => {
    const parsed = readBack(contactToVcard(office, { version: '4.0', rev: REV }));
    expect(textOf(parsed, 'kind')).toBe('org');
    expect(textOf(parsed, 'fn')).toBe(office.organization);
    expect(parsed.getAllProperties('n')).toHaveLength(0);
  });

  it('refuses a contact with neither name nor organization', () => {
    expect(() => contactToVcard({ email: 'a@example.com' }, { version: '3.0', rev: REV })).toThrow(
      VcardValueError,
    );
  });
});

describe('folding (property test)', () => {
  /** mulberry32: a seeded generator, so a failure can be replayed. */
  function random(seed: number) {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  // 1-, 2-, 3- and 4-octet characters, combining marks, and everything that gets escaped.
  const alphabet = [
    ...'abcXYZ 019-:;,\\\n',
    '\r\n',
    ...'éüçÇßœ',
    'e\u0301',
    ...'’–€中文字',
    ...['😀', '👩🏽‍💻', '🇫🇷', '𝔘'],
  ];
  const decoder = new TextDecoder('utf-8', { fatal: true });

  it('keeps every physical line ≤ 75 octets, valid UTF-8, escapes whole, value intact', () => {
    const next = random(20261127);
    for (let run = 0; run < 600; run += 1) {
      const length = Math.floor(next() * 200);
      let text = '';
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(next() * alphabet.length)];
      const version = VERSIONS[run % 2] ?? '4.0';
      const card = serializeVcard(version, [
        { name: 'FN', value: { kind: 'text', text: 'Test' } },
        { name: 'NOTE', value: { kind: 'text', text } },
      ]);
      const buffer = Buffer.from(card, 'utf8');
      // A surrogate pair cut in two would be encoded as two U+FFFD and not decode back.
      const decoded = decoder.decode(buffer);
      expect(decoded, `run ${run}`).toBe(card);

      let start = 0;
      for (let end = buffer.indexOf('\r\n'); end !== -1; end = buffer.indexOf('\r\n', start)) {
        const line = buffer.subarray(start, end);
        expect(line.length, `run ${run}`).toBeLessThanOrEqual(75);
        // Each physical line on its own is whole UTF-8: no character was cut.
        const lineText = decoder.decode(line);
        // ...and holds no half escape pair at its end.
        expect(lineText.replace(/\\./g, ''), `run ${run}`).not.toContain('\\');
        start = end + 2;
      }
      expect(start).toBe(buffer.length);

      expect(textOf(readBack(decoded), 'note'), `run ${run}`).toBe(icalJsText(text, version));
    }
  });
});

describe('N: how the name splits, read back by ical.js', () => {
  const nameOf = (contact: Contact, version: VcardVersion, lang: string) =>
    readBack(contactToVcard(contact, { version, lang, rev: REV }))
      .getFirstProperty('n')
      ?.getValues()
      .flat();

  it.each(VERSIONS)('%s: two Spanish surnames stay together', (version) => {
    expect(nameOf({ name: 'María José Núñez Peña' }, version, 'es')).toEqual([
      'Núñez Peña',
      'María José',
      '',
      '',
      '',
    ]);
  });

  it.each(VERSIONS)('%s: givenName and familyName, written family name first', (version) => {
    const contact = { name: 'Wang Xiaoming', givenName: 'Xiaoming', familyName: 'Wang' };
    expect(nameOf(contact, version, 'en')).toEqual(['Wang', 'Xiaoming', '', '', '']);
    const card = contactToVcard(contact, { version, lang: 'en', rev: REV });
    expect(card).toContain('FN:Wang Xiaoming\r\n');
  });

  it('refuses a character no vCard carries in familyName, naming it', () => {
    expect(() =>
      contactToVcard({ name: 'A B', familyName: 'B\u0000' }, { version: '3.0', rev: REV }),
    ).toThrow(expect.objectContaining({ field: 'familyName' }));
  });
});
