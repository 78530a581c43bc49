import { describe, expect, it } from 'vitest';
import { readCommunique } from '../../src/import/communique.js';
import { parseContactLine } from '../../src/import/contact-line.js';
import type { ImportedContact } from '../../src/import/contact-line.js';
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

const ARABIC = `بيان صحفي
عالمي

المنظمة الدولية للهجرة وبلجيكا توقعان اتفاقًا إطاريًا

بروكسل - وقّعت حكومة بلجيكا أمس اتفاقًا إطاريًا مع المنظمة الدولية للهجرة.

«لا تستطيع أي دولة أن تعمل بمفردها»، قال المدير العام.

لمزيد من المعلومات، يرجى الاتصال بـ أوليفيا هيدون، المنظمة الدولية للهجرة نيويورك، هاتف: +1 212 681 7000 Ext. 221، البريد الإلكتروني: oheadon@iom.int أو جويل ميلمان، هاتف: +41 22 717 9486، جوال: +41 79 103 8720، البريد الإلكتروني: jmillman@iom.int`;

/** The two contacts of the samples' closing sentence, as read, in the sample's words. */
function twoContacts(
  first: { name: string; office: string },
  second: string,
  mobile: string,
): ImportedContact[] {
  return [
    { ...first, phone: '+1 212 681 7000 ext. 221', email: 'oheadon@iom.int', leftOver: [] },
    { name: second, phone: '+41 22 717 9486', email: 'jmillman@iom.int', leftOver: [mobile] },
  ];
}

describe('readCommunique', () => {
  it.each([
    {
      sample: ENGLISH,
      header: {
        lang: 'en',
        kind: 'Press Release',
        region: 'Global',
        title: 'IOM and Belgium Sign Framework Agreement',
        dateline: 'Brussels',
      },
      body: [
        'The Government of Belgium signed a framework agreement with IOM yesterday.',
        '"No State can act alone," said the Director General.',
      ],
      contacts: twoContacts(
        { name: 'Olivia Headon', office: 'IOM New York' },
        'Joel Millman',
        'Mobile: +41 79 103 8720',
      ),
    },
    {
      // Arabic commas between a contact's parts, "أو" between contacts.
      sample: ARABIC,
      header: {
        lang: 'ar',
        kind: 'بيان صحفي',
        region: 'عالمي',
        title: 'المنظمة الدولية للهجرة وبلجيكا توقعان اتفاقًا إطاريًا',
        dateline: 'بروكسل',
      },
      body: [
        'وقّعت حكومة بلجيكا أمس اتفاقًا إطاريًا مع المنظمة الدولية للهجرة.',
        '«لا تستطيع أي دولة أن تعمل بمفردها»، قال المدير العام.',
      ],
      contacts: twoContacts(
        { name: 'أوليفيا هيدون', office: 'المنظمة الدولية للهجرة نيويورك' },
        'جويل ميلمان',
        'جوال: +41 79 103 8720',
      ),
    },
  ])(
    'reads the seed’s shape in $header.lang, with two contacts',
    ({ sample, header, body, contacts }) => {
      const read = readCommunique(textToBlocks(sample));
      expect(read).toMatchObject(header);
      expect(read.body).toEqual(body);
      expect(read.contacts).toEqual(contacts);
    },
  );

  it('reads it in Spanish, with an en dash after the place and «quotes» intact', () => {
    const read = readCommunique(textToBlocks(SPANISH));
    expect(read).toMatchObject({ lang: 'es', kind: 'Comunicado', region: 'Américas' });
    expect(read.dateline).toBe('Bruselas');
    expect(read.body[1]).toBe('«Ningún Estado puede actuar solo», declaró el Director General.');
    expect(read.contacts[0]).toMatchObject({ name: 'Olivia Headon', office: 'OIM Nueva York' });
  });

  it('reads the other Arabic closing sentence, with a colon and a single contact', () => {
    const arabic = wordsOf('ar');
    expect(arabic).toBeDefined();
    if (!arabic) return;
    const other = parseContactLine(
      'للمزيد من المعلومات يُرجى التواصل مع: جويل ميلمان، هاتف: +41 22 717 9486، البريد الإلكتروني: jmillman@iom.int',
      arabic,
    );
    expect(other).toEqual([
      { name: 'جويل ميلمان', phone: '+41 22 717 9486', email: 'jmillman@iom.int', leftOver: [] },
    ]);
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
