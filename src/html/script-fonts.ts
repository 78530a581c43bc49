/**
 * Fonts for the scripts Latin faces lack: Arabic (Amiri, a Naskh face, for serif and sans
 * text alike, as Arabic releases set one face) and Chinese (Noto Sans SC), both OFL.
 * Amiri rather than Noto Naskh or Noto Sans Arabic: those build dotted letters from a
 * dotless base and a dot mark, and text copied from the PDF (pdftotext, viewers) comes out
 * with a space inside every such word ("المن ظ مة"); Amiri's comes out whole. Unlike the Latin
 * faces, whose @fontsource subsets are small and shared by every release, these are cut
 * down with HarfBuzz's subsetter (`subset-font`) to the characters one page uses: a whole
 * CJK face is 10 MB a weight, a release needs a few hundred glyphs. HarfBuzz keeps what
 * shaping reaches from those characters (Arabic joining forms, lam-alef), and gives the
 * same bytes for the same text, so kits stay reproducible.
 *
 * The subsets are TrueType, not WOFF2: WOFF2's Brotli (in WebAssembly) takes seconds on
 * a CJK subset where the subsetting takes a tenth of one; the zip deflates them anyway.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** Where the build copies a script face's files (scripts/copy-fonts.js): fonts/<package>/. */
export function scriptFontFile(pkg: string, path: string): string {
  return join(PACKAGE_ROOT, 'fonts', basename(pkg), path);
}

interface ScriptFace {
  family: string;
  /** The characters this face draws (its `unicode-range` is cut to those a page has). */
  covers: RegExp;
  /** The characters that call for the face at all: an English page's “” do not. */
  needs: RegExp;
  /** Font file per weight, as `[package, path inside it]`. */
  files: Readonly<Record<number, readonly [string, string]>>;
}

/** Arabic, Arabic Supplement and Extended-A, presentation forms, and the marks Arabic uses. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
/**
 * Han, CJK punctuation, full-width forms, and the quotes, dashes and ellipsis a Chinese
 * page sets full width (its font stack puts this face first, see style.css).
 */
const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’…—·]/u;

const fontsource = (pkg: string, file: string): readonly [string, string] => [
  `@fontsource/${pkg}`,
  `files/${pkg}-arabic-${file}-normal.woff`,
];

export const SCRIPT_FACES: readonly ScriptFace[] = [
  {
    family: 'Amiri',
    covers: ARABIC,
    needs: ARABIC,
    files: { 400: fontsource('amiri', '400'), 700: fontsource('amiri', '700') },
  },
  {
    family: 'Noto Sans SC',
    covers: CJK,
    needs: /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u,
    files: {
      400: ['@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'],
      700: ['@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'],
    },
  },
];

/** Whole fonts, read once (WOFF 1 unpacked once: HarfBuzz reads TrueType). */
const fonts = new Map<string, Promise<Buffer>>();
/** Subsets by font and text: a page and its print need the same ones. */
const subsets = new Map<string, Promise<Buffer>>();
const MAX_CACHED_SUBSETS = 64;

/**
 * The `@font-face` rules, fonts inline as `data:` URIs, for the characters of `points`
 * that each script face draws. None for a page without Arabic or Chinese.
 */
export async function scriptFontFaces(points: readonly number[]): Promise<string[]> {
  const rules: string[] = [];
  for (const face of SCRIPT_FACES) {
    const chars = points
      .filter((point) => face.covers.test(String.fromCodePoint(point)))
      .sort((a, b) => a - b);
    if (!chars.some((point) => face.needs.test(String.fromCodePoint(point)))) continue;
    const text = String.fromCodePoint(...chars);
    for (const [weight, file] of Object.entries(face.files)) {
      const bytes = await subset(file, text);
      rules.push(
        `@font-face { font-family: '${face.family}'; font-style: normal; font-weight: ${weight}; ` +
          `font-display: block; src: url(data:font/ttf;base64,${bytes.toString('base64')}) format('truetype'); ` +
          `unicode-range: ${unicodeRange(chars)}; }`,
      );
    }
  }
  return rules;
}

function subset(file: readonly [string, string], text: string): Promise<Buffer> {
  const key = `${file.join('/')}\n${text}`;
  let made = subsets.get(key);
  if (!made) {
    made = makeSubset(file, text);
    if (subsets.size >= MAX_CACHED_SUBSETS) subsets.delete(subsets.keys().next().value ?? '');
    subsets.set(key, made);
    made.catch(() => subsets.delete(key));
  }
  return made;
}

async function makeSubset(file: readonly [string, string], text: string): Promise<Buffer> {
  const { default: subsetFont } = await import('subset-font');
  const font = await wholeFont(file);
  // Hinting is for screens' pixels at small sizes; Chrome and PDF viewers do without.
  return subsetFont(font, text, { targetFormat: 'truetype', noHinting: true });
}

function wholeFont([pkg, path]: readonly [string, string]): Promise<Buffer> {
  const key = `${pkg}/${path}`;
  let font = fonts.get(key);
  if (!font) {
    font = (async () => {
      const bytes = await readFile(scriptFontFile(pkg, path));
      if (!path.endsWith('.woff')) return bytes;
      const { default: fontverter } = await import('fontverter');
      return fontverter.convert(bytes, 'sfnt');
    })();
    fonts.set(key, font);
  }
  return font;
}

/** Sorted code points as a CSS `unicode-range`: `U+4E2D,U+56FD-56FE`. */
function unicodeRange(points: readonly number[]): string {
  const ranges: string[] = [];
  let start = points[0] ?? 0;
  let end = start;
  const hex = (point: number): string => point.toString(16).toUpperCase();
  for (const point of [...points.slice(1), -1]) {
    if (point === end + 1) {
      end = point;
      continue;
    }
    ranges.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
    start = end = point;
  }
  return ranges.join(',');
}
