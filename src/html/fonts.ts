import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { scriptFontFaces } from './script-fonts.js';
import { assembledBytes } from '../util/assembled-bytes.js';

/**
 * Bundled OFL faces: the output must not depend on the fonts of the machine that builds it.
 * The build copies what presskit uses of these packages (these CSS files, their Latin and
 * Latin Extended fonts, the licence) into the package's fonts/ (scripts/copy-fonts.js), so
 * an installed presskit carries half a megabyte of fonts rather than two 9 MB packages.
 */
export const FONT_FACES = [
  {
    family: 'Source Serif 4',
    pkg: '@fontsource/source-serif-4',
    css: ['400.css', '400-italic.css', '700.css'],
  },
  { family: 'Inter', pkg: '@fontsource/inter', css: ['400.css', '600.css'] },
];

/**
 * Latin covers French, English, Spanish, German, Portuguese; latin-ext the rest of Western
 * and Central Europe; cyrillic and cyrillic-ext Russian and the other Cyrillic languages.
 */
const SUBSETS = /-(latin|latin-ext|cyrillic|cyrillic-ext)-\d{3}-(normal|italic) \*\//;

/**
 * What a template prints where the `@font-face` rules go (its `fontCss` variable); replaced
 * by `withFontFaces` once the page is complete and its characters are known.
 */
export const FONT_FACES_PLACEHOLDER = '/* presskit: @font-face rules */';

/**
 * Where the print page asks for its fonts (see `withFontFaces`). `.invalid` never resolves
 * (RFC 2606), and the print page's request filter answers these from memory.
 */
export const PRINT_FONT_ORIGIN = 'https://fonts.presskit.invalid';

/** How a page gets its fonts: inline `data:` URIs, or from PRINT_FONT_ORIGIN while printing. */
export type FontDelivery = 'inline' | 'print';

/** One `@font-face` rule, with the code points its `unicode-range` covers. */
interface FontFaceRule {
  /** Its place among all the rules: a set of rules is known by their ids. */
  id: number;
  /** The rule with its font inline, as a `data:` URI. */
  css: string;
  /** The same rule with its font at PRINT_FONT_ORIGIN. */
  printCss: string;
  ranges: readonly (readonly [number, number])[];
}

/** Where the build puts the fonts of `pkg` (`@fontsource/inter` → `fonts/inter`). */
export function fontFolder(pkg: string): string {
  return join(PACKAGE_ROOT, 'fonts', basename(pkg));
}

/** The `@font-face` blocks of a face's CSS that presskit uses, each with its font file. */
export function usedSubsets(css: string): { block: string; file: string }[] {
  return css
    .split(/(?=\/\* )/)
    .filter((block) => SUBSETS.test(block))
    .map((block) => ({ block, file: fontFile(block) }));
}

/** The subsets of one face (family, weight, style), in the order their CSS defines them. */
type FaceRules = FontFaceRule[];

let cached: Promise<FaceRules[]> | undefined;
/** The fonts behind PRINT_FONT_ORIGIN by URL, once the rules are loaded. */
const printFonts = new Map<string, Buffer>();

/**
 * Replaces the placeholder in `html` with the `@font-face` rules, every font inlined as a
 * `data:` URI: a page whose document is set in place (on about:blank) has an opaque origin,
 * where `file://` fonts are silently blocked, and the kit's page must load nothing from
 * outside itself.
 *
 * Only the subsets a browser would download for the page's characters are inlined: for
 * each character, the last-defined subset whose `unicode-range` holds it (CSS Fonts 4,
 * §4.5). An English or French release thus needs no Central European glyphs ("œ" is in
 * both Latin and Latin Extended, and Latin comes last), and leaving them out halves the
 * size of the page, the PDF's input and the zip.
 *
 * For printing, `'print'` points the rules at PRINT_FONT_ORIGIN instead: Chrome then loads
 * each font once per page and keeps it for the next documents, where `data:` fonts are
 * decoded again with every document (a fifth of Chrome's time per release).
 */
export async function withFontFaces(
  html: string,
  delivery: FontDelivery = 'inline',
  /** More text whose characters count as the page's (see `renderPage`). */
  alsoText = '',
): Promise<string> {
  if (!html.includes(FONT_FACES_PLACEHOLDER)) return html;
  const { rules, scriptRules } = await neededRules(html, alsoText);
  const css = [
    ...rules.map((rule) => (delivery === 'print' ? rule.printCss : rule.css)),
    ...scriptRules,
  ].join('\n');
  return html.replaceAll(FONT_FACES_PLACEHOLDER, css);
}

/**
 * The bytes of `withFontFaces(html, 'inline', alsoText)`, made without that string. Its
 * inline fonts are 160 kB of base64 a page: a string that size goes straight to V8's
 * large-object space, freed only by a full collection, and one a release made a
 * 1,000-release build's peak memory a quarter larger. The same few sets of rules serve a
 * whole build, so each set is kept once, as bytes, and copied into each page.
 */
export async function withInlineFontFacesBytes(html: string, alsoText = ''): Promise<Buffer> {
  if (!html.includes(FONT_FACES_PLACEHOLDER)) return Buffer.from(html);
  const { rules, scriptRules } = await neededRules(html, alsoText);
  const own = { bytes: inlineCssBytes(rules), shared: true };
  const script = Buffer.from((rules.length > 0 ? '\n' : '') + scriptRules.join('\n'));
  const css = scriptRules.length > 0 ? [own, { bytes: script, shared: false }] : [own];
  return assembledBytes(
    html.split(FONT_FACES_PLACEHOLDER).flatMap((text, index) => {
      const part = { bytes: Buffer.from(text), shared: false };
      return index === 0 ? [part] : [...css, part];
    }),
  );
}

/** The rules of presskit's faces and of the scripts' fonts that `html`'s characters need. */
async function neededRules(
  html: string,
  alsoText: string,
): Promise<{ rules: FontFaceRule[]; scriptRules: string[] }> {
  cached ??= loadFontFaceRules();
  const faces = await cached;
  const points = codePointsOf(html + alsoText);
  return {
    rules: faces.flatMap((face) => neededSubsets(face, points)),
    scriptRules: await scriptFontFaces(points),
  };
}

/** A handful of sets in practice (one per mix of subsets); the bound is for safety only. */
const INLINE_CSS_SETS = 32;
const inlineCss = new Map<string, Buffer>();

function inlineCssBytes(rules: readonly FontFaceRule[]): Buffer {
  const key = rules.map((rule) => rule.id).join(',');
  let bytes = inlineCss.get(key);
  if (!bytes) {
    bytes = Buffer.from(rules.map((rule) => rule.css).join('\n'));
    if (inlineCss.size >= INLINE_CSS_SETS) inlineCss.clear();
    inlineCss.set(key, bytes);
  }
  return bytes;
}

/** The subsets of `face` that some of `points` would be drawn from, in CSS order. */
function neededSubsets(face: FaceRules, points: readonly number[]): FontFaceRule[] {
  let unclaimed = points;
  const needed = new Set<FontFaceRule>();
  for (const rule of [...face].reverse()) {
    const covered = (point: number): boolean =>
      rule.ranges.some(([low, high]) => point >= low && point <= high);
    if (!unclaimed.some(covered)) continue;
    needed.add(rule);
    unclaimed = unclaimed.filter((point) => !covered(point));
  }
  return face.filter((rule) => needed.has(rule));
}

/**
 * The distinct characters of `html` beyond ASCII, plus "A" for ASCII (any page has some).
 * Character references count too, since a browser shows them as the characters they are.
 */
function codePointsOf(html: string): number[] {
  const points = new Set<number>([0x41]);
  // Runs beyond ASCII are found by the regex engine, far faster than a loop over every char.
  for (const [run] of html.matchAll(/[^\x00-\x7F]+/g)) {
    // By index, not `for…of`: that makes a string of every character.
    for (let at = 0; at < run.length; at++) {
      const point = run.codePointAt(at) ?? 0;
      points.add(point);
      if (point > 0xffff) at++;
    }
  }
  if (html.includes('&#')) {
    for (const match of html.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) {
      const digits = match[1] ?? '';
      const point =
        digits[0] === 'x' || digits[0] === 'X' ? parseInt(digits.slice(1), 16) : +digits;
      if (point <= 0x10ffff) points.add(point);
    }
  }
  return [...points];
}

async function loadFontFaceRules(): Promise<FaceRules[]> {
  const faces: FaceRules[] = [];
  let ruleCount = 0;
  for (const face of FONT_FACES) {
    const dir = fontFolder(face.pkg);
    // One CSS file per weight and style, holding that face's subsets.
    for (const cssFile of face.css) {
      const css = await readFile(join(dir, cssFile), 'utf8');
      const rules: FaceRules = [];
      for (const { block, file } of usedSubsets(css)) {
        const bytes = await readFile(join(dir, file));
        const url = `${PRINT_FONT_ORIGIN}/${basename(file)}`;
        printFonts.set(url, bytes);
        const css = withSource(block, `url(data:font/woff2;base64,${bytes.toString('base64')})`);
        const printCss = withSource(block, `url(${url})`);
        rules.push({ id: ruleCount++, css, printCss, ranges: unicodeRanges(css) });
      }
      faces.push(rules);
    }
  }
  return faces;
}

/** The font a print page asks PRINT_FONT_ORIGIN for, if `url` is one of them. */
export function printFont(url: string): Buffer | undefined {
  return printFonts.get(url);
}

function fontFile(block: string): string {
  const match = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block);
  if (!match?.[1]) throw new Error(`unexpected @fontsource CSS: ${block.slice(0, 80)}`);
  return match[1];
}

function withSource(block: string, url: string): string {
  return block
    .replace(/\/\*[^*]*\*\/\s*/, '')
    .replace(/src:[^;]+;/, `src: ${url} format('woff2');`)
    .replace(/font-display:\s*swap;/, 'font-display: block;')
    .trim();
}

/** `unicode-range: U+0000-00FF,U+0131,...` as code point intervals. */
function unicodeRanges(rule: string): [number, number][] {
  const list = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
  if (!list) throw new Error(`@fontsource rule without unicode-range: ${rule.slice(0, 80)}`);
  return list.split(',').map((item) => {
    const [low = '', high = low] = item.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(low, 16), parseInt(high, 16)];
  });
}
