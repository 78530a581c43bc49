/**
 * Soft hyphens from TeX's pattern dictionaries (the `hyphen` package, Liang's algorithm),
 * for the languages that have them: the print browser has no hyphenation dictionary of its
 * own, and justified lines without hyphens go loose (German worst of all).
 */
import { createRequire } from 'node:module';
import { hyphenationDictionary } from '../locale/hyphenation.js';
import { memoized } from '../util/memo.js';

const require = createRequire(import.meta.url);
const SHY = '\u00AD';
/** Bounds the memory of the per-language word cache (a few MB at most). */
const MAX_CACHED_WORDS = 50_000;

/** Hyphenates one word, with soft hyphens. */
type Hyphenator = (word: string) => string;
/** By dictionary and shortest word hyphenated. */
const loaded = new Map<string, Hyphenator>();

function hyphenator(name: string, minWordLength: number): Hyphenator {
  const key = `${name}:${minWordLength}`;
  let found = loaded.get(key);
  if (!found) {
    const module: unknown = require(`hyphen/${name}`);
    if (
      typeof module !== 'object' ||
      module === null ||
      !('hyphenateSync' in module) ||
      typeof module.hyphenateSync !== 'function'
    ) {
      throw new Error(`hyphen/${name} has no hyphenateSync`);
    }
    const hyphenateSync = module.hyphenateSync;
    // Press releases repeat their words, and a language's releases each other's: each word
    // is worked out once per process (the patterns were a twentieth of a build's CPU).
    found = memoized(
      (word) => String(hyphenateSync(word, { hyphenChar: SHY, minWordLength })),
      MAX_CACHED_WORDS,
    );
    loaded.set(key, found);
  }
  return found;
}

/** Never hyphenated: headings, code, the dateline, and isolated Latin runs. */
const SKIPPED = /^<(h[1-6]|code|pre|span dir="ltr"|span class="dateline")(?=[\s>])/u;

/**
 * `html` (a release's rendered Markdown) with soft hyphens in each word of at least
 * `minWordLength` letters, outside headings, code and addresses. Unchanged when the
 * language has no dictionary.
 */
export function hyphenateHtml(html: string, lang: string, minWordLength: number): string {
  const name = hyphenationDictionary(lang);
  if (!name) return html;
  const hyphenate = hyphenator(name, minWordLength);
  const open: string[] = [];
  return html
    .split(/(<[^>]*>)/u)
    .map((part) => {
      if (part.startsWith('<')) {
        const skipped = SKIPPED.exec(part)?.[1];
        if (skipped) open.push(skipped.split(' ')[0] ?? skipped);
        else if (part.startsWith('</') && open.at(-1) === part.slice(2, -1)) open.pop();
        return part;
      }
      if (open.length > 0 || part === '') return part;
      // Letters only, and not part of an address (e-mail, URL, file name) or an entity.
      return part.replace(
        /(?<![\p{L}\p{M}\p{N}@./:&#_-])[\p{L}\p{M}]+(?![\p{L}\p{M}\p{N}@/:_-]|\.\p{L})/gu,
        (word) => (word.length < minWordLength ? word : hyphenate(word)),
      );
    })
    .join('');
}
