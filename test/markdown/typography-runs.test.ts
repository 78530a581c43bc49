import { describe, expect, test } from 'vitest';
import { applyTypography, applyTypographyToRuns } from '../../src/markdown/typography.js';

const N = '\u202F';
const S = '\u00A0';

describe('a run typeset in isolation', () => {
  // What a Markdown renderer sees when it calls applyTypography on each text token.
  const cases: [lang: string, runs: string[], expected: string[]][] = [
    // « *Aucun* Etat »
    ['fr', ['« ', 'Aucun', ' Etat »'], [`«${N}`, 'Aucun', ` Etat${N}»`]],
    // «*Aucun* Etat*»* without the author's spaces
    ['fr', ['«', 'Aucun', ' Etat', '»'], [`«${N}`, 'Aucun', ' Etat', `${N}»`]],
    // Il a dit *oui*! / *oui* ? / **Attention**: / `code`;
    ['fr', ['Il a dit ', 'oui', '! Et toi ?'], ['Il a dit ', 'oui', `${N}! Et toi${N}?`]],
    ['fr', ['Attention', ': lire'], ['Attention', `${S}: lire`]],
    ['fr', ['; la suite'], [`${N}; la suite`]],
    // A run that starts with a closing quote after an emphasis: "*Bonjour*", dit-il
    ['fr', ['"', 'Bonjour', '", dit-il'], [`«${N}`, 'Bonjour', `${N}», dit-il`]],
    ['en', ['"', 'Hello', '" she said'], ['“', 'Hello', '” she said']],
    ['en', ['"', 'Hello', '," she said'], ['“', 'Hello', ',” she said']],
    // *Bob*'s car, *we*'ll see
    ['en', ["'s car"], ['’s car']],
    ['en', ["'ll see"], ['’ll see']],
    ['es', ['"', 'Hola', '", dijo'], ['«', 'Hola', '», dijo']],
    ['es', ['« ', 'Hola', ' »'], ['«', 'Hola', '»']],
  ];

  test.each(cases)('%s %j', (lang, runs, expected) => {
    expect(runs.map((run) => applyTypography(run, lang))).toEqual(expected);
  });

  test('a time or ratio at the start of a run is untouched', () => {
    expect(applyTypography(':30 et 3:1', 'fr')).toBe(':30 et 3:1');
  });
});

describe('the runs of a paragraph typeset together', () => {
  test('a closing quote alone in its run closes', () => {
    // "*Bonjour*" — in isolation the last run could only guess.
    expect(applyTypographyToRuns(['"', 'Bonjour', '"'], 'fr')).toEqual([
      `«${N}`,
      'Bonjour',
      `${N}»`,
    ]);
    expect(applyTypographyToRuns(["'", 'Hi', "'"], 'en')).toEqual(['‘', 'Hi', '’']);
  });

  test('quote nesting is known across runs', () => {
    expect(applyTypographyToRuns(['« Il a dit ', 'vraiment', ' "oui" »'], 'fr')).toEqual([
      `«${N}Il a dit `,
      'vraiment',
      ` “oui”${N}»`,
    ]);
  });

  test('verbatim runs are returned unchanged and read as words', () => {
    const out = applyTypographyToRuns(
      [
        'Tapez ',
        { text: 'a;b "x" ...', verbatim: true },
        '! Puis « ',
        { text: 'c', verbatim: true },
        '»',
      ],
      'fr',
    );
    expect(out).toEqual(['Tapez ', 'a;b "x" ...', `${N}! Puis «${N}`, 'c', `${N}»`]);
  });

  test('inserted spaces never enter a verbatim run', () => {
    expect(applyTypographyToRuns([{ text: 'x', verbatim: true }, '!'], 'fr')).toEqual([
      'x',
      `${N}!`,
    ]);
    expect(applyTypographyToRuns(['«', { text: 'x', verbatim: true }], 'fr')).toEqual([
      `«${N}`,
      'x',
    ]);
  });

  test('no runs, no output', () => {
    expect(applyTypographyToRuns([], 'fr')).toEqual([]);
  });

  const paragraphs: [lang: string, text: string][] = [
    [
      'fr',
      `« Aucun Etat ! » a-t-il dit: "non"; voir https://example.com/a:b?x=1;y=2 à 9:30 ; l'OIM...`,
    ],
    ['fr', 'Et d’ajouter : «  Ce partenariat   renforcé » ?! Tel: +1 212 681 7000'],
    ['en', `"She said 'it's fine' in the '90s," he wrote... 5'10" tall`],
    ['es', `Dijo " hola " y "adiós" ¿vale? « sí »`],
  ];

  // Splitting a paragraph anywhere must not change the text, only where it is cut.
  test.each(paragraphs)('%s: every split joins back to the whole result', (lang, text) => {
    const whole = applyTypography(text, lang);
    expect(whole).not.toBe(text);
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i, Math.min(text.length, i + 1), Math.min(text.length, i + 3)]) {
        const runs = [text.slice(0, i), text.slice(i, j), text.slice(j)];
        const out = applyTypographyToRuns(runs, lang);
        expect(out).toHaveLength(3);
        expect(out.join(''), `split at ${i}, ${j}`).toBe(whole);
      }
    }
  });
});
