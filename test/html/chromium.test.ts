import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTypography } from '../../src/markdown/typography.js';
import { openFile, runAxe, withFile, launchChromium } from './chromium.js';
import type { BuiltProject } from './fixtures.js';
import {
  BASE_URL,
  buildEnglishProject,
  buildSampleProject,
  ENGLISH_RELEASE,
  ENGLISH_SLUG,
  frontmatter,
  HOSTILE_RELEASE,
  HOSTILE_SLUG,
  HOSTILE_TITLE,
  SAMPLE_RELEASE,
  SAMPLE_SLUG,
} from './fixtures.js';

const run = promisify(execFile);

let sample: BuiltProject;
let english: BuiltProject;
let browser: Browser;

beforeAll(async () => {
  [sample, english] = await Promise.all([buildSampleProject(), buildEnglishProject()]);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([sample?.cleanup(), english?.cleanup()]);
});

interface Kit {
  name: string;
  slug: string;
  project: () => BuiltProject;
  /** The release's frontmatter, read independently of presskit. */
  meta: Record<string, unknown>;
  /** Whether the project sets a base URL. */
  withBaseUrl: boolean;
}

const KITS: Kit[] = [
  {
    name: 'sample (fr, no base URL)',
    slug: SAMPLE_SLUG,
    project: () => sample,
    meta: frontmatter(readFileSync(SAMPLE_RELEASE, 'utf8')),
    withBaseUrl: false,
  },
  {
    name: 'English (embargo, assets, base URL)',
    slug: ENGLISH_SLUG,
    project: () => english,
    meta: frontmatter(ENGLISH_RELEASE),
    withBaseUrl: true,
  },
  {
    name: 'hostile title (fr, base URL)',
    slug: HOSTILE_SLUG,
    project: () => english,
    meta: frontmatter(HOSTILE_RELEASE),
    withBaseUrl: true,
  },
];

const NEWSROOMS = [
  { name: 'sample newsroom', project: () => sample },
  { name: 'English newsroom', project: () => english },
];

const kitPage = (kit: Kit): string => join(kit.project().kitDir(kit.slug), 'index.html');
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What the tests read of a page's head and outline, from Chromium's own parse. */
interface Outline {
  doctype: string | undefined;
  lang: string;
  characterSet: string;
  firstHeadChild: string;
  viewport: string | null;
  title: string;
  description: string | null;
  csp: string | null;
  h1: string[];
  headings: number[];
  scripts: { type: string; text: string }[];
  landmarks: { main: number; banner: number; contentinfo: number };
  meta: Record<string, string>;
  canonical: string | null;
}

function outline(page: Page): Promise<Outline> {
  return page.evaluate(() => {
    const attr = (selector: string, name: string): string | null =>
      document.querySelector(selector)?.getAttribute(name) ?? null;
    const meta: Record<string, string> = {};
    for (const element of document.querySelectorAll('meta[property], meta[name]')) {
      const key = element.getAttribute('property') ?? element.getAttribute('name') ?? '';
      meta[key] = element.getAttribute('content') ?? '';
    }
    const first = document.head.firstElementChild;
    return {
      doctype: document.doctype?.name,
      lang: document.documentElement.lang,
      characterSet: document.characterSet,
      firstHeadChild: first ? `${first.localName} ${first.getAttribute('charset') ?? ''}` : '',
      viewport: attr('meta[name="viewport"]', 'content'),
      title: document.title,
      description: attr('meta[name="description"]', 'content'),
      csp: attr('meta[http-equiv="Content-Security-Policy"]', 'content'),
      h1: [...document.querySelectorAll('h1')].map((h) => h.textContent ?? ''),
      headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) =>
        Number(h.localName.slice(1)),
      ),
      scripts: [...document.querySelectorAll('script')].map((script) => ({
        type: script.type,
        text: script.textContent ?? '',
      })),
      landmarks: {
        main: document.querySelectorAll('main').length,
        // Only a header/footer that is not inside article/main/section is a landmark.
        banner: document.querySelectorAll('body > header').length,
        contentinfo: document.querySelectorAll('body > footer').length,
      },
      meta,
      canonical: attr('link[rel="canonical"]', 'href'),
    };
  });
}

/** Each level at most one deeper than the one before, starting from one h1. */
function skippedLevels(levels: number[]): string[] {
  const problems: string[] = [];
  levels.forEach((level, index) => {
    const previous = index === 0 ? 0 : (levels[index - 1] ?? 0);
    if (level > previous + 1) problems.push(`h${previous || '-'} → h${level} at #${index + 1}`);
  });
  return problems;
}

/** The CSP directives, name → sources. */
function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/**
 * Scripts: none (default-src 'none' and no script-src or other fallback that allows one).
 * Loads: only the kit's own files ('self') for images, data: for fonts and images, inline
 * styles; no host, scheme or wildcard that reaches outside.
 */
function expectLockedDownCsp(csp: string | null): void {
  const policy = directives(csp);
  expect(policy.get('default-src')).toEqual(["'none'"]);
  for (const name of ['script-src', 'script-src-elem', 'script-src-attr', 'worker-src']) {
    expect(policy.has(name), name).toBe(false);
  }
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  const allowed: Record<string, string[]> = {
    'img-src': ["'self'", 'data:'],
    'font-src': ['data:'],
    'style-src': ["'unsafe-inline'"],
  };
  for (const [name, sources] of policy) {
    if (!name.endsWith('-src') || name === 'default-src') continue;
    expect(allowed[name], `unexpected directive ${name}`).toBeDefined();
    for (const source of sources) expect(allowed[name]).toContain(source);
  }
}

describe.each(KITS)('kit page: $name', (kit) => {
  let page: Page;
  let info: Outline;
  beforeAll(async () => {
    page = await openFile(browser, kitPage(kit));
    info = await outline(page);
  });
  afterAll(() => page?.close());

  it('starts with the HTML5 doctype and declares UTF-8 first in <head>', () => {
    expect(readFileSync(kitPage(kit), 'utf8').startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(info.doctype).toBe('html');
    expect(info.firstHeadChild).toBe('meta utf-8');
    expect(info.characterSet).toBe('UTF-8');
  });

  it('has the release language, a viewport, and the headline as title and only h1', () => {
    expect(info.lang).toBe(text(kit.meta.lang));
    expect(info.viewport).toBe('width=device-width, initial-scale=1');
    // Display text is typeset in the release's language (U+00A0 before a French colon…).
    const title = applyTypography(text(kit.meta.title), text(kit.meta.lang));
    expect(info.title).toBe(title);
    expect(info.h1).toEqual([title]);
  });

  it('has a heading outline without skipped levels', () => {
    expect(info.headings[0]).toBe(1);
    expect(skippedLevels(info.headings)).toEqual([]);
  });

  it('has one main, one banner and one contentinfo landmark', () => {
    expect(info.landmarks).toEqual({ main: 1, banner: 1, contentinfo: 1 });
  });

  it('describes itself with the summary', () => {
    expect(info.description).toBe(applyTypography(text(kit.meta.summary), text(kit.meta.lang)));
  });

  it('carries a CSP that forbids scripts and loads from outside', () => {
    expectLockedDownCsp(info.csp);
  });

  it('runs no script even when one is added to it (the CSP is live)', async () => {
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.ran = "yes"';
      document.head.append(script);
      return document.documentElement.dataset.ran ?? 'no';
    });
    expect(ran).toBe('no');
    // The same injection runs on a page whose CSP is bypassed: the check above can fail.
    const control = await withFile(browser, kitPage(kit), { bypassCsp: true }, (open) =>
      open.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.documentElement.dataset.ran = "yes"';
        document.head.append(script);
        return document.documentElement.dataset.ran ?? 'no';
      }),
    );
    expect(control).toBe('yes');
  });

  it('has exactly one script element: a NewsArticle JSON-LD that parses', () => {
    expect(info.scripts).toHaveLength(1);
    const [script] = info.scripts;
    expect(script?.type).toBe('application/ld+json');
    expect(script?.text).not.toContain('<');
    const data: unknown = JSON.parse(script?.text ?? '');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: text(kit.meta.title),
      inLanguage: text(kit.meta.lang),
      datePublished: text(kit.meta.date),
      dateModified: text(kit.meta.modified) || text(kit.meta.date),
      author: { '@type': 'Organization', name: expect.any(String) },
      publisher: { '@type': 'Organization', name: expect.any(String) },
    });
  });

  if (kit.withBaseUrl) {
    const url = new URL(`${kit.slug}/`, BASE_URL).href;

    it('has a canonical link and absolute Open Graph and Twitter tags', () => {
      expect(info.canonical).toBe(url);
      expect(info.meta).toMatchObject({
        'og:type': 'article',
        'og:title': text(kit.meta.title),
        'og:url': url,
        'og:locale': text(kit.meta.lang) === 'fr' ? 'fr_FR' : 'en_US',
      });
      expect(['summary', 'summary_large_image']).toContain(info.meta['twitter:card']);
      for (const key of ['og:url', 'og:image', 'twitter:image']) {
        if (info.meta[key] !== undefined) expect(new URL(info.meta[key]).protocol).toBe('https:');
      }
    });
  } else {
    it('has no canonical link, Open Graph or Twitter tags without a base URL', () => {
      expect(info.canonical).toBeNull();
      const social = Object.keys(info.meta).filter((key) => /^(og|twitter|article):/.test(key));
      expect(social).toEqual([]);
    });
  }
});

describe('the English kit with an image and a base URL', () => {
  const url = new URL(`${ENGLISH_SLUG}/`, BASE_URL).href;
  const imageUrl = new URL('assets/harbour.png', url).href;
  let info: Outline;
  beforeAll(async () => {
    const page = await openFile(browser, join(english.kitDir(ENGLISH_SLUG), 'index.html'));
    info = await outline(page);
    await page.close();
  });

  it('names the image by its absolute URL in JSON-LD, Open Graph and the Twitter card', () => {
    const data: unknown = JSON.parse(info.scripts[0]?.text ?? '');
    expect(data).toMatchObject({
      image: [imageUrl],
      url,
      author: { name: 'Harbour Alliance' },
      publisher: { name: 'Harbour Alliance' },
    });
    expect(info.meta['og:image']).toBe(imageUrl);
    expect(info.meta['og:image:alt']).toBe('The old harbour basin at dawn, cranes on the far quay');
    expect(info.meta['twitter:card']).toBe('summary_large_image');
    // The absolute URL points at a file the kit really ships.
    expect(existsSync(join(english.kitDir(ENGLISH_SLUG), 'assets', 'harbour.png'))).toBe(true);
  });
});

describe('a title that tries to close the JSON-LD script', () => {
  const file = (): string => join(english.kitDir(HOSTILE_SLUG), 'index.html');

  it('stays text everywhere: title, h1, JSON-LD, no extra script element', async () => {
    const raw = readFileSync(file(), 'utf8');
    expect(raw).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    expect(raw.match(/<script\b/g)).toHaveLength(1);
    const info = await withFile(browser, file(), {}, outline);
    expect(info.scripts).toHaveLength(1);
    expect(info.title).toBe(HOSTILE_TITLE);
    expect(info.h1).toEqual([HOSTILE_TITLE]);
    const data: unknown = JSON.parse(info.scripts[0]?.text ?? '');
    expect(data).toMatchObject({ headline: HOSTILE_TITLE });
  });

  it('stays text in the newsroom index too', async () => {
    const info = await withFile(browser, join(english.out, 'index.html'), {}, outline);
    expect(info.scripts).toEqual([]);
    const titles = await withFile(browser, join(english.out, 'index.html'), {}, (page) =>
      page.$$eval('h2 a', (links) => links.map((link) => link.textContent)),
    );
    expect(titles).toContain(HOSTILE_TITLE);
  });
});

describe.each(NEWSROOMS)('$name', ({ project }) => {
  it('has the doctype, lang, UTF-8 first, a title, one h1, no skipped level, the CSP', async () => {
    const file = join(project().out, 'index.html');
    expect(readFileSync(file, 'utf8').startsWith('<!DOCTYPE html>\n')).toBe(true);
    const info = await withFile(browser, file, {}, outline);
    expect(info.doctype).toBe('html');
    expect(info.lang).toBe('en');
    expect(info.firstHeadChild).toBe('meta utf-8');
    expect(info.viewport).toBe('width=device-width, initial-scale=1');
    expect(info.title).not.toBe('');
    expect(info.h1).toHaveLength(1);
    expect(skippedLevels(info.headings)).toEqual([]);
    expect(info.landmarks.main).toBe(1);
    expectLockedDownCsp(info.csp);
  });
});

describe('self-contained kit pages', () => {
  it.each(KITS)('$name loads only its own files and data: URIs', async (kit) => {
    const kitDir = kit.project().kitDir(kit.slug);
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    try {
      await page.goto(pathToFileURL(join(kitDir, 'index.html')).href, { waitUntil: 'load' });
      // The QR codes are data: URIs; every other image comes from the kit's assets/.
      const images = await page.$$eval('img:not(.qr-code)', (elements) =>
        elements.map((img) => ({ src: img.currentSrc, width: img.naturalWidth })),
      );
      const links = await page.$$eval('a[href]', (elements) =>
        elements.map((a) => a.getAttribute('href') ?? ''),
      );

      const outside = requests.filter((url) => {
        if (url.startsWith('data:')) return false;
        if (!url.startsWith('file://')) return true;
        return !fileURLToPath(url).startsWith(kitDir + sep);
      });
      expect(outside).toEqual([]);
      expect(problems).toEqual([]);
      for (const image of images) {
        expect(image.src.startsWith(pathToFileURL(join(kitDir, 'assets')).href)).toBe(true);
        expect(image.width, image.src).toBeGreaterThan(0);
      }
      // Every link inside the kit leads to a file the kit has.
      const local = links.filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href));
      for (const href of local) expect(existsSync(join(kitDir, decodeURI(href))), href).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('shows the English kit image from assets/ despite the CSP', async () => {
    const widths = await withFile(
      browser,
      join(english.kitDir(ENGLISH_SLUG), 'index.html'),
      {},
      (page) => page.$$eval('img:not(.qr-code)', (images) => images.map((img) => img.naturalWidth)),
    );
    expect(widths).toEqual([480]);
  });
});

describe('contacts on screen', () => {
  it('shows QR codes that a plain 1x display renders readably, each carrying its vCard’s URL', async () => {
    const kitDir = english.kitDir(ENGLISH_SLUG);
    const cards = await withFile(browser, join(kitDir, 'index.html'), {}, async (page) => {
      const contacts = await page.$$('.contact');
      const found: { href: string; shot: string }[] = [];
      for (const [index, contact] of contacts.entries()) {
        const href = await contact.$eval('a[type="text/vcard"]', (a) => a.getAttribute('href'));
        const code = await contact.$('.qr-code');
        if (!href || !code) throw new Error(`contact ${index} lacks a vCard link or a QR code`);
        const shot = join(english.root, `qr-${index}.png`);
        await code.screenshot({ path: shot });
        found.push({ href, shot });
      }
      return found;
    });
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      // -Sbinary: the bytes as encoded, without zbar's guess at a legacy character set.
      const { stdout } = await run('zbarimg', ['--raw', '-q', '-Sbinary', card.shot], {
        encoding: 'buffer',
      });
      // The kit has a base URL: the code carries where its .vcf is published.
      const published = new URL(card.href, new URL(`${ENGLISH_SLUG}/`, BASE_URL)).href;
      expect(stdout.toString('utf8')).toBe(published);
      expect(existsSync(join(kitDir, card.href))).toBe(true);
    }
  });
});

describe('the print stylesheet as Chromium applies it', () => {
  it('avoids breaks after headings and inside quotes, figures and contacts', async () => {
    const styles = await withFile(
      browser,
      join(english.kitDir(ENGLISH_SLUG), 'index.html'),
      {},
      async (page) => {
        await page.emulateMediaType('print');
        return page.evaluate(() => {
          const style = (selector: string): CSSStyleDeclaration | undefined => {
            const element = document.querySelector(selector);
            return element ? getComputedStyle(element) : undefined;
          };
          return {
            h2: style('h2')?.breakAfter,
            blockquote: style('blockquote')?.breakInside,
            figure: style('figure')?.breakInside,
            contact: style('.contact')?.breakInside,
            orphans: style('.body p')?.orphans,
            widows: style('.body p')?.widows,
          };
        });
      },
    );
    expect(styles).toEqual({
      h2: 'avoid',
      blockquote: 'avoid',
      figure: 'avoid',
      contact: 'avoid',
      orphans: '3',
      widows: '3',
    });
  });
});

describe('axe-core WCAG 2.2 A/AA in Chromium', () => {
  const targets = [
    ...KITS.map((kit) => ({ name: kit.name, file: () => kitPage(kit) })),
    ...NEWSROOMS.map(({ name, project }) => ({
      name,
      file: () => join(project().out, 'index.html'),
    })),
  ];
  const cases = targets.flatMap((target) => [1280, 320].map((width) => ({ ...target, width })));

  it.each(cases)('$name at $width px: no violation, no horizontal scrolling', async (target) => {
    await withFile(
      browser,
      target.file(),
      { width: target.width, bypassCsp: true },
      async (page) => {
        const result = await runAxe(page);
        expect(result.violations).toEqual([]);
        expect(result.passes).toBeGreaterThan(10);
        // WCAG 1.4.10 Reflow: at 320 CSS px, nothing needs scrolling sideways.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      },
    );
  });
});
