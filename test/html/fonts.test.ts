import { afterAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import {
  FONT_FACES_PLACEHOLDER,
  PRINT_FONT_ORIGIN,
  printFont,
  withFontFaces,
  withInlineFontFacesBytes,
} from '../../src/html/fonts.js';
import { renderPdf } from '../../src/pdf/print-pdf.js';
import { BROWSER, pdffonts, pdfText, removeToolFiles } from '../pdf/helpers.js';

const LATIN_EXT = /unicode-range: U\+0100-02BA/;

function page(text: string): string {
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>t</title>
<style>${FONT_FACES_PLACEHOLDER}
body { font-family: 'Source Serif 4'; } h1 { font-family: Inter; font-weight: 600; }</style>
</head><body><h1>${text}</h1><p>${text} <em>${text}</em> <strong>${text}</strong></p></body></html>`;
}

function faces(html: string): string[] {
  return html.match(/@font-face\s*\{[^}]*\}/g) ?? [];
}

describe('withFontFaces', () => {
  it('inlines only the latin subsets when the page has no other characters', async () => {
    // "œ" is in Latin Extended too, but Latin, defined last, is the subset a browser uses.
    const html = await withFontFaces(page('Plain English, “quoted” — 9 a.m., œuvre, ¼'));
    expect(html).not.toContain(FONT_FACES_PLACEHOLDER);
    const rules = faces(html);
    expect(rules).toHaveLength(5);
    expect(rules.some((rule) => LATIN_EXT.test(rule))).toBe(false);
    expect(rules.every((rule) => /src: url\(data:font\/woff2;base64,/.test(rule))).toBe(true);
  });

  it('adds the latin-ext subsets for a character they cover, written or as a reference', async () => {
    for (const text of ['Łódź', '&#x141;odz', '&#321;odz']) {
      const rules = faces(await withFontFaces(page(text)));
      expect(rules, text).toHaveLength(10);
      expect(
        rules.filter((rule) => LATIN_EXT.test(rule)),
        text,
      ).toHaveLength(5);
    }
  });

  it('points the same rules at the print font origin for printing, and serves those fonts', async () => {
    const text = 'Plain English, and Łódź';
    const inline = faces(await withFontFaces(page(text)));
    const print = faces(await withFontFaces(page(text), 'print'));
    expect(print).toHaveLength(inline.length);
    expect(print.join('\n')).not.toContain('data:');
    const urls = print.map((rule) => /src: url\(([^)]+)\) format\('woff2'\)/.exec(rule)?.[1]);
    for (const [index, url] of urls.entries()) {
      expect(url?.startsWith(`${PRINT_FONT_ORIGIN}/`)).toBe(true);
      const font = printFont(url ?? '');
      // The served bytes are the very font the inline rule carries.
      expect(font?.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(inline[index]).toContain(font?.toString('base64'));
    }
    expect(printFont(`${PRINT_FONT_ORIGIN}/unknown.woff2`)).toBeUndefined();
    expect(printFont('https://example.org/inter-latin-400-normal.woff2')).toBeUndefined();
  });

  it('leaves a page without the placeholder as it is', async () => {
    const html = '<!doctype html><title>t</title><p>Łódź</p>';
    expect(await withFontFaces(html)).toBe(html);
  });
});

describe('withInlineFontFacesBytes', () => {
  it("gives withFontFaces's inline page byte for byte, script fonts and repeats included", async () => {
    const twice = (text: string): string =>
      page(text).replace('</style>', `</style><style>${FONT_FACES_PLACEHOLDER}</style>`);
    for (const html of [
      page('Plain English'),
      page('Łódź'),
      twice('Москва, Łódź'),
      page('السلام عليكم'),
      twice('北京 and Paris'),
      '<!doctype html><title>t</title><p>Łódź, no placeholder</p>',
    ]) {
      const text = await withFontFaces(html, 'inline', 'Ħ');
      expect(faces(text).length > 0 || !html.includes(FONT_FACES_PLACEHOLDER)).toBe(true);
      expect((await withInlineFontFacesBytes(html, 'Ħ')).equals(Buffer.from(text)), html).toBe(
        true,
      );
    }
  });
});

describe('withFontFaces in print', () => {
  const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
  afterAll(async () => {
    await manager.close();
    removeToolFiles();
  });

  it('prints Central European text with the bundled faces, never a system fallback', async () => {
    const meta = { title: 't', keywords: [], lang: 'pl', date: new Date(0), creator: 'test' };
    const pdf = await renderPdf(manager, await withFontFaces(page('Żółć Łódź')), meta);
    expect(pdfText(pdf)).toContain('Żółć Łódź');
    const names = new Set(pdffonts(pdf).map((font) => font.name.replace(/^[A-Z]{6}\+/, '')));
    expect([...names].sort()).toEqual([
      'Inter-SemiBold',
      'SourceSerif4-Bold',
      'SourceSerif4-Italic',
      'SourceSerif4-Regular',
    ]);
  });

  it('prints with fonts from the print font origin, document after document on one page', async () => {
    const meta = { title: 't', keywords: [], lang: 'pl', date: new Date(0), creator: 'test' };
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src ${PRINT_FONT_ORIGIN}">`;
    // The second and third are served from Chrome's cache, or asked again: either way the
    // bundled faces, never a fallback.
    for (const text of ['Żółć Łódź', 'Zażółć gęślą jaźń', 'Plain English']) {
      const html = (await withFontFaces(page(text), 'print')).replace('<head>', `<head>${csp}`);
      const pdf = await renderPdf(manager, html, meta);
      expect(pdfText(pdf)).toContain(text);
      const names = pdffonts(pdf).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
      expect(
        names.every((name) => /^(Inter|SourceSerif4)-/.test(name)),
        names.join(),
      ).toBe(true);
      expect(names).toContain('SourceSerif4-Regular');
    }
  });
});
