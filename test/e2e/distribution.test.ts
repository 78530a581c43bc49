import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ninjsValidator } from './ninjs-schema.js';
import {
  copySample,
  makePng,
  makeProject,
  minimalRelease,
  run,
  runCli,
  SAMPLE_SLUG,
} from './helpers.js';

const BASE = 'https://press.example.org/news/';

const translation = (lang: string, title: string): string => `---
title: "${title} ]]> <b>&"
subtitle: The subtitle
lang: ${lang}
date: 2026-11-27T10:00:00+01:00
summary: A summary with <angle> brackets & an ampersand.
tags: [launch, ${lang}-tag]
assets:
  - file: photo.png
    caption: The caption
    credit: Photo credit Jane Doe
    alt: A blue square
contacts:
  - name: Ann Press
    email: ann@example.org
---

The body, with [a link inside the kit](assets/photo.png) and ![a red square](red.png).
`;

const FILES = {
  'presskit.config.yaml': 'organization:\n  name: Example Org\n',
  'releases/launch/en.md': translation('en', 'We launch'),
  'releases/launch/fr.md': translation('fr', 'Nous lançons'),
  'releases/launch/photo.png': makePng(40, 30, [30, 60, 200]),
  'releases/launch/red.png': makePng(20, 20, [200, 30, 30]),
  'releases/secret.md':
    '---\ntitle: Not yet\nlang: en\ndate: 2026-12-01\nembargo: 2099-01-01T09:00:00+01:00\n---\n\nSecret.\n',
};

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const read = (root: string, path: string): Promise<string> => readFile(join(root, path), 'utf8');

describe('distribution: feeds, sitemap, ninjs and e-mail, from the real binary', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeProject(FILES);
    await copySample(root);
    for (const [out, extra] of [
      ['out1', ['--base-url', BASE]],
      ['out2', ['--base-url', BASE]],
      ['plain', []],
    ] as const) {
      const result = await runCli(['build', '--quiet', '-o', join(root, out), ...extra], {
        cwd: root,
      });
      expect(result.code, result.stderr).toBe(0);
    }
  }, 120_000);

  it('writes a ninjs 3.1 document per kit that IPTC’s schema accepts', async () => {
    const { validate, errors } = await ninjsValidator();
    for (const out of ['out1', 'plain']) {
      for (const slug of ['launch-en', 'launch-fr', 'secret', SAMPLE_SLUG]) {
        const doc: unknown = JSON.parse(await read(root, `${out}/${slug}/${slug}.ninjs.json`));
        expect(validate(doc), `${out}/${slug}: ${errors()}`).toBe(true);
      }
    }
    const en = JSON.parse(await read(root, 'out1/launch-en/launch-en.ninjs.json'));
    // The validator does refuse what ninjs does not allow.
    expect(validate({ ...en, pubStatus: 'draft' })).toBe(false);
    expect(validate({ ...en, embargoed: en.versionCreated })).toBe(false);
    expect(en).toMatchObject({
      uri: `${BASE}launch-en/`,
      type: 'text',
      pubStatus: 'usable',
      language: 'en',
      versionCreated: '2026-11-27T10:00:00+01:00',
      firstCreated: '2026-11-27T10:00:00+01:00',
      headlines: [
        { role: 'main', value: 'We launch ]]> <b>&' },
        { role: 'sub', value: 'The subtitle' },
      ],
      descriptions: [{ role: 'summary', value: 'A summary with <angle> brackets & an ampersand.' }],
      subjects: [{ name: 'launch' }, { name: 'en-tag' }],
      copyrightHolder: 'Example Org',
    });
    expect(en.embargoedUntil).toBeUndefined();
    const [text, html] = en.bodies;
    expect(text).toEqual({
      role: 'main',
      contentType: 'text/plain',
      value: await read(root, 'out1/launch-en/launch-en.txt'),
    });
    expect(html.contentType).toBe('text/html');
    expect(html.value).toContain(`src="${BASE}launch-en/assets/red.png"`);
    expect(html.value).toContain(`href="${BASE}launch-en/assets/photo.png"`);
    const [pdf, ...pictures] = en.associations;
    expect(pdf.renditions[0]).toEqual({
      name: 'print',
      href: `${BASE}launch-en/launch-en.pdf`,
      contentType: 'application/pdf',
      sizeInBytes: (await stat(join(root, 'out1/launch-en/launch-en.pdf'))).size,
    });
    const photo = pictures.find((p: { uri: string }) => p.uri.endsWith('photo.png'));
    expect(photo).toMatchObject({
      type: 'picture',
      by: 'Photo credit Jane Doe',
      copyrightNotice: 'Photo credit Jane Doe',
      descriptions: [
        { role: 'caption', value: 'The caption' },
        { role: 'alt', value: 'A blue square' },
      ],
      renditions: [
        {
          contentType: 'image/png',
          href: `${BASE}launch-en/assets/photo.png`,
          width: 40,
          height: 30,
        },
      ],
    });
    const secret = JSON.parse(await read(root, 'out1/secret/secret.ninjs.json'));
    expect(secret.embargoedUntil).toBe('2099-01-01T09:00:00+01:00');
    // Without a base URL the kit has no address: URNs, and paths inside the kit.
    const plain = JSON.parse(await read(root, 'plain/launch-en/launch-en.ninjs.json'));
    expect(plain.uri).toBe('urn:presskit:launch-en');
    expect(plain.associations[0].altIds).toEqual([{ role: 'kit-path', value: 'launch-en.pdf' }]);
    expect(plain.associations[0].renditions[0].href).toBeUndefined();
  });

  it('writes an e-mail that a mail parser reads back: two alternatives, no attachment', async () => {
    const bytes = await readFile(join(root, 'out1/launch-en/launch-en.eml'));
    expect(bytes.byteLength).toBeLessThan(100 * 1024);
    // 7-bit, every line ending in CRLF and at most 78 characters long (RFC 5322 §2.1.1).
    const lines = bytes.toString('latin1').split('\r\n');
    expect(lines.filter((line) => line.includes('\n') || line.length > 78)).toEqual([]);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    const mail = await simpleParser(bytes);
    expect(mail.subject).toBe('We launch ]]> <b>&');
    expect(mail.from?.value).toEqual([{ name: 'Example Org', address: 'ann@example.org' }]);
    expect(mail.date?.toISOString()).toBe('2026-11-27T09:00:00.000Z');
    expect(mail.messageId).toBe('<launch-en.20261127@press.example.org>');
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail.headers.get('content-language')).toBe('en');
    expect(mail.attachments).toHaveLength(0);
    expect(mail.text?.trimEnd()).toBe((await read(root, 'out1/launch-en/launch-en.txt')).trimEnd());
    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(html).toContain('<h1 style=');
    expect(html).toMatch(
      /<body[^>]*>\s*<div style="display:none;[^"]*">A summary with &lt;angle&gt; brackets &amp; an ampersand\.<\/div>/,
    );
    expect(html).not.toMatch(/<style|data:|<script|class="dateline"/i);
    expect(html).toContain(`href="${BASE}launch-en/launch-en.pdf"`);
    expect(html).toContain(`href="${BASE}launch-en.zip"`);
    expect(html).toContain(`src="${BASE}launch-en/assets/red.png"`);
    expect(html).toContain('We launch ]]&gt; &lt;b&gt;&amp;');
    expect(html).toContain(`<a href="${BASE}launch-en/assets/photo.png"`);
    expect(html).toContain('Photo credit: Photo credit Jane Doe');
    // Valid HTML; its styles are inline on purpose (mail clients drop <style> elements).
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended', 'html-validate:document'],
      rules: { 'no-inline-style': 'off', 'long-title': 'off' },
    });
    for (const slug of ['launch-en', SAMPLE_SLUG]) {
      const part = await simpleParser(await readFile(join(root, `out1/${slug}/${slug}.eml`)));
      const report = await validator.validateString(typeof part.html === 'string' ? part.html : '');
      expect(
        report.results.flatMap((result) => result.messages),
        slug,
      ).toEqual([]);
    }
    // Every element of the body carries its own style.
    expect(html).not.toMatch(/<(p|a|h2|img|blockquote)(?=[ >])(?![^>]*style=)/);
    // Without a base URL, the links are the kit's own relative ones.
    const plain = await simpleParser(await readFile(join(root, 'plain/launch-en/launch-en.eml')));
    expect(plain.html).toContain('href="launch-en.pdf"');
    expect(plain.html).toContain('href="../launch-en.zip"');
    expect(plain.messageId).toBe('<launch-en.20261127@presskit.invalid>');
    // Under an embargo, the subject says so first, and so does the HTML.
    const secret = await simpleParser(await readFile(join(root, 'out1/secret/secret.eml')));
    expect(secret.subject).toMatch(/^EMBARGOED UNTIL .*2099.*: Not yet$/);
    expect(secret.html).toMatch(/>EMBARGOED UNTIL [^<]*2099[^<]*</);
    // No contact with an address: a From that never delivers, never a made-up real one.
    expect(secret.from?.value).toEqual([{ name: 'Example Org', address: 'press@example.invalid' }]);
  });

  it('ships ninjs and e-mail in the kit: SHA256SUMS and the zip list them', async () => {
    const kit = join(root, 'out1/launch-en');
    const sums = await readFile(join(kit, 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(/ {2}launch-en\.eml\n/);
    expect(sums).toMatch(/ {2}launch-en\.ninjs\.json\n/);
    expect((await run('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], kit)).code).toBe(0);
    const zip = await run('unzip', ['-Z1', join(root, 'out1/launch-en.zip')]);
    expect(zip.stdout.split('\n')).toEqual(
      expect.arrayContaining(['launch-en/launch-en.eml', 'launch-en/launch-en.ninjs.json']),
    );
  });

  it('writes Atom, RSS and JSON Feed of the listed releases, newest first, absolute links', async () => {
    const atomText = await read(root, 'out1/feed.xml');
    expect(XMLValidator.validate(atomText)).toBe(true);
    const atom = xml.parse(atomText).feed;
    expect(atom['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atom.updated).toBe('2026-11-27T09:00:00.000Z');
    const entries = list(atom.entry);
    // The embargoed release is not listed; same date: by slug.
    expect(entries.map((entry) => entry.id)).toEqual([
      `${BASE}launch-en/`,
      `${BASE}launch-fr/`,
      `${BASE}${SAMPLE_SLUG}/`,
    ]);
    expect(entries[0].title['#text']).toBe('We launch ]]&gt; &lt;b&gt;&amp;');
    expect(entries[0].link['@href']).toBe(`${BASE}launch-en/`);

    const rssText = await read(root, 'out1/rss.xml');
    expect(XMLValidator.validate(rssText)).toBe(true);
    const channel = xml.parse(rssText).rss.channel;
    expect(channel.link).toBe(BASE);
    expect(channel.lastBuildDate).toBe('Fri, 27 Nov 2026 09:00:00 GMT');
    expect(list(channel.item).map((item) => item.link)).toEqual(entries.map((e) => e.id));

    const json = JSON.parse(await read(root, 'out1/feed.json'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe(`${BASE}feed.json`);
    for (const item of json.items) {
      expect(typeof item.id).toBe('string');
      expect(item.url).toMatch(/^https:\/\//);
      expect(typeof (item.content_html ?? item.content_text)).toBe('string');
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    }
    expect(json.items.map((item: { id: string }) => item.id)).toEqual(entries.map((e) => e.id));

    // Two languages: one set of feeds each.
    const fr = xml.parse(await read(root, 'out1/feed.fr.xml')).feed;
    expect(list(fr.entry).map((entry) => entry.id)).toEqual([
      `${BASE}launch-fr/`,
      `${BASE}${SAMPLE_SLUG}/`,
    ]);
    const en = JSON.parse(await read(root, 'out1/feed.en.json'));
    expect(en.language).toBe('en');
    expect(en.items.map((item: { id: string }) => item.id)).toEqual([`${BASE}launch-en/`]);
    expect(XMLValidator.validate(await read(root, 'out1/rss.en.xml'))).toBe(true);
  });

  it('writes sitemap.xml with hreflang alternates and robots.txt, only with a base URL', async () => {
    const text = await read(root, 'out1/sitemap.xml');
    expect(XMLValidator.validate(text)).toBe(true);
    const urls = list(xml.parse(text).urlset.url);
    expect(urls.map((url) => url.loc)).toEqual([
      BASE,
      `${BASE}launch-en/`,
      `${BASE}launch-fr/`,
      `${BASE}${SAMPLE_SLUG}/`,
    ]);
    const links = list(urls[1]['xhtml:link']).map((link) => [link['@hreflang'], link['@href']]);
    expect(links).toEqual([
      ['en', `${BASE}launch-en/`],
      ['fr', `${BASE}launch-fr/`],
      ['x-default', `${BASE}launch-en/`],
    ]);
    expect(urls[3]['xhtml:link']).toBeUndefined();
    expect(await read(root, 'out1/robots.txt')).toContain(`\nSitemap: ${BASE}sitemap.xml\n`);
    // The newsroom page names its feeds for readers' autodiscovery; without a base URL, none.
    expect(await read(root, 'out1/index.html')).toContain(
      '<link rel="alternate" type="application/atom+xml" href="feed.xml" title="Atom">',
    );
    expect(await read(root, 'plain/index.html')).not.toContain('rel="alternate"');
    const plain = await readdir(join(root, 'plain'));
    for (const name of ['feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml', 'robots.txt']) {
      expect(plain).not.toContain(name);
    }
  });

  it('gives the same bytes for the same input', async () => {
    for (const path of [
      'feed.xml',
      'rss.xml',
      'feed.json',
      'feed.fr.xml',
      'sitemap.xml',
      'launch-en/launch-en.eml',
      'launch-en/launch-en.ninjs.json',
      'launch-en.zip',
    ]) {
      const [a, b] = await Promise.all([
        readFile(join(root, 'out1', path)),
        readFile(join(root, 'out2', path)),
      ]);
      expect(a.equals(b), path).toBe(true);
    }
  });
});

describe('the newsroom’s files for machines are presskit’s only where it wrote them', () => {
  it('keeps a robots.txt of the user’s (exit 2), removes its own feeds once the base URL goes, and `index --base-url` writes them', async () => {
    const root = await makeProject({ 'releases/a.md': minimalRelease() });
    const build = (...extra: string[]): ReturnType<typeof runCli> =>
      runCli(['build', '--quiet', ...extra], { cwd: root });
    expect((await build('--base-url', BASE)).code).toBe(0);
    expect(await readdir(join(root, 'dist'))).toEqual(
      expect.arrayContaining(['feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml', 'robots.txt']),
    );
    // Dropped base URL: the feeds presskit wrote go (they would list addresses that no
    // longer hold), the kits stay.
    expect((await build()).code).toBe(0);
    const after = await readdir(join(root, 'dist'));
    for (const name of ['feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml', 'robots.txt']) {
      expect(after).not.toContain(name);
    }
    expect(after).toContain('a.zip');

    await writeFile(join(root, 'dist/robots.txt'), 'User-agent: *\nDisallow: /private/\n');
    const refused = await runCli(['index', '--base-url', BASE], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/robots\.txt: was not written by presskit/);
    expect(await readFile(join(root, 'dist/robots.txt'), 'utf8')).toContain('/private/');

    await rm(join(root, 'dist/robots.txt'));
    const index = await runCli(['index', '--base-url', 'https://press.example.org/news'], {
      cwd: root,
    });
    expect(index.code, index.stderr).toBe(0);
    expect(index.stderr).toMatch(
      /1 release\(s\) listed in .*index\.html and feed\.xml, rss\.xml, feed\.json, sitemap\.xml, robots\.txt/,
    );
    const atom = xml.parse(await read(root, 'dist/feed.xml')).feed;
    // The kit was built without a base URL: its id is its URN, the feed's own links absolute.
    expect(list(atom.entry).map((entry) => [entry.id, entry.link['@href']])).toEqual([
      ['urn:presskit:a', `${BASE}a/`],
    ]);
    expect(list(atom.link).map((link) => link['@href'])).toContain(`${BASE}feed.xml`);
  });
});
