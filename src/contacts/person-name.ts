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
 * - In Spanish and Portuguese (`lang` es or pt), where people carry two surnames, two
 *   capitalised words at the end are the family name, and the words before are one given
 *   name: `María José Núñez Peña` → family `Núñez Peña`, given `María José`;
 *   `Gabriel García Márquez` → `García Márquez`, `Gabriel`. Particles before the first
 *   surname join it (`Ana de Sousa Costa` → `de Sousa Costa`); one after it does not
 *   make two surnames (`Ana María de la Cruz` → `de la Cruz`, as in other languages).
 * - `givenName` and `familyName`, when the author gives them, win over the rule: the rest
 *   of the name (`Dr.`, `, Jr.`) still gives prefixes and suffixes.
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
  [
    'dr',
    'dra',
    'prof',
    'mr',
    'mrs',
    'ms',
    'mx',
    'mme',
    'mlle',
    'sir',
    'dame',
    'me',
    'sr',
    'sra',
    'srta',
  ].flatMap((word) => [word, `${word}.`]),
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

export interface NameOptions {
  /** The release's language: es and pt keep two surnames together. */
  lang?: string;
  givenName?: string;
  familyName?: string;
}

export function splitPersonName(name: string, options: NameOptions = {}): NameParts {
  const parts = splitByRule(name, options.lang);
  const given = options.givenName?.trim();
  const family = options.familyName?.trim();
  if (!given && !family) return parts;
  const written = [parts.given, ...parts.additional, parts.family].filter(Boolean).join(' ');
  return {
    ...parts,
    family: family || remainder(written, given ?? '', 'after') || parts.family,
    given: given || remainder(written, family ?? '', 'before') || parts.given,
    additional: [],
  };
}

/** What `written` holds after `known` at its start, or before `known` at its end. */
function remainder(written: string, known: string, side: 'after' | 'before'): string {
  if (side === 'after' && written.startsWith(`${known} `)) return written.slice(known.length + 1);
  if (side === 'before' && written.endsWith(` ${known}`))
    return written.slice(0, -known.length - 1);
  return '';
}

const TWO_SURNAMES = new Set(['es', 'pt']);

function splitByRule(name: string, lang = ''): NameParts {
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

  const isParticle = (index: number): boolean => PARTICLES.has((words[index] ?? '').toLowerCase());
  const capitalised = (index: number): boolean => /^\p{Lu}/u.test(words[index] ?? '');
  let familyStart = words.length - 1;
  const twoSurnames = TWO_SURNAMES.has(lang.toLowerCase().split('-')[0] ?? '');
  // Two capitalised surnames at the end, with a given name left before them.
  if (twoSurnames && familyStart > 1 && capitalised(familyStart) && capitalised(familyStart - 1)) {
    familyStart -= 1;
    while (familyStart > 1 && isParticle(familyStart - 1)) familyStart -= 1;
    return {
      family: words.slice(familyStart).join(' '),
      given: words.slice(0, familyStart).join(' '),
      additional: [],
      prefixes,
      suffixes,
    };
  }
  while (familyStart > 1 && isParticle(familyStart - 1)) familyStart -= 1;
  return {
    family: words.slice(familyStart).join(' '),
    given: words[0] ?? '',
    additional: words.slice(1, familyStart),
    prefixes,
    suffixes,
  };
}
