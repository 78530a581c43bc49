import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openFile, runAxe } from '../html/chromium.js';
import { makeProject, minimalRelease, runCli } from './helpers.js';

/** One release in the IOM's four languages, and one in English only. */
const ACCORD: Record<string, Record<string, string>> = {
  en: { title: 'IOM and Belgium sign a framework agreement', dateline: 'Brussels' },
  fr: { title: 'L’OIM et la Belgique signent un Accord-cadre', dateline: 'Belgique' },
  es: { title: 'La OIM y Bélgica firman un acuerdo marco', dateline: 'Bélgica' },
  ar: { title: 'المنظمة الدولية للهجرة وبلجيكا توقعان اتفاقية إطارية', dateline: 'بلجيكا' },
};
const BODY: Record<string, string> = {
  en: 'The Government of Belgium signed a framework agreement with IOM yesterday.',
  fr: 'Le gouvernement de Belgique a signé, hier, un Accord-cadre avec l’OIM.',
  es: 'El Gobierno de Bélgica firmó ayer un acuerdo marco con la OIM.',
  ar: 'وقعت حكومة بلجيكا أمس اتفاقية إطارية مع المنظمة الدولية للهجرة.',
};
const LANGS = Object.keys(ACCORD);
const BASE_URL = 'https://press.example.org/news/';

function projectFiles(config: string): Record<string, string> {
  const files: Record<string, string> = { 'presskit.config.yaml': config };
  for (const lang of LANGS) {
    files[`releases/accord/${lang}.md`] = minimalRelease(
      { ...ACCORD[lang], lang, date: '2016-10-04' },
      BODY[lang],
    );
  }
  files['releases/single.md'] = minimalRelease(
    { title: 'A release in English only', date: '2016-11-02' },
    'Text.',
  );
  return files;
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: { 'long-title': 'off' },
});

let root: string;
let browser: Browser;

beforeAll(async () => {
  root = await makeProject(projectFiles('organization:\n  name: IOM\n'));
  const relative = await runCli(['build'], { cwd: root });
  expect(relative.code, relative.stderr).toBe(0);
  const absolute = await runCli(['build', '-o', join(root, 'public'), '--base-url', BASE_URL], {
    cwd: root,
  });
  expect(absolute.code, absolute.stderr).toBe(0);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** What Chromium's own parse of a page says of its languages. */
interface Links {
  lang: string;
  alternates: { hreflang: string; href: string }[];
  switcher: { lang: string; dir: string; text: string; href: string | null; current: boolean }[];
  jsonLd: string[];
  ogAlternates: string[];
}

async function linksOf(file: string): Promise<Links> {
  const page = await openFile(browser, file);
  try {
    return await page.evaluate(() => ({
      lang: document.documentElement.lang,
      alternates: [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => ({
        hreflang: link.getAttribute('hreflang') ?? '',
        href: link.getAttribute('href') ?? '',
      })),
      switcher: [...document.querySelectorAll('nav.translations li > *')].map((item) => ({
        lang: item.getAttribute('lang') ?? '',
        dir: item.getAttribute('dir') ?? '',
        text: item.textContent ?? '',
        href: item.getAttribute('href'),
        current: item.getAttribute('aria-current') === 'page',
      })),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map(
        (script) => script.textContent ?? '',
      ),
      ogAlternates: [...document.querySelectorAll('meta[property="og:locale:alternate"]')].map(
        (meta) => meta.getAttribute('content') ?? '',
      ),
    }));
  } finally {
    await page.close();
  }
}

/** The file a link of `page` names: relative to the page, or under the base URL. */
function target(page: string, href: string, out: string): string {
  if (href.startsWith(BASE_URL)) {
    const path = href.slice(BASE_URL.length);
    return join(out, path.endsWith('/') ? `${path}index.html` : path);
  }
  return fileURLToPath(new URL(href, pathToFileURL(page)));
}

const kitPage = (out: string, lang: string): string => join(out, `accord-${lang}`, 'index.html');

describe.each([
  { name: 'relative links', out: 'dist' },
  { name: 'links under --base-url', out: 'public' },
])('a release in en, fr, es and ar: $name', ({ out }) => {
  it.each(LANGS)('%s: every language linked, each to a kit that exists', async (lang) => {
    const dir = join(root, out);
    const page = kitPage(dir, lang);
    const links = await linksOf(page);
    expect(links.lang).toBe(lang);
    expect(links.alternates.map((link) => link.hreflang)).toEqual([
      'ar',
      'en',
      'es',
      'fr',
      'x-default',
    ]);
    for (const link of links.alternates) {
      if (out === 'public') expect(link.href.startsWith(BASE_URL)).toBe(true);
      else expect(link.href).toMatch(/^\.\.\/accord-[a-z]+\/index\.html$/);
      const file = target(page, link.href, dir);
      expect(existsSync(file), file).toBe(true);
      const other = await readFile(file, 'utf8');
      const expected = link.hreflang === 'x-default' ? 'en' : link.hreflang;
      expect(other).toContain(`<html lang="${expected}"`);
    }
    // Open Graph names the other languages when there is a base URL (and so Open Graph).
    if (out === 'dist') expect(links.ogAlternates).toEqual([]);
    else {
      const others = { ar: 'ar_EG', en: 'en_US', es: 'es_ES', fr: 'fr_FR' };
      expect(links.ogAlternates).toEqual(
        Object.entries(others)
          .filter(([other]) => other !== lang)
          .map(([, locale]) => locale),
      );
    }
    // The switcher: each language in its own name, marked with its language, this one current.
    expect(links.switcher.map((item) => [item.lang, item.dir, item.text])).toEqual([
      ['ar', 'rtl', 'العربية'],
      ['en', 'ltr', 'English'],
      ['es', 'ltr', 'Español'],
      ['fr', 'ltr', 'Français'],
    ]);
    for (const item of links.switcher) {
      expect(item.current).toBe(item.lang === lang);
      expect(item.href === null).toBe(item.lang === lang);
      if (item.href) expect(existsSync(target(page, item.href, dir))).toBe(true);
    }
  });

  it('declares the translations in JSON-LD: the original (en) lists them, each names it', async () => {
    const dir = join(root, out);
    const data = async (lang: string): Promise<Record<string, unknown>> => {
      const [json] = (await linksOf(kitPage(dir, lang))).jsonLd;
      return JSON.parse(json ?? '') as Record<string, unknown>;
    };
    const original = await data('en');
    const works = original['workTranslation'] as { inLanguage: string; url: string }[];
    expect(works.map((work) => work.inLanguage)).toEqual(['ar', 'es', 'fr']);
    for (const work of works) {
      expect(existsSync(target(kitPage(dir, 'en'), work.url, dir))).toBe(true);
    }
    expect(original['translationOfWork']).toBeUndefined();
    for (const lang of ['ar', 'es', 'fr']) {
      const translation = await data(lang);
      const of = translation['translationOfWork'] as { inLanguage: string; url: string };
      expect(of.inLanguage).toBe('en');
      expect(target(kitPage(dir, lang), of.url, dir)).toBe(kitPage(dir, 'en'));
      expect(translation['workTranslation']).toBeUndefined();
    }
  });

  it('lists the release once in the newsroom, with a link to each language', async () => {
    const html = await readFile(join(root, out, 'index.html'), 'utf8');
    const entries = html.split('<li class="newsroom-item"').slice(1);
    expect(entries).toHaveLength(2);
    const accord = entries.find((entry) => entry.includes('accord-en/index.html')) ?? '';
    for (const lang of LANGS) expect(accord).toContain(`href="accord-${lang}.zip"`);
    expect(accord).toContain('>IOM and Belgium sign a framework agreement<');
    expect(accord).not.toContain(ACCORD['fr']?.title);
  });

  it('is grouped alike by presskit index, from the kits alone (as after CI shards)', async () => {
    const built = await readFile(join(root, out, 'index.html'), 'utf8');
    // As a CI merge job runs it: with the base URL the build had, for the same feeds.
    const base = out === 'public' ? ['--base-url', BASE_URL] : [];
    const indexed = await runCli(['index', join(root, out), ...base], { cwd: root });
    expect(indexed.code, indexed.stderr).toBe(0);
    expect(indexed.stderr).toContain('2 release(s) listed');
    expect(await readFile(join(root, out, 'index.html'), 'utf8')).toBe(built);
  });

  it('passes html-validate: every kit page and the newsroom', async () => {
    const files = [...LANGS.map((lang) => kitPage(join(root, out), lang)), 'index.html'];
    for (const file of files) {
      const report = await validator.validateFile(
        file === 'index.html' ? join(root, out, file) : file,
      );
      const messages = report.results.flatMap((result) =>
        result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
      );
      expect(messages, file).toEqual([]);
    }
  });
});

describe('a release in several languages, built again', () => {
  it('gives the same bytes: every zip and the newsroom', async () => {
    const again = await runCli(['build', '-o', join(root, 'again')], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    for (const file of [...LANGS.map((lang) => `accord-${lang}.zip`), 'single.zip', 'index.html'])
      expect(await readFile(join(root, 'again', file)), file).toEqual(
        await readFile(join(root, 'dist', file)),
      );
  }, 60_000);
});

describe('a release in several languages, built in CI shards', () => {
  it('links every language from each shard, as one build does, and indexes them as one', async () => {
    for (const shard of ['1/2', '2/2']) {
      const part = await runCli(['build', '-o', join(root, 'shards'), '--shard', shard], {
        cwd: root,
      });
      expect(part.code, part.stderr).toBe(0);
    }
    const indexed = await runCli(['index', join(root, 'shards')], { cwd: root });
    expect(indexed.stderr).toContain('2 release(s) listed');
    for (const file of [...LANGS.map((lang) => `accord-${lang}/index.html`), 'index.html'])
      expect(await readFile(join(root, 'shards', file), 'utf8'), file).toBe(
        await readFile(join(root, 'dist', file), 'utf8'),
      );
  }, 60_000);
});

describe('a release in several languages, in Chromium', () => {
  const axeOf = async (file: string, width: number): Promise<string[]> => {
    const page: Page = await openFile(browser, file, { width, bypassCsp: true });
    try {
      const summary = await runAxe(page);
      return summary.violations.map((violation) => `${violation.id}: ${violation.nodes[0]}`);
    } finally {
      await page.close();
    }
  };

  it('has no axe-core WCAG A/AA violation on a kit page and the newsroom, at 375 and 1280 px', async () => {
    for (const width of [375, 1280]) {
      expect(await axeOf(kitPage(join(root, 'dist'), 'ar'), width)).toEqual([]);
      expect(await axeOf(join(root, 'dist', 'index.html'), width)).toEqual([]);
    }
  });
});

describe('the newsroom in the project language (config lang)', () => {
  let french: string;
  beforeAll(async () => {
    french = await makeProject({
      ...projectFiles('lang: fr\norganization:\n  name: OIM\n'),
      'releases/arabe.md': minimalRelease({ title: 'بيان', lang: 'ar', date: '2016-10-05' }, 'نص.'),
    });
    const built = await runCli(['build'], { cwd: french });
    expect(built.code, built.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rm(french, { recursive: true, force: true }));

  it('has French furniture, the French version as the entry, each entry in its language', async () => {
    const html = await readFile(join(french, 'dist', 'index.html'), 'utf8');
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('<title>OIM — communiqués de presse</title>');
    expect(html).toContain('<h1>Communiqués de presse</h1>');
    expect(html).toContain('>Page web<');
    expect(html).toMatch(/>Dossier de presse \(zip, [\d.,]+\s?KB\)</);
    expect(html).toContain('<p>Autres langues</p>');
    const entries = html.split('<li class="newsroom-item"').slice(1);
    expect(entries).toHaveLength(3);
    const [arabic, single, accord] = [
      entries.find((entry) => entry.includes('arabe/index.html')) ?? '',
      entries.find((entry) => entry.includes('single/index.html')) ?? '',
      entries.find((entry) => entry.includes('accord-fr/index.html')) ?? '',
    ];
    // The original of the set is the French one now, and the entry shows it.
    expect(accord.startsWith(' lang="fr" dir="ltr">')).toBe(true);
    expect(accord).toContain('>L’OIM et la Belgique signent un Accord-cadre<');
    expect(accord).toContain('<time datetime="2016-10-04">4 octobre 2016</time>');
    expect(single.startsWith(' lang="en" dir="ltr">')).toBe(true);
    expect(single).toContain('<time datetime="2016-11-02">Nov. 2, 2016</time>');
    expect(arabic.startsWith(' lang="ar" dir="rtl">')).toBe(true);
    expect(arabic).toContain('<time datetime="2016-10-05">5 تشرين الأول/أكتوبر 2016</time>');
    // The newsroom's own words inside an Arabic entry keep their language and direction.
    expect(arabic).toContain('<ul class="downloads" lang="fr" dir="ltr">');
    const fr = await readFile(join(french, 'dist', 'accord-fr', 'index.html'), 'utf8');
    expect(fr).toContain('"workTranslation":[');
    expect(fr).toContain(
      '<link rel="alternate" hreflang="x-default" href="../accord-fr/index.html">',
    );
    const report = await validator.validateFile(join(french, 'dist', 'index.html'));
    expect(report.results.flatMap((result) => result.messages)).toEqual([]);
  });

  it('refuses a config lang that is not a BCP 47 tag, naming the file, line and field', async () => {
    const bad = await makeProject({
      'presskit.config.yaml': 'organization:\n  name: OIM\nlang: français\n',
      'releases/a.md': minimalRelease(),
    });
    try {
      const result = await runCli(['build'], { cwd: bad });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/presskit\.config\.yaml:3: lang: is not a BCP 47 language tag/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});

describe('check of a translation', () => {
  it('names its problems from the working folder, as every other file is named', async () => {
    // The translation sets read each file first, named from the project folder; check
    // takes that read over rather than parse the file again, and names it its own way.
    const files = projectFiles('');
    const project = await makeProject({
      'presskit.config.yaml': '',
      'releases/accord/en.md': files['releases/accord/en.md'] ?? '',
      'releases/accord/fr.md': minimalRelease(
        { ...ACCORD.fr, lang: 'fr', date: '2016-10-04' },
        'Voir [le site](javascript:alert(1)).',
      ),
    });
    try {
      const checked = await runCli(['check'], { cwd: join(project, 'releases') });
      expect(checked.code).toBe(1);
      const output = checked.stdout + checked.stderr;
      expect(output).toMatch(/^accord\/fr\.md:\d+: .*javascript/m);
      expect(output).not.toContain('releases/accord/fr.md');
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

describe('two translations in one language', () => {
  it('fail the second, in build and check alike, naming its lang line and the first', async () => {
    const files = projectFiles('');
    const project = await makeProject({
      'releases/accord/en.md': files['releases/accord/en.md'] ?? '',
      'releases/accord/fr.md': files['releases/accord/fr.md'] ?? '',
      // A copy of fr.md, its language not yet changed.
      'releases/accord/it.md': files['releases/accord/fr.md'] ?? '',
    });
    try {
      const line =
        'releases/accord/it.md:3: lang: fr is also the language of releases/accord/fr.md';
      const checked = await runCli(['check'], { cwd: project });
      expect(checked.code).toBe(1);
      expect(checked.stdout + checked.stderr).toContain(line);
      const built = await runCli(['build'], { cwd: project });
      expect(built.code).toBe(1);
      expect(built.stderr).toContain(line);
      expect(existsSync(join(project, 'dist/accord-it'))).toBe(false);
      const fr = await readFile(join(project, 'dist/accord-fr/index.html'), 'utf8');
      expect(fr).toContain('hreflang="en"');
      expect(fr).not.toContain('accord-it');
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a translation added later', () => {
  it('rebuilds the kits of its siblings, which then link it', async () => {
    const files = projectFiles('');
    const project = await makeProject({
      'releases/accord/en.md': files['releases/accord/en.md'] ?? '',
      'releases/accord/fr.md': files['releases/accord/fr.md'] ?? '',
    });
    try {
      expect((await runCli(['build'], { cwd: project })).code).toBe(0);
      const again = await runCli(['build', '--json'], { cwd: project });
      const statuses = (report: string): string[] =>
        (JSON.parse(report) as { releases: { status: string }[] }).releases.map((r) => r.status);
      expect(statuses(again.stdout)).toEqual(['unchanged', 'unchanged']);
      await writeFile(join(project, 'releases/accord/es.md'), files['releases/accord/es.md'] ?? '');
      const added = await runCli(['build', '--json'], { cwd: project });
      expect(added.code, added.stderr).toBe(0);
      expect(statuses(added.stdout)).toEqual(['built', 'built', 'built']);
      const en = await readFile(join(project, 'dist/accord-en/index.html'), 'utf8');
      expect(en).toContain('hreflang="es" href="../accord-es/index.html"');
      const newsroom = await readFile(join(project, 'dist/index.html'), 'utf8');
      expect(newsroom.split('<li class="newsroom-item"')).toHaveLength(2);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a translation under embargo', () => {
  it('is not linked from its published siblings until its embargo ends, then is', async () => {
    const files = projectFiles(`baseUrl: ${BASE_URL}\n`);
    const project = await makeProject({
      'presskit.config.yaml': files['presskit.config.yaml'] ?? '',
      'releases/accord/en.md': files['releases/accord/en.md'] ?? '',
      'releases/accord/fr.md': minimalRelease(
        { ...ACCORD['fr'], lang: 'fr', date: '2016-10-04', embargo: '2016-10-05T09:00:00Z' },
        BODY['fr'],
      ),
      'releases/accord/es.md': files['releases/accord/es.md'] ?? '',
    });
    const statuses = (report: string): Record<string, string> =>
      Object.fromEntries(
        (JSON.parse(report) as { releases: { slug: string; status: string }[] }).releases.map(
          (release) => [release.slug, release.status],
        ),
      );
    try {
      const before = await runCli(['build', '--json', '--now', '2016-10-05T08:00:00Z'], {
        cwd: project,
      });
      expect(before.code, before.stderr).toBe(0);
      for (const lang of ['en', 'es']) {
        const page = await readFile(join(project, `dist/accord-${lang}/index.html`), 'utf8');
        // No switcher entry, hreflang alternate or JSON-LD link names the French kit.
        expect(page, lang).not.toContain('accord-fr');
        expect(page).toContain(`hreflang="${lang === 'en' ? 'es' : 'en'}"`);
      }
      // The French kit itself, not public yet, links the public ones.
      const fr = await readFile(join(project, 'dist/accord-fr/index.html'), 'utf8');
      expect(fr).toContain(`href="${BASE_URL}accord-en/"`);

      const after = await runCli(['build', '--json', '--now', '2016-10-05T10:00:00Z'], {
        cwd: project,
      });
      expect(after.code, after.stderr).toBe(0);
      // Its siblings are rebuilt to link it, as it is to be unmarked.
      expect(statuses(after.stdout)).toEqual({
        'accord-en': 'built',
        'accord-es': 'built',
        'accord-fr': 'built',
      });
      const en = await readFile(join(project, 'dist/accord-en/index.html'), 'utf8');
      expect(en).toContain(`hreflang="fr" href="${BASE_URL}accord-fr/"`);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }, 60_000);
});
