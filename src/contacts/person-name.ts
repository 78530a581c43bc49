/**
 * Splits a display name into the five components of the vCard `N` property. Authors write one
 * `name`; address books sort and show by family name, so a simple, predictable rule is better
 * than none:
 *
 * - Everything after the first comma is a list of honorific suffixes: `Jane Doe, Jr.` →
 *   suffix `Jr.`; `John Smith, Jr., PhD` → suffixes `Jr.`, `PhD`.
 * - Leading titles from a short list (`Dr.`, `Prof.`, `Mme`, …) are honorific prefixes, as long as
 *   a word is left after them.
 * - The last word is the family name, together with any particles (case-insensitive) just
 *   before it (`de`, `van`, `von`, `le`, …) but never the first word: `Alexander De Croo` →
 *   family `De Croo`.
 * - The first word is the given name; words in between are additional names.
 * - A single word is a given name (`Cher`), or a family name after a prefix (`Dr. Watson`).
 *
 * Names written family-name first (many East Asian names) cannot be told apart and come out
 * reversed in N; FN, which apps display, is always the name exactly as written.
 */

export interface NameParts {
  family: string;
  given: string;
  additional: string[];
  prefixes: string[];
  suffixes: string[];
}

const PREFIXES = new Set(
  ['dr', 'prof', 'mr', 'mrs', 'ms', 'mx', 'mme', 'mlle', 'sir', 'dame', 'me'].flatMap((word) => [
    word,
    `${word}.`,
  ]),
);

const PARTICLES = new Set([
  'da',
  'das',
  'de',
  'del',
  'della',
  'der',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'van',
  'von',
  'den',
  'ten',
  'ter',
  'bin',
  'ibn',
  'al',
  'el',
]);

export function splitPersonName(name: string): NameParts {
  const [base = '', ...rest] = name.split(',');
  const suffixes = rest.map((part) => part.trim()).filter((part) => part !== '');
  const words = base
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');

  const prefixes: string[] = [];
  while (words.length > 1 && PREFIXES.has((words[0] ?? '').toLowerCase())) {
    prefixes.push(words.shift() ?? '');
  }

  if (words.length <= 1) {
    const word = words[0] ?? '';
    return prefixes.length > 0
      ? { family: word, given: '', additional: [], prefixes, suffixes }
      : { family: '', given: word, additional: [], prefixes, suffixes };
  }

  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has((words[familyStart - 1] ?? '').toLowerCase())) {
    familyStart -= 1;
  }
  return {
    family: words.slice(familyStart).join(' '),
    given: words[0] ?? '',
    additional: words.slice(1, familyStart),
    prefixes,
    suffixes,
  };
}
