import { describe, expect, it } from 'vitest';
import { contactCards, releaseVcards } from '../../src/contacts/cards.js';
import { QR_MAX_BYTES } from '../../src/contacts/qr.js';
import { expectError, MINIMAL_YAML, problemFor, releaseFrom, thrown } from '../release/helpers.js';

const FILE = 'releases/sample.md';
const LONG_ROLE = 'Head of communications and '.repeat(110); // ~3 KB

/** A release whose YAML, after the three minimal lines (2-4), holds `contacts`. */
function withContacts(contacts: string) {
  return releaseFrom(`${MINIMAL_YAML}\ncontacts:\n${contacts}`);
}

describe('releaseVcards: a card must fit the QR code that carries it', () => {
  it('names the contact, the longest field, its line and what to cut', () => {
    // Line 1 is `---`, 2-4 the minimal fields, 5 `contacts:`, 6 the name, 7 the role.
    const release = withContacts(`  - name: Eve Example\n    role: ${LONG_ROLE}`);
    const error = thrown(() => releaseVcards(release, '3.0'));
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

  it('reports every contact at fault at once, with its own field', () => {
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
    const error = thrown(() => releaseVcards(release, '4.0'));
    expect(error.problems).toHaveLength(2);
    expect(problemFor(error, 'contacts[1].address.street').message).toMatch(
      /shorten the address\.street \(\d+ bytes\)/,
    );
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
    const problem = thrown(() => releaseVcards(release, '3.0')).problems[0];
    expect(problem?.field).toBe('contacts[0].role');
    expect(problem).not.toHaveProperty('line');
  });

  it('gives the cards that fit, and contactCards their QR codes', async () => {
    const release = withContacts('  - name: Eve Example\n    role: Press officer');
    const [checked] = releaseVcards(release, '3.0');
    expect(checked?.vcard).toMatch(/^BEGIN:VCARD\r\n[\s\S]*TITLE:Press officer\r\n/);
    expect(checked?.qrText).toBe(checked?.vcard);
    const [card] = await contactCards(release, '3.0');
    expect(card?.vcard).toBe(checked?.vcard);
    expect(card?.qrSvg).toMatch(/^<svg /);
  });
});
