import { describe, expect, it } from 'vitest';
import { readCommunique } from '../../src/import/communique.js';
import { parseContactLine } from '../../src/import/contact-line.js';
import { textToBlocks } from '../../src/import/markdown.js';
import { wordsOf } from '../../src/import/words.js';

const ENGLISH = `Press Release
Global

IOM and Belgium Sign Framework Agreement

Brussels - The Government of Belgium signed a framework agreement with IOM yesterday.

"No State can act alone," said the Director General.

For more information, please contact Olivia Headon at IOM New York, Tel: +1 212 681 7000 Ext. 221, Email: oheadon@iom.int or Joel Millman, Tel: +41 22 717 9486, Mobile: +41 79 103 8720, Email: jmillman@iom.int`;

const SPANISH = `Comunicado
Américas

La OIM y Bélgica firman un acuerdo marco

Bruselas – El Gobierno de Bélgica firmó ayer un acuerdo marco con la OIM.

«Ningún Estado puede actuar solo», declaró el Director General.

Para más información, por favor contacte a Olivia Headon, OIM Nueva York, Tel: +1 212 681 7000 Ext. 221, Correo electrónico: oheadon@iom.int`;

describe('readCommunique', () => {
  it('reads the seed’s shape in English, with two contacts joined by "or"', () => {
    const read = readCommunique(textToBlocks(ENGLISH));
    expect(read).toMatchObject({
      lang: 'en',
      kind: 'Press Release',
      region: 'Global',
      title: 'IOM and Belgium Sign Framework Agreement',
      dateline: 'Brussels',
    });
    expect(read.body).toEqual([
      'The Government of Belgium signed a framework agreement with IOM yesterday.',
      '"No State can act alone," said the Director General.',
    ]);
    expect(read.contacts).toEqual([
      {
        name: 'Olivia Headon',
        office: 'IOM New York',
        phone: '+1 212 681 7000 ext. 221',
        email: 'oheadon@iom.int',
        leftOver: [],
      },
      {
        name: 'Joel Millman',
        phone: '+41 22 717 9486',
        email: 'jmillman@iom.int',
        leftOver: ['Mobile: +41 79 103 8720'],
      },
    ]);
  });

  it('reads it in Spanish, with an en dash after the place and «quotes» intact', () => {
    const read = readCommunique(textToBlocks(SPANISH));
    expect(read).toMatchObject({ lang: 'es', kind: 'Comunicado', region: 'Américas' });
    expect(read.dateline).toBe('Bruselas');
    expect(read.body[1]).toBe('«Ningún Estado puede actuar solo», declaró el Director General.');
    expect(read.contacts[0]).toMatchObject({ name: 'Olivia Headon', office: 'OIM Nueva York' });
  });

  it('keeps what Markdown would read as syntax as the same text', () => {
    const read = readCommunique(
      textToBlocks(
        'Title\n\nGeneva - Lead.\n\n1. Not a list *nor emphasis* <b>\n\n# not a heading',
      ),
      'en',
    );
    expect(read.body).toEqual([
      'Lead.',
      '1\\. Not a list \\*nor emphasis\\* \\<b>',
      '\\# not a heading',
    ]);
  });

  it('leaves out what is not there: no label, no dateline, no contact', () => {
    const read = readCommunique(textToBlocks('Just a headline\n\nA first paragraph.'), 'en');
    expect(read).toEqual({
      lang: 'en',
      title: 'Just a headline',
      body: ['A first paragraph.'],
      contacts: [],
    });
  });
});

describe('parseContactLine', () => {
  const fr = wordsOf('fr');
  it('does not take a capitalised particle for an office: "Alexander De Croo"', () => {
    expect(fr).toBeDefined();
    if (!fr) return;
    expect(
      parseContactLine(
        'Pour plus d’informations, veuillez contacter Alexander De Croo, Email: adc@example.be',
        fr,
      ),
    ).toEqual([{ name: 'Alexander De Croo', email: 'adc@example.be', leftOver: [] }]);
  });

  it('is not a contact line without the closing sentence', () => {
    expect(fr && parseContactLine('Olivia Headon, Email: oheadon@iom.int', fr)).toBeUndefined();
  });
});
