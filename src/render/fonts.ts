import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Bundled OFL faces: the output must not depend on the fonts of the machine that builds it. */
const FACES = [
  { pkg: '@fontsource/source-serif-4', css: ['400.css', '400-italic.css', '700.css'] },
  { pkg: '@fontsource/inter', css: ['400.css', '600.css'] },
];

/** Latin covers French, English, Spanish; latin-ext covers the rest of Western/Central Europe. */
const SUBSETS = /-(latin|latin-ext)-\d{3}-(normal|italic) \*\//;

let cached: Promise<string> | undefined;

/**
 * `@font-face` rules with every font inlined as a `data:` URI. A page loaded with
 * `setContent()` has an opaque origin where `file://` fonts are silently blocked,
 * and the kit's page must load nothing from outside itself.
 */
export function fontFaceCss(): Promise<string> {
  cached ??= buildFontFaceCss();
  return cached;
}

async function buildFontFaceCss(): Promise<string> {
  const rules: string[] = [];
  for (const face of FACES) {
    const dir = dirname(require.resolve(`${face.pkg}/package.json`));
    for (const cssFile of face.css) {
      const css = await readFile(join(dir, cssFile), 'utf8');
      for (const block of css.split(/(?=\/\* )/)) {
        if (!SUBSETS.test(block)) continue;
        rules.push(await inlineWoff2(block, dir));
      }
    }
  }
  return rules.join('\n');
}

async function inlineWoff2(block: string, dir: string): Promise<string> {
  const match = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block);
  if (!match?.[1]) throw new Error(`unexpected @fontsource CSS: ${block.slice(0, 80)}`);
  const data = (await readFile(join(dir, match[1]))).toString('base64');
  return block
    .replace(/\/\*[^*]*\*\/\s*/, '')
    .replace(/src:[^;]+;/, `src: url(data:font/woff2;base64,${data}) format('woff2');`)
    .replace(/font-display:\s*swap;/, 'font-display: block;')
    .trim();
}
