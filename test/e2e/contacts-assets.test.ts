import { existsSync } from 'node:fs';
import { readdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import type { BuildReport } from '../../src/index.js';
import {
  foldSpaces,
  makePng,
  makeProject,
  minimalRelease,
  REPO,
  run,
  TINY_PDF,
} from './helpers.js';

/** The card as vobject (Python, an independent parser) reads it. */
async function readWithVobject(path: string): Promise<Record<string, unknown[]>> {
  const result = await run('/usr/bin/python3', [join(REPO, 'test/e2e/read-vcard.py'), path]);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Record<string, unknown[]>;
}

const AMELIE = {
  name: 'Amélie Dupré-Lefèvre, Jr.',
  role: 'Responsable presse; relations médias, Europe \\ Afrique',
  organization: 'Société Générale des Eaux, S.A.',
  office: 'Direction de la communication; Paris',
  email: 'amelie.dupre-lefevre@example.fr',
  url: 'https://example.fr/presse?a=1;b=2,c',
};

const RELEASE = `---
title: "L’eau pour tous : un plan en trois points"
lang: fr
date: 2026-11-27T10:00:00+01:00
organization:
  name: Société Générale des Eaux
  url: https://example.fr
  logo: logo.png
contacts:
  - name: Olivia Headon
    office: OIM New York
    organization: OIM
    phone: +1 212 681 7000 ext. 221
    email: oheadon@iom.int
  - name: "${AMELIE.name}"
    role: "${AMELIE.role.replace(/\\/g, '\\\\')}"
    organization: "${AMELIE.organization}"
    office: "${AMELIE.office}"
    phone: +33 1 42 68 53 00
    email: ${AMELIE.email}
    url: "${AMELIE.url}"
assets:
  - file: photos/usine.png
    alt: L’usine de traitement vue du ciel
    caption: L’usine de traitement d’Achères
    credit: © Société Générale des Eaux / J. Martin
  - file: fiche.pdf
    caption: Fiche d’information
---

Le plan a été présenté hier.
`;

const CONFIG = `contacts:
  - organization: Service de presse
    email: presse@example.fr
    phone: +33 1 42 68 53 01
  - name: Olivia Headon
    email: oheadon@iom.int
`;

async function decodeQrCodes(pdf: string, scratch: string): Promise<string[]> {
  const prefix = join(scratch, 'qr-page');
  await run('pdftoppm', ['-r', '200', '-png', pdf, prefix]);
  const pages = (await readdir(scratch)).filter((name) => name.startsWith('qr-page'));
  const codes: string[] = [];
  for (const page of pages) {
    // zbarimg prints each symbol; with -Sbinary and --raw the vCards arrive as they are.
    const out = await run('zbarimg', ['--raw', '-q', '-Sbinary', join(scratch, page)]);
    if (out.stdout) codes.push(...out.stdout.split(/(?<=END:VCARD\r\n)/).filter(Boolean));
  }
  return codes.sort();
}

describe('contacts a journalist imports in one tap, and media assets', () => {
  let root: string;
  let report: BuildReport;
  let kit: string;
  const slug = 'plan';

  beforeAll(async () => {
    root = await makeProject({
      'presskit.config.yaml': CONFIG,
      [`releases/${slug}/index.md`]: RELEASE,
      [`releases/${slug}/photos/usine.png`]: makePng(240, 160, [40, 120, 200]),
      [`releases/${slug}/logo.png`]: makePng(120, 40, [200, 60, 40]),
      [`releases/${slug}/fiche.pdf`]: TINY_PDF,
    });
    report = await build({ root });
    kit = join(root, 'dist', slug);
  });

  it('builds the kit with every contact and asset', () => {
    expect(report.releases[0]?.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.releases[0]?.files.map((file) => file.path).sort()).toEqual(
      [
        'SHA256SUMS',
        'assets/fiche.pdf',
        'assets/logo.png',
        'assets/usine.png',
        'contacts/amelie-dupre-lefevre-jr.vcf',
        'contacts/olivia-headon.vcf',
        'contacts/service-de-presse.vcf',
        'index.html',
        `${slug}.eml`,
        `${slug}.ninjs.json`,
        `${slug}.pdf`,
        `${slug}.txt`,
      ].map((path) => `${slug}/${path}`),
    );
  });

  it('writes vCards that an independent parser reads back with every field intact', async () => {
    const card = await readWithVobject(join(kit, 'contacts/amelie-dupre-lefevre-jr.vcf'));
    expect(card).toMatchObject({
      VERSION: ['3.0'],
      FN: [AMELIE.name],
      N: [['Dupré-Lefèvre', 'Amélie', '', '', 'Jr.']],
      TITLE: [AMELIE.role],
      ORG: [[AMELIE.organization, AMELIE.office]],
      EMAIL: [AMELIE.email],
      TEL: ['+33 1 42 68 53 00'],
      // URIs are percent-encoded, never backslash-escaped (STANDARDS §1).
      URL: [AMELIE.url.replace(/;/g, '%3B').replace(/,/g, '%2C')],
    });
    const olivia = await readWithVobject(join(kit, 'contacts/olivia-headon.vcf'));
    expect(olivia['TEL']).toEqual(['+1 212 681 7000 x221']);
    const office = await readFile(join(kit, 'contacts/service-de-presse.vcf'), 'utf8');
    expect(office).toContain('FN:Service de presse\r\n');
    expect(office).toContain('X-ABShowAs:COMPANY\r\n');
  });

  it('writes vCard 4.0 on request, read back by ical.js with every field intact', async () => {
    const v4 = await build({ root, out: 'v4', vcardVersion: '4.0' });
    expect(v4.ok).toBe(true);
    const text = await readFile(
      join(root, 'v4', slug, 'contacts/amelie-dupre-lefevre-jr.vcf'),
      'utf8',
    );
    const card = new ICAL.Component(ICAL.parse(text));
    expect(card.getFirstPropertyValue('version')).toBe('4.0');
    expect(card.getFirstPropertyValue('fn')).toBe(AMELIE.name);
    expect(card.getFirstPropertyValue('title')).toBe(AMELIE.role);
    expect(card.getFirstProperty('org')?.getValues().flat()).toEqual([
      AMELIE.organization,
      AMELIE.office,
    ]);
    const olivia = await readFile(join(root, 'v4', slug, 'contacts/olivia-headon.vcf'), 'utf8');
    expect(olivia).toContain('TEL;VALUE=uri;TYPE="work,voice":tel:+1-212-681-7000;ext=221\r\n');
    const office = await readFile(join(root, 'v4', slug, 'contacts/service-de-presse.vcf'), 'utf8');
    expect(office).toContain('KIND:org\r\n');
  });

  it('prints QR codes in the PDF that decode to the cards’ essentials', async () => {
    const cards = await Promise.all(
      ['amelie-dupre-lefevre-jr', 'olivia-headon', 'service-de-presse'].map(
        async (name) =>
          new ICAL.Component(ICAL.parse(await readFile(join(kit, `contacts/${name}.vcf`), 'utf8'))),
      ),
    );
    const codes = (await decodeQrCodes(join(kit, `${slug}.pdf`), root)).map(
      (code) => new ICAL.Component(ICAL.parse(code)),
    );
    expect(codes).toHaveLength(cards.length);
    for (const card of cards) {
      const fn = card.getFirstPropertyValue('fn');
      const code = codes.find((candidate) => candidate.getFirstPropertyValue('fn') === fn);
      if (!code) throw new Error(`no QR code for ${String(fn)}`);
      // What the code carries reads the same as in the .vcf: the organisation without its
      // office, and no address, link, UID or REV (those are in the .vcf only).
      for (const name of ['n', 'title', 'email', 'tel', 'x-abshowas']) {
        expect(code.getFirstPropertyValue(name), `${String(fn)} ${name}`).toEqual(
          card.getFirstPropertyValue(name),
        );
      }
      const org = card.getFirstPropertyValue('org');
      const organisation = Array.isArray(org) ? org[0] : org;
      if (organisation) expect(code.getFirstPropertyValue('org')).toEqual(organisation);
      for (const name of ['adr', 'url', 'uid', 'rev', 'prodid']) {
        expect(code.getFirstProperty(name), `${String(fn)} ${name}`).toBeNull();
      }
    }
  });

  it('shows the photo with its caption and credit, the logo, and lists the fact sheet', async () => {
    const pdf = join(kit, `${slug}.pdf`);
    const text = foldSpaces((await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout);
    expect(text).toContain('L’usine de traitement d’Achères');
    expect(text).toContain('© Société Générale des Eaux / J. Martin');
    expect(text).toContain('+1 212 681 7000 poste 221');
    const images = (await run('pdfimages', ['-list', pdf])).stdout.trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(2);
    expect(images.map((line) => line.split(/\s+/).slice(4, 6).join('x'))).toEqual(
      expect.arrayContaining(['240x160', '120x40']),
    );
    const html = await readFile(join(kit, 'index.html'), 'utf8');
    // A small image is shown as given, with its size in pixels.
    expect(html).toContain(
      '<img src="assets/usine.png" alt="L’usine de traitement vue du ciel" width="240" height="160">',
    );
    expect(html).toMatch(
      /<img class="logo" src="assets\/logo\.png" alt="Société Générale des Eaux">/,
    );
    expect(html).toMatch(
      /<a href="assets\/fiche\.pdf">fiche\.pdf<\/a>\s*<span class="file-meta">\(PDF, \d+ B\)/,
    );
    expect(html).toContain('href="tel:+1-212-681-7000;ext=221"');
    expect(html).toContain('href="contacts/olivia-headon.vcf"');
  });
});

describe('bad contacts and assets: a clear error and no partial kit', () => {
  const CASES: Record<string, { frontmatter: string; expected: RegExp }> = {
    'missing-file': {
      frontmatter: 'assets:\n  - file: nope.png\n    alt: x',
      expected:
        /missing-file\/index\.md:6: assets\[0\]\.file: "nope\.png": cannot read it \(no such file\)/,
    },
    outside: {
      frontmatter: 'assets:\n  - file: ../../../secret.png\n    alt: x',
      expected:
        /outside\/index\.md:6: assets\[0\]\.file: "\.\.\/\.\.\/\.\.\/secret\.png": is outside the project folder/,
    },
    symlink: {
      frontmatter: 'assets:\n  - file: link.png\n    alt: x',
      expected:
        /symlink\/index\.md:6: assets\[0\]\.file: "link\.png": is a link to a file outside the project folder/,
    },
    'wrong-type': {
      frontmatter: 'assets:\n  - file: fake.jpg\n    alt: x',
      expected:
        /wrong-type\/index\.md:6: assets\[0\]\.file: "fake\.jpg": the file's content is not JPEG/,
    },
    'too-big': {
      frontmatter: 'assets:\n  - file: big.png\n    alt: x',
      expected:
        /too-big\/index\.md:6: assets\[0\]\.file: "big\.png": is \d+ KB, over the limit of 20 KB/,
    },
    'no-alt': {
      frontmatter: 'assets:\n  - file: photo.png',
      expected:
        /no-alt\/index\.md:6: assets\[0\]\.file: "photo\.png": an image needs alt text: add "alt:"/,
    },
    'bad-phone': {
      frontmatter: 'contacts:\n  - name: A\n    phone: "+1 212"',
      expected:
        /bad-phone\/index\.md:7: contacts\[0\]\.phone: "\+1 212" is not a valid international phone number/,
    },
    'control-character': {
      frontmatter: 'contacts:\n  - name: A\n    role: "Chief\\aofficer"',
      expected: /control-character\/index\.md:7: contacts\[0\]\.role: contains a control character/,
    },
  };

  it.each(Object.keys(CASES))('%s', async (name) => {
    const bad = CASES[name];
    if (!bad) throw new Error(name);
    const root = await makeProject({
      'presskit.config.yaml': 'maxAssetSize: 20KB\n',
      [`releases/${name}/index.md`]: `---\ntitle: T\nlang: en\ndate: 2026-11-27\n${bad.frontmatter}\n---\nBody.\n`,
      [`releases/${name}/photo.png`]: makePng(10, 10, [0, 0, 0]),
      [`releases/${name}/fake.jpg`]: makePng(10, 10, [0, 0, 0]),
      [`releases/${name}/big.png`]: Buffer.concat([
        makePng(10, 10, [1, 2, 3]),
        Buffer.alloc(30_000),
      ]),
    });
    await symlink('/etc/hostname', join(root, `releases/${name}/link.png`));
    const report = await build({ root });
    expect(report.ok).toBe(false);
    const lines = report.releases[0]?.problems.map(
      (problem) => `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`,
    );
    expect(lines?.join('\n')).toMatch(bad.expected);
    expect(existsSync(join(root, 'dist', name))).toBe(false);
    expect(existsSync(join(root, 'dist', `${name}.zip`))).toBe(false);
  });
});

describe('an image in the text', () => {
  it('shows from assets/ on the page and is embedded in the PDF', async () => {
    const root = await makeProject({
      'releases/chart/index.md': minimalRelease({}, 'Before.\n\n![The sales chart](chart.png)\n'),
      'releases/chart/chart.png': makePng(180, 90, [20, 120, 200]),
    });
    const report = await build({ root });
    expect(report.ok).toBe(true);
    const kit = join(root, 'dist', 'chart');
    const html = await readFile(join(kit, 'index.html'), 'utf8');
    expect(html).toContain('<img src="assets/chart.png" alt="The sales chart">');
    const pdf = join(kit, 'chart.pdf');
    const images = (await run('pdfimages', ['-list', pdf])).stdout.trim().split('\n').slice(2);
    expect(images.map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'))).toEqual([
      '180x90',
    ]);
  });
});
