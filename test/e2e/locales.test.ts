import { createHash } from 'node:crypto';
import { cp, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/util/character-references.js';
import { launchChromium, runAxe, withFile } from '../html/chromium.js';
import { REPO, makeProject, run, runCli } from './helpers.js';

/**
 * Real releases in each new language (test/fixtures/locales), built once by the real CLI
 * and checked with poppler (pdftotext, pdffonts), qpdf, html-validate, axe-core and
 * Chromium.
 */
const LANGUAGES = ['ar', 'zh', 'ru', 'de', 'pt', 'sw'];
const CONFIG = 'labels:\n  sw:\n    immediateRelease: KWA KUTOLEWA MARA MOJA\n';

let root: string;
let built: { code: number; stderr: string };
let browser: Browser;

beforeAll(async () => {
  root = await makeProject({ 'presskit.config.yaml': CONFIG });
  await cp(join(REPO, 'test/fixtures/locales'), join(root, 'releases'), { recursive: true });
  [built, browser] = await Promise.all([
    runCli(['build', '--quiet'], { cwd: root }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

// Each kit is named after its file, `release-<lang>.md` (a folder whose files were all named
// by language tags would be one release in several languages).
const kit = (lang: string, file: string): string =>
  join(root, 'dist', `release-${lang}`, file.replace(`${lang}.`, `release-${lang}.`));
const text = (lang: string, file: string): Promise<string> => readFile(kit(lang, file), 'utf8');

async function pdfText(lang: string): Promise<string> {
  const result = await run('pdftotext', ['-enc', 'UTF-8', kit(lang, `${lang}.pdf`), '-']);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** The page's body paragraphs (and cells), as a reader sees them. */
async function paragraphs(lang: string): Promise<string[]> {
  const html = await text(lang, 'index.html');
  const body = html.slice(
    html.indexOf('<div class="body">'),
    html.indexOf('</div>', html.indexOf('<div class="body">')),
  );
  return [...body.matchAll(/<(p|td|th|h2)>([\s\S]*?)<\/\1>/g)].map((match) =>
    decodeEntities((match[2] ?? '').replace(/<[^>]*>/g, '')).replace(/\u00AD/g, ''),
  );
}

/** Bidi controls pdftotext adds around right-to-left lines, soft hyphens Chrome keeps. */
const INVISIBLE = /[\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Arabic vowel marks: pdftotext may give a mark before its letter's neighbour (ًء for ءً). */
const HARAKAT = /[\u064B-\u065F\u0670]/g;

it('builds every language, and warns once, naming it, for the one without labels', () => {
  expect(built.code, built.stderr).toBe(0);
  const warnings = built.stderr.split('\n').filter((line) => line.includes('warning'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(
    /^releases\/release-sw\.md:4: warning: .*"sw".*29 label\(s\) shown in English/,
  );
});

describe('the PDFs use only the bundled fonts, embedded, none of Type 3', () => {
  it.each(['ar', 'zh', 'ru', 'de'])('%s', async (lang) => {
    const result = await run('pdffonts', [kit(lang, `${lang}.pdf`)]);
    const rows = result.stdout.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row, row).toMatch(
        /^[A-Z]{6}\+(Inter|SourceSerif4|Amiri|NotoSansSC)-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/,
      );
    }
    const families = rows.map((row) => row.slice(7).split('-')[0]);
    if (lang === 'ar') expect(families).toContain('Amiri');
    if (lang === 'zh') expect(families).toContain('NotoSansSC');
  });

  it('carries the Arabic and Chinese faces only in pages that need them', async () => {
    for (const lang of ['de', 'ru', 'pt', 'sw']) {
      const page = await text(lang, 'index.html');
      expect(page, lang).not.toMatch(/font-family: '(Amiri|Noto Sans SC)'/);
    }
    expect(await text('ar', 'index.html')).toMatch(/font-family: 'Amiri'/);
    expect(await text('ar', 'index.html')).not.toMatch(/font-family: 'Noto Sans SC'/);
  });

  it('and the CJK face is cut to the release: a few hundred glyphs, not 10 MB', async () => {
    const pdf = await readFile(kit('zh', 'zh.pdf'));
    expect(pdf.length).toBeLessThan(600_000);
    const page = await text('zh', 'index.html');
    const face = /font-family: 'Noto Sans SC'[^}]*base64,([A-Za-z0-9+/=]+)/.exec(page)?.[1] ?? '';
    expect(Buffer.from(face, 'base64').length).toBeGreaterThan(10_000);
    expect(Buffer.from(face, 'base64').length).toBeLessThan(300_000);
  });
});

describe('pdftotext finds the text', () => {
  it('every Arabic word of every paragraph and cell, whole and in reading order', async () => {
    const words = (value: string): string[] =>
      value
        .replace(INVISIBLE, '')
        .replace(HARAKAT, '')
        .match(/[\u0621-\u064A\u0671-\u06D3]+/g) ?? [];
    const pdf = words(await pdfText('ar'));
    const found = await paragraphs('ar');
    expect(found.length).toBeGreaterThanOrEqual(10);
    for (const paragraph of found) {
      let at = 0;
      for (const word of words(paragraph)) {
        const next = pdf.indexOf(word, at);
        expect(next, `"${word}" of "${paragraph}"`).toBeGreaterThanOrEqual(0);
        at = next + 1;
      }
    }
    // The Latin runs read left to right, the phone number's groups in their order.
    expect(await pdfText('ar')).toContain('+41 22 717 9111');
  });

  it.each(['zh', 'ru', 'de', 'pt'])('every paragraph in %s', async (lang) => {
    const squeeze = lang === 'zh' ? /\s+/g : /\s+/g;
    // A word hyphenated at a line's end ("се-\nгодня") is one word.
    const fold = (value: string): string =>
      value
        .replace(INVISIBLE, '')
        .replace(/(\p{L})-\n\s*(\p{Ll})/gu, '$1$2')
        .replace(squeeze, lang === 'zh' ? '' : ' ')
        .trim();
    const pdf = fold(await pdfText(lang));
    for (const paragraph of await paragraphs(lang)) expect(pdf).toContain(fold(paragraph));
  });
});

describe('right to left', () => {
  it('marks the Arabic page and isolates its Latin runs', async () => {
    const page = await text('ar', 'index.html');
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('<span dir="ltr">+41 22 717 9111</span>');
    expect(page).toContain('<span dir="ltr">media@iom.int</span>');
    expect(page).toContain('(<span dir="ltr">UNHCR</span>)');
    expect(page).toContain('الصحية، إضافة');
    expect(page).toContain('”لا يمكن');
    expect(await text('zh', 'index.html')).toContain('<html lang="zh" dir="ltr">');
  });

  it('lays out the table, the masthead and the contact from the right', async () => {
    const positions = await withFile(browser, kit('ar', 'index.html'), {}, (page) =>
      page.evaluate(() => {
        const x = (selector: string): number =>
          document.querySelector(selector)?.getBoundingClientRect().x ?? Number.NaN;
        return {
          firstColumn: x('.body th:first-child'),
          lastColumn: x('.body th:last-child'),
          organization: x('.organization'),
          status: x('.release-status'),
          name: x('.contact-name'),
          qr: x('.contact-qr'),
        };
      }),
    );
    expect(positions.firstColumn).toBeGreaterThan(positions.lastColumn);
    expect(positions.organization).toBeGreaterThan(positions.status);
    expect(positions.name).toBeGreaterThan(positions.qr);
  });

  it('titles the bookmarks in reading order', async () => {
    const result = await run('qpdf', ['--json', '--json-key=outlines', kit('ar', 'ar.pdf')]);
    const titles: string[] = [];
    const walk = (items: { title: string; kids: unknown[] }[]): void => {
      for (const item of items) {
        titles.push(item.title);
        walk(item.kids as { title: string; kids: unknown[] }[]);
      }
    };
    walk(
      (JSON.parse(result.stdout) as { outlines: { title: string; kids: unknown[] }[] }).outlines,
    );
    expect(titles).toEqual([
      'المنظمة الدولية للهجرة تطلق نداءً لدعم النازحين في السودان',
      'الاحتياجات العاجلة',
      'التنسيق مع الشركاء',
      'نبذة عن المنظمة الدولية للهجرة',
      'جهة الاتصال الإعلامية',
    ]);
  });

  it('sets the newsroom entry right to left', async () => {
    const index = await readFile(join(root, 'dist/index.html'), 'utf8');
    expect(index).toMatch(/<li class="newsroom-item" lang="ar" dir="rtl">/);
    expect(index).toMatch(/<li class="newsroom-item" lang="zh" dir="ltr">/);
  });
});

describe('furniture', () => {
  it.each([
    [
      'de',
      [
        'ZUR SOFORTIGEN VERÖFFENTLICHUNG',
        'Pressekontakt',
        'GENF, 3. September 2026 –',
        '„Keine Familie',
      ],
    ],
    [
      'ru',
      [
        'ЭМБАРГО ДО 3\u00A0сентября 2026\u00A0г. в\u00A010:00 CEST (08:00 UTC)',
        'Контакт для СМИ',
        '«Ни одна семья',
        'Программа «Дом „Надежда“»',
      ],
    ],
    ['pt', ['PARA DIVULGAÇÃO IMEDIATA', 'Contato para a imprensa', '“Nenhuma família']],
    [
      'zh',
      [
        '即时发布',
        '媒体联系人',
        '日内瓦，2026年9月3日——',
        '国际移民组织（IOM）今天发出紧急呼吁，',
        '“任何家庭都不应独自面对这场危机。',
      ],
    ],
    ['ar', ['للنشر الفوري', 'جهة الاتصال الإعلامية', 'جنيف، 3 أيلول/سبتمبر 2026 —']],
  ])('%s', async (lang, expected) => {
    const page = (await text(lang, 'index.html')).replace(/\u00AD/g, '');
    for (const label of expected) expect(page).toContain(label);
    // The PDF's page line is in the language too.
    const pdf = await pdfText(lang);
    const line =
      {
        de: 'Seite 1 von 1',
        ru: 'Страница 1 из 1',
        pt: 'Página 1 de 1',
        zh: '第1页，共1页',
        ar: 'الصفحة',
      }[lang] ?? '';
    expect(pdf.replace(INVISIBLE, '')).toContain(line);
  });

  it('gives a language without labels its own where the config has them, English marked as such elsewhere', async () => {
    const page = await text('sw', 'index.html');
    expect(page).toContain('<html lang="sw" dir="ltr">');
    expect(page).toContain('<p class="release-status">KWA KUTOLEWA MARA MOJA</p>');
    expect(page).toContain('<span class="kind" lang="en">Press release</span>');
    expect(page).toContain('<h2 id="contacts-heading" lang="en">Media contact</h2>');
    expect(page).toContain('<span class="means-label" lang="en">Tel.</span>');
    // Dates through Intl, in Swahili.
    expect(page).toContain('3 Septemba 2026');
  });
});

describe('hyphenation', () => {
  it('hyphenates the German print, only long words on the page, nothing in the text or JSON-LD', async () => {
    const pdf = await pdfText('de');
    const page = await text('de', 'index.html');
    // Lines of the print end in hyphens the source does not have: "Binnen-" / "vertriebenen".
    const words = page.replace(/\u00AD/g, '');
    const raw = (await run('pdftotext', ['-raw', '-enc', 'UTF-8', kit('de', 'de.pdf'), '-']))
      .stdout;
    const breaks = [...raw.matchAll(/(\p{L}+)-\n+(\p{Ll}+)/gu)].filter((match) =>
      new RegExp(`\\b${match[1]}${match[2]}`, 'u').test(words),
    );
    expect(breaks.length).toBeGreaterThanOrEqual(2);
    // The words are whole in the PDF's text: the unused soft hyphens are not in it.
    expect(pdf).not.toContain('\u00AD');
    expect(pdf).toContain('Katastrophenschutzbehörden');
    // The page hyphenates only long words: a phone's line breaks them with a hyphen.
    expect(page).toContain('Ka\u00ADta\u00ADstro\u00ADphen\u00ADschutz\u00ADbe\u00ADhör\u00ADden');
    expect(page).toContain('Keine Familie');
    const jsonLd =
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    expect(jsonLd).not.toContain('\u00AD');
    expect(await text('de', 'de.txt')).not.toContain('\u00AD');
    // No address, heading or dateline is cut.
    expect(page).toContain('jmueller@iom.int');
    expect(page).toContain('<h2>Dringender Bedarf</h2>');
  });

  it('sets Swahili (no dictionary) ragged, Chinese and German justified', async () => {
    const justified = (lang: string): Promise<string> =>
      withFile(browser, kit(lang, 'index.html'), {}, async (page) => {
        await page.emulateMediaType('print');
        return page.evaluate(
          () => getComputedStyle(document.querySelector('.body p') ?? document.body).textAlign,
        );
      });
    expect(await justified('sw')).toBe('start');
    expect(await justified('zh')).toBe('justify');
    expect(await justified('de')).toBe('justify');
  });
});

describe('the pages are valid and accessible', () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended', 'html-validate:document'],
    rules: { 'long-title': 'off' },
  });

  it.each(LANGUAGES)('%s', async (lang) => {
    const report = await validator.validateFile(kit(lang, 'index.html'));
    const messages = report.results.flatMap((result) =>
      result.messages.map((m) => `${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
    const axe = await withFile(browser, kit(lang, 'index.html'), { bypassCsp: true }, runAxe);
    expect(axe.violations).toEqual([]);
  });
});

it('gives the same bytes on a second build (the font subsets included)', async () => {
  const digest = async (out: string): Promise<string[]> => {
    const names = (await readdir(join(root, out))).filter((name) => name.endsWith('.zip')).sort();
    return Promise.all(
      names.map(
        async (name) =>
          `${name} ${createHash('sha256')
            .update(await readFile(join(root, out, name)))
            .digest('hex')}`,
      ),
    );
  };
  const again = await runCli(['build', '--quiet', '--force', '--out', 'again'], { cwd: root });
  expect(again.code, again.stderr).toBe(0);
  expect(await digest('again')).toEqual(await digest('dist'));
}, 60_000);
