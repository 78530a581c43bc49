import { describe, expect, test } from 'vitest';
import { applyTypography } from '../../src/markdown/typography.js';

/** Narrow no-break space (inside « », before ; ! ?) and no-break space (before :). */
const N = '\u202F';
const S = '\u00A0';

const URL = 'https://example.com/a:b?x=1;y=2';

const cases: [name: string, input: string, expected: string][] = [
  ['guillemets with spaces', '« Bonjour »', `«${N}Bonjour${N}»`],
  ['guillemets without spaces', '«Bonjour»', `«${N}Bonjour${N}»`],
  ['guillemets with no-break spaces', `«${S}Bonjour${S}»`, `«${N}Bonjour${N}»`],
  ['guillemets with several spaces', '«   Bonjour \t »', `«${N}Bonjour${N}»`],
  ['guillemets across a soft line break', '«\nBonjour\n»', `«${N}Bonjour${N}»`],
  ['question mark after a space', 'Vraiment ?', `Vraiment${N}?`],
  ['question mark glued', 'Vraiment?', `Vraiment${N}?`],
  ['question mark after a no-break space', `Vraiment${S}?`, `Vraiment${N}?`],
  ['exclamation mark', 'Attention ! Et encore!', `Attention${N}! Et encore${N}!`],
  ['semicolon', 'un ; deux;trois; quatre', `un${N}; deux;trois${N}; quatre`],
  ['clusters take one space', 'Quoi ?! Quoi?! Non!!!', `Quoi${N}?! Quoi${N}?! Non${N}!!!`],
  ['colon after a space', 'Note : voir', `Note${S}: voir`],
  ['colon glued', 'Note: voir', `Note${S}: voir`],
  ['colon after a narrow space', `Note${N}: voir`, `Note${S}: voir`],
  ['colon at the end', 'Il a dit:', `Il a dit${S}:`],
  [
    'colon before a guillemet',
    'Et d’ajouter : « Ce partenariat »',
    `Et d’ajouter${S}: «${N}Ce partenariat${N}»`,
  ],
  [
    'punctuation after a closing guillemet',
    '« Oui »; « non »!',
    `«${N}Oui${N}»${N}; «${N}non${N}»${N}!`,
  ],
  ['punctuation after a parenthesis', '(voir plus bas)!', `(voir plus bas)${N}!`],
  ['lone question mark in parentheses', 'Il viendra (?) demain.', 'Il viendra (?) demain.'],
  ['time', 'Rendez-vous à 9:30 précises.', 'Rendez-vous à 9:30 précises.'],
  ['time at the end of a sentence', 'À 10:00!', `À 10:00${N}!`],
  ['ratio', 'un ratio de 3:1 en faveur', 'un ratio de 3:1 en faveur'],
  ['numbers', 'soit 1,000.5 ou 1 000,5 euros', 'soit 1,000.5 ou 1 000,5 euros'],
  ['URL alone', `Voir ${URL} pour le détail.`, `Voir ${URL} pour le détail.`],
  ['URL then punctuation', `Voir ${URL} ; puis ${URL}!`, `Voir ${URL}${N}; puis ${URL}${N}!`],
  ['URL in guillemets', `«${URL}»`, `«${N}${URL}${N}»`],
  ['URL with www', 'Site: www.iom.int/fr?x=1;y=2:z', `Site${S}: www.iom.int/fr?x=1;y=2:z`],
  [
    'URL with parentheses',
    'Voir https://fr.wikipedia.org/wiki/OIM_(agence) !',
    `Voir https://fr.wikipedia.org/wiki/OIM_(agence)${N}!`,
  ],
  ['bare http scheme', 'le préfixe http:// seul', 'le préfixe http:// seul'],
  [
    'e-mail addresses',
    'Écrire à oheadon@iom.int ou press+fr@example.co.uk.',
    'Écrire à oheadon@iom.int ou press+fr@example.co.uk.',
  ],
  ['e-mail after a colon', 'Email: oheadon@iom.int', `Email${S}: oheadon@iom.int`],
  ['mailto', 'mailto:a.b@example.org?', `mailto:a.b@example.org${N}?`],
  [
    'HTML entities',
    'Smith &amp; Jones &#233; &#x2019; !',
    `Smith &amp; Jones &#233; &#x2019;${N}!`,
  ],
  ['code-like text', 'x=1;y=2 a:b f(a,b) a->b', 'x=1;y=2 a:b f(a,b) a->b'],
  ['apostrophes', "l'OIM d'aujourd'hui jusqu'à", 'l’OIM d’aujourd’hui jusqu’à'],
  ['straight double quotes', 'Il a dit "bonjour".', `Il a dit «${N}bonjour${N}».`],
  [
    'nested straight quotes',
    'Il a dit "elle a dit "oui" hier".',
    `Il a dit «${N}elle a dit “oui” hier${N}».`,
  ],
  ['straight quotes inside guillemets', '« Il a dit "oui" »', `«${N}Il a dit “oui”${N}»`],
  ['ellipsis', 'Et alors... rien.', 'Et alors… rien.'],
  ['four dots are not an ellipsis', 'Et alors....', 'Et alors....'],
  [
    'phone line of the seed',
    'Tel: +1 212 681 7000 Ext. 221, Email: oheadon@iom.int',
    `Tel${S}: +1 212 681 7000 Ext. 221, Email${S}: oheadon@iom.int`,
  ],
  ['no space across a blank line', 'mot\n\n! «\n\nx', 'mot\n\n! «\n\nx'],
  ['empty text', '', ''],
  [
    'seed quote',
    '« Aucun Etat ou organisation ne peut agir seul dans le monde interconnecté d’aujourd’hui. Il est urgent de renforcer l’action collective », a déclaré William Lacy Swing.',
    `«${N}Aucun Etat ou organisation ne peut agir seul dans le monde interconnecté d’aujourd’hui. Il est urgent de renforcer l’action collective${N}», a déclaré William Lacy Swing.`,
  ],
];

describe('French typography', () => {
  test.each(cases)('%s', (_name, input, expected) => {
    expect(applyTypography(input, 'fr')).toBe(expected);
  });

  test.each(cases)('%s: idempotent', (_name, input, expected) => {
    expect(applyTypography(expected, 'fr')).toBe(expected);
    expect(applyTypography(applyTypography(input, 'fr'), 'fr')).toBe(expected);
  });

  test.each(['fr', 'fr-BE', 'fr-CA', 'FR', 'fr_CH', ' fr-Latn-FR '])(
    '%s follows French rules',
    (lang) => {
      expect(applyTypography('« Oui ? » dit-il: "non".', lang)).toBe(
        `«${N}Oui${N}?${N}» dit-il${S}: «${N}non${N}».`,
      );
    },
  );

  test('only the expected characters change', () => {
    const input = '« Aucun Etat » : oui ; non ! peut-être ?';
    const output = applyTypography(input, 'fr');
    // Removing the spaces, both texts are the same characters in the same order.
    expect(output.replace(/\s/gu, '')).toBe(input.replace(/\s/gu, ''));
    expect([...output].filter((char) => char === N)).toHaveLength(5);
    expect([...output].filter((char) => char === S)).toHaveLength(1);
  });
});
