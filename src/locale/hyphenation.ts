import { primaryLanguage } from './i18n.js';

/** `hyphen`'s dictionaries, by the language tag they serve. */
const DICTIONARIES = new Set(
  (
    'af as be bg bn ca cs cy da de el-monoton en-gb en-us es et eu fi fr fur ga gl gu hi hr ' +
    'hsb hu hy ia id is it ka kmr kn la lt lv mk ml mn-cyrl mr nb nl nn oc or pa pl pms pt ' +
    'rm ro ru sa sh-latn sk sl sq sr-cyrl sv ta te th tk tr uk'
  ).split(' '),
);
/** Primary languages whose dictionary is named otherwise. */
const ALIASES: Readonly<Record<string, string>> = {
  el: 'el-monoton',
  mn: 'mn-cyrl',
  no: 'nb',
  sr: 'sr-cyrl',
  sh: 'sh-latn',
};
/** English outside the US hyphenates the British way (by etymology, not by sound). */
const US_ENGLISH = new Set(['US', 'PH', 'PR', 'UM', 'VI', 'AS', 'GU', 'MP']);

/** The dictionary for `lang`, or undefined when there is none (Chinese, Arabic, Swahili...). */
export function hyphenationDictionary(lang: string): string | undefined {
  const primary = primaryLanguage(lang);
  if (primary === 'en') {
    const region = /[-_]([a-z]{2})\b/iu.exec(lang.slice(2))?.[1]?.toUpperCase();
    return region === undefined || US_ENGLISH.has(region) ? 'en-us' : 'en-gb';
  }
  const name = ALIASES[primary] ?? primary;
  return DICTIONARIES.has(name) ? name : undefined;
}

/**
 * Whether print text in `lang` is justified: where there is a dictionary to hyphenate it,
 * and in scripts that justify without hyphens (Chinese and Japanese between any two
 * characters, Arabic script by its spaces). Elsewhere it is set ragged, not loose.
 */
export function justifiesInPrint(lang: string): boolean {
  if (hyphenationDictionary(lang) !== undefined) return true;
  return ['zh', 'ja', 'ko', 'ar', 'fa', 'ur', 'ps', 'sd', 'ug', 'ckb'].includes(
    primaryLanguage(lang),
  );
}
