import { describe, expect, it } from 'vitest';
import { addressLines } from '../../src/contacts/address.js';

describe('addressLines: an address as lines to show', () => {
  it.each([
    [
      'en',
      {
        street: '350 Fifth Avenue',
        locality: 'New York',
        region: 'NY',
        postalCode: '10118',
        country: 'USA',
      },
      ['350 Fifth Avenue', 'New York, NY 10118', 'USA'],
    ],
    ['en-GB', { locality: 'London', postalCode: 'SW1A 1AA' }, ['London SW1A 1AA']],
    [
      'fr',
      { street: 'Rue Montoyer 40', locality: 'Bruxelles', postalCode: '1040', country: 'Belgique' },
      ['Rue Montoyer 40', '1040 Bruxelles', 'Belgique'],
    ],
    [
      'es',
      { street: 'Calle Mayor 1', locality: 'Madrid', region: 'Madrid', postalCode: '28013' },
      ['Calle Mayor 1', '28013 Madrid, Madrid'],
    ],
    // A street on two lines stays on two; parts left out leave no empty line.
    [
      'fr',
      { street: 'Bâtiment B\n12 rue de la Paix', country: ' France ' },
      ['Bâtiment B', '12 rue de la Paix', 'France'],
    ],
    ['en', {}, []],
  ])('%s: %j', (lang, address, lines) => {
    expect(addressLines(address, lang)).toEqual(lines);
  });
});
