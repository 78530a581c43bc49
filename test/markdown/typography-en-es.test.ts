import { describe, expect, test } from 'vitest';
import { applyTypography } from '../../src/markdown/typography.js';

const URL = 'https://example.com/a:b?x=1;y=2';

const english: [name: string, input: string, expected: string][] = [
  ['double quotes', '"Hello," she said.', '“Hello,” she said.'],
  ['contractions', "don't, it's, we'll, O'Brien", 'don’t, it’s, we’ll, O’Brien'],
  ['decades', "in the '90s and '26", 'in the ’90s and ’26'],
  ['leading elisions', "'tis rock 'n' roll", '’tis rock ’n’ roll'],
  ['nested quotes', `"She said 'hi' to me."`, '“She said ‘hi’ to me.”'],
  ['quote ending in a question', `He asked, "Why?"`, 'He asked, “Why?”'],
  ['plural possessive', "the students' books", 'the students’ books'],
  ['measures stay straight', `She's 5'10" with a 12" board`, `She’s 5'10" with a 12" board`],
  ['a number ends a quotation', '"Top 10" list', '“Top 10” list'],
  ['ambiguous quote stays straight', 'a " b', 'a " b'],
  ['quote after a dash', 'yes—"no"', 'yes—“no”'],
  ['quoted URL', `See "${URL}".`, `See “${URL}”.`],
  [
    'URL with an apostrophe',
    "see https://example.com/it's-here",
    "see https://example.com/it's-here",
  ],
  ['no French spacing', 'Really? Note: at 9:30; ratio 3:1!', 'Really? Note: at 9:30; ratio 3:1!'],
  ['guillemets untouched', '« x »', '« x »'],
  ['e-mail', "Write to o'brien@example.com.", "Write to o'brien@example.com."],
  ['numbers', '1,000.5 and 3:1', '1,000.5 and 3:1'],
  ['ellipsis', 'Wait...', 'Wait…'],
  ['already curly', '“Don’t,” she said. ‘Fine.’', '“Don’t,” she said. ‘Fine.’'],
];

const spanish: [name: string, input: string, expected: string][] = [
  ['straight quotes', 'Dijo "hola".', 'Dijo «hola».'],
  ['spaces inside guillemets', '« hola »', '«hola»'],
  ['narrow spaces inside guillemets', '«\u202Fhola\u00A0»', '«hola»'],
  ['nested quotes', '"Dijo "sí" ayer"', '«Dijo “sí” ayer»'],
  ['inverted marks untouched', '¿Qué? ¡Sí! ¿ Vale ?', '¿Qué? ¡Sí! ¿ Vale ?'],
  ['apostrophe', "O'Donnell", 'O’Donnell'],
  ['no French spacing', 'Nota: a las 9:30; 3:1', 'Nota: a las 9:30; 3:1'],
  ['URL', `Ver ${URL} y press@example.es.`, `Ver ${URL} y press@example.es.`],
  ['ellipsis', 'Pues...', 'Pues…'],
];

describe('English typography', () => {
  test.each(english)('%s', (_name, input, expected) => {
    expect(applyTypography(input, 'en')).toBe(expected);
    expect(applyTypography(expected, 'en')).toBe(expected);
  });

  test.each(['en-US', 'en-GB', 'EN'])('%s follows English rules', (lang) => {
    expect(applyTypography(`"It's"`, lang)).toBe('“It’s”');
  });
});

describe('Spanish typography', () => {
  test.each(spanish)('%s', (_name, input, expected) => {
    expect(applyTypography(input, 'es')).toBe(expected);
    expect(applyTypography(expected, 'es')).toBe(expected);
  });

  test.each(['es-ES', 'es-MX', 'es-419'])('%s follows Spanish rules', (lang) => {
    expect(applyTypography('Dijo "hola" y « adiós »', lang)).toBe('Dijo «hola» y «adiós»');
  });
});

describe('other languages', () => {
  test.each(['it-IT', 'sw', '', 'x'])('%s is left unchanged', (lang) => {
    const text = `"Hallo" ... l'OIM « x » mot ; ${URL}`;
    expect(applyTypography(text, lang)).toBe(text);
  });
});
