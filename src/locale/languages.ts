/**
 * A language's own name and writing direction, from CLDR through Intl, for any BCP 47 tag:
 * a language switcher and the newsroom name each language as its readers do.
 */
import { memoized } from '../util/memo.js';

/** ISO 15924 codes of the scripts written right to left (Unicode's bidi class R and AL). */
const RTL_SCRIPTS = new Set([
  'Adlm',
  'Arab',
  'Hebr',
  'Mand',
  'Mend',
  'Nkoo',
  'Rohg',
  'Samr',
  'Syrc',
  'Thaa',
  'Yezi',
]);

/**
 * `rtl` for Arabic, Hebrew, Persian, Urdu… (also `ar-Latn`: `ltr`), else `ltr`: from the
 * script CLDR expects for the tag (`ar` → Arab, `az` → Latn), a list rather than
 * Intl.Locale's textInfo, which Node 20 lacks.
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  return directionOf(lang);
}

// Kept per tag: Intl.Locale's maximize() takes about 70 µs, and a check of 1,000 releases
// or their newsroom asks the same few tags thousands of times.
const directionOf = memoized((lang: string): 'ltr' | 'rtl' => {
  const script = likelyScript(lang);
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
});

function likelyScript(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang.trim().replaceAll('_', '-')).maximize().script;
  } catch {
    return undefined;
  }
}

/**
 * The language's name in that language, capitalised as a menu item: `fr` → "Français",
 * `ar` → "العربية", `zh` → "中文", `fr-BE` → "Français (Belgique)". The tag itself when
 * CLDR has no name for it.
 */
export function nativeLanguageName(lang: string): string {
  return nameOf(lang);
}

const nameOf = memoized((lang: string): string => {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }).of(lang);
  } catch {
    name = undefined;
  }
  if (!name) return lang;
  const first = String.fromCodePoint(name.codePointAt(0) ?? 0);
  return first.toLocaleUpperCase(lang) + name.slice(first.length);
});
