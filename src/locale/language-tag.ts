/**
 * CLDR's names of languages: a subtag it cannot name is no language anyone writes in. Made
 * on first use: loading ICU's display names takes ~2 ms, and most builds never ask.
 */
let languageNames: Intl.DisplayNames | undefined;

/** language, then an optional script (Latn) and region (BE, 419): what a translation is named by. */
const SHAPE = /^([a-z]{2,3})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?$/i;

/**
 * Whether `name` is a BCP 47 tag naming a known language, e.g. `fr`, `fr-BE`, `zh-Hant-TW`,
 * `es-419`: `oim-belgique-accord-cadre` and `new-office` have the shape of words, not tags.
 * Variants and extensions are left out on purpose: every hyphenated word would pass as one.
 */
export function isLanguageTag(name: string): boolean {
  const match = SHAPE.exec(name);
  if (!match?.[1]) return false;
  try {
    if (Intl.getCanonicalLocales(name).length !== 1) return false;
  } catch {
    return false;
  }
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  return languageNames.of(match[1].toLowerCase()) !== undefined;
}
