import { describe, expect, it } from 'vitest';
import { contactCards, releaseVcards } from '../../src/contacts/cards.js';
import { QR_MAX_BYTES } from '../../src/contacts/qr.js';
import { expectError, MINIMAL_YAML, problemFor, releaseFrom, thrown } from '../release/helpers.js';

const FILE = 'releases/sample.md';
const V3 = { vcardVersion: '3.0' } as const;
const LONG_ROLE = 'Head of communications and '.repeat(110); // ~3 KB

/** A release whose YAML, after the three minimal lines (2-4), holds `contacts`. */
function withContacts(contacts: string) {
  return releaseFrom(`${MINIMAL_YAML}\ncontacts:\n${contacts}`);
}

describe('releaseVcards: a card must fit the QR code that carries it', () => {
  it('names the contact, the longest field, its line and what to cut', () => {
    // Line 1 is `---`, 2-4 the minimal fields, 5 `contacts:`, 6 the name, 7 the role.
    const release = withContacts(`  - name: Eve Example\n    role: ${LONG_ROLE}`);
    const error = thrown(() => releaseVcards(release, V3));
    const problem = expectError(error, 'E_CONTACT', FILE);
    expect(error.problems).toHaveLength(1);
    expect(problem).toMatchObject({ field: 'contacts[0].role', line: 7 });
    const [, cardBytes, roleBytes, over] =
      /card is (\d+) bytes, more than a QR code holds \(2331\): shorten the role \((\d+) bytes\) by at least (\d+) bytes/.exec(
        problem.message,
      ) ?? [];
    expect(Number(roleBytes)).toBe(Buffer.byteLength(LONG_ROLE.trim()));
    expect(Number(over)).toBe(Number(cardBytes) - QR_MAX_BYTES);
    expect(Number(over)).toBeGreaterThan(0);
  });

  it('reports every contact at fault at once, with its own field; the QR carries no address', () => {
    const street = 'Rue de la Loi '.repeat(200);
    const release = withContacts(
      [
        '  - name: Fine Person',
        '    email: fine@example.org',
        '  - name: Long Address',
        `    address: { street: "${street}" }`,
        '  - name: Long Role',
        `    role: ${LONG_ROLE}`,
      ].join('\n'),
    );
    const error = thrown(() => releaseVcards(release, { vcardVersion: '4.0' }));
    // The long address is in the .vcf only: the QR code's card has no ADR.
    expect(error.problems.map((problem) => problem.field)).toEqual(['contacts[2].role']);
    expect(problemFor(error, 'contacts[2].role')).toMatchObject({ line: 11 });
  });

  it('has no line for a contact from the project config', () => {
    const release = releaseFrom(MINIMAL_YAML, {
      defaults: {
        contacts: [
          {
            name: 'Press Office',
            givenName: undefined,
            familyName: undefined,
            role: LONG_ROLE,
            organization: undefined,
            office: undefined,
            phone: undefined,
            email: undefined,
            url: undefined,
          },
        ],
      },
    });
    const problem = thrown(() => releaseVcards(release, V3)).problems[0];
    expect(problem?.field).toBe('contacts[0].role');
    expect(problem).not.toHaveProperty('line');
  });

  it('gives the cards that fit, and contactCards their QR codes', async () => {
    const release = withContacts('  - name: Eve Example\n    role: Press officer');
    const [checked] = releaseVcards(release, V3);
    expect(checked?.vcard).toMatch(/^BEGIN:VCARD\r\n[\s\S]*TITLE:Press officer\r\n/);
    // The QR code carries the essentials only: no PRODID, UID or REV.
    expect(checked?.qrText).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Example;Eve;;;\r\nFN:Eve Example\r\nTITLE:Press officer\r\nEND:VCARD\r\n',
    );
    const [card] = await contactCards(release, V3);
    expect(card?.vcard).toBe(checked?.vcard);
    expect(card?.qrSvg).toMatch(/^<svg /);
  });

  it('with a base URL, the QR code carries the address of the .vcf', () => {
    const release = withContacts('  - name: Eve Example\n    role: Press officer');
    const [checked] = releaseVcards(release, {
      vcardVersion: '3.0',
      baseUrl: 'https://press.example.org/kits/',
    });
    expect(checked?.qrText).toBe(
      `https://press.example.org/kits/${release.slug}/contacts/eve-example.vcf`,
    );
  });
});
