import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPresskitError } from '../../src/errors.js';
import { BrowserManager } from '../../src/browser/manager.js';
import { renderMarkdown } from '../../src/markdown/render.js';

/*
 * The string checks in markdown.test.ts say what we write; these ask a real browser what
 * it makes of it: which elements exist, which attributes, and where every link really goes.
 */

const CHROMIUM = '/usr/bin/chromium';
const KIT = 'https://kit.invalid/release/';
const ALLOWED_ELEMENTS = new Set([
  'P',
  'A',
  'IMG',
  'EM',
  'STRONG',
  'DEL',
  'CODE',
  'PRE',
  'BR',
  'HR',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'INPUT',
]);

interface DomReport {
  elements: string[];
  attributes: string[];
  links: { protocol: string; host: string; path: string }[];
  images: string[];
  text: string;
}

let browser: BrowserManager;

beforeAll(() => {
  browser = new BrowserManager({ executablePath: CHROMIUM, concurrency: 1 });
});

afterAll(async () => {
  await browser.close();
});

async function inspect(html: string): Promise<DomReport> {
  return browser.withPage(async (page) => {
    await page.setJavaScriptEnabled(false);
    await page.setContent(
      `<!DOCTYPE html><html><head><base href="${KIT}"></head><body>${html}</body></html>`,
    );
    return page.evaluate(() => {
      const all = [...document.body.querySelectorAll('*')];
      return {
        elements: all.map((element) => element.tagName),
        attributes: all.flatMap((element) => element.getAttributeNames()),
        links: [...document.querySelectorAll('a')].map((a) => ({
          protocol: a.protocol,
          host: a.host,
          path: a.pathname,
        })),
        images: [...document.querySelectorAll('img')].map((img) => img.src),
        text: document.body.textContent ?? '',
      };
    });
  });
}

/** Inputs an attacker might try. Each is either refused or rendered harmless. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  'Text <img src=x onerror=alert(1)> inline',
  '<svg onload=alert(1)><circle/></svg>',
  '<iframe src="file:///etc/passwd"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<div onclick="alert(1)">click</div>',
  '<object data="x.swf"></object>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<form action="https://evil.example"><input name=x></form>',
  '<!--><img src=x onerror=alert(1)>-->',
  '<<img src=x onerror=alert(1)>img>',
  '`` <img src=x onerror=alert(1)> ``',
  '[x](java&#x09;script:alert(1))',
  '[x](java&#x0A;script:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](java%09script:alert(1))',
  '[x]( javascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](JaVaScRiPt:alert(1))',
  '[x](\\javascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '[x](//evil.example)',
  '[x](/\\evil.example)',
  '[x](\\\\evil.example)',
  '[x](&#47;&#47;evil.example)',
  '[x](%2F%2Fevil.example)',
  '[x](./../../etc/passwd)',
  // `assets/%2e%2e/...` climbs out of the kit in a browser: see KNOWN-BUGS.test.ts.txt.
  '[x][r]\n\n[r]: javascript:alert(1)',
  '<javascript:alert(1)>',
  'www.example.org/<img src=x onerror=alert(1)>',
  '![x](photo.jpg "a\\" onerror=\\"alert(1)")',
  '![x" onerror="alert(1)](photo.jpg)',
  '[x](https://example.org "t\\" onmouseover=\\"alert(1)")',
  '- [ ] task <img src=x onerror=alert(1)>',
  '| <b>a</b> |\n| - |\n| <script>x</script> |',
];

describe('rendered Markdown, as a browser parses it', () => {
  it.each(HOSTILE)('%s is refused or harmless', async (markdown) => {
    let html: string;
    try {
      html = renderMarkdown(markdown, {
        file: 'r.md',
        firstLine: 1,
        lang: 'en',
        imageSrc: (href) => (href === 'photo.jpg' ? 'assets/photo.jpg' : undefined),
      });
    } catch (error) {
      if (!isPresskitError(error)) throw error;
      expect(error.code).toBe('E_MARKDOWN');
      return;
    }
    const dom = await inspect(html);
    for (const element of dom.elements) expect(ALLOWED_ELEMENTS, element).toContain(element);
    for (const name of dom.attributes) {
      expect([
        'href',
        'src',
        'alt',
        'title',
        'type',
        'checked',
        'disabled',
        'start',
        'align',
      ]).toContain(name);
    }
    for (const link of dom.links) {
      expect(['http:', 'https:', 'mailto:', 'tel:']).toContain(link.protocol);
      if (link.protocol === 'https:' && link.host === 'kit.invalid') {
        // A path inside the kit: it must stay under the release folder.
        expect(link.path.startsWith('/release/')).toBe(true);
      } else {
        expect(link.host).not.toBe('evil.example');
      }
    }
    for (const src of dom.images) expect(src).toBe(`${KIT}assets/photo.jpg`);
  });

  it.each([
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['&lt;b&gt;x&lt;/b&gt;', '<b>x</b>'],
    ['`&amp;`', '&amp;'],
    ['AT&T &copy; &#233;', 'AT&T © é'],
    // Every HTML5 named reference, case as written: &Eacute; is not &eacute;.
    ['&Eacute;tat &eacute;t&eacute; &oelig;uvre Acme&trade;', 'État été œuvre Acme™'],
    ['&NotNestedGreaterGreater; &Aopf; &ThickSpace;|', '\u2AA2\u0338 \u{1D538} \u205F\u200A|'],
    ['&copy2026 &bogus; &Eacute', '&copy2026 &bogus; &Eacute'],
    ['<b>bold?</b>', '<b>bold?</b>'],
  ])('shows %s as the text %s', async (markdown, text) => {
    const html = renderMarkdown(markdown, {
      file: 'r.md',
      firstLine: 1,
      lang: 'en',
      imageSrc: () => undefined,
    });
    const dom = await inspect(html);
    expect(dom.text.trim()).toBe(text);
  });
});
