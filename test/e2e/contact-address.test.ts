import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, foldSpaces, makeProject, run, runCli } from './helpers.js';

const RELEASE = `---
title: La OIM abre una oficina en Madrid
lang: es
date: 2026-11-27
contacts:
  - name: María José Núñez Peña
    role: Portavoz
    email: mjnunez@example.org
    address:
      street: Calle Mayor 1, 3.º
      locality: Madrid
      postalCode: "28013"
      country: España
  - name: Wang Xiaoming
    givenName: Xiaoming
    familyName: Wang
    email: wang@example.org
---

La oficina abre hoy.
`;

describe('a contact address on the page, in the PDF and in the .txt; names split right', () => {
  let kit = '';
  beforeAll(async () => {
    const root = await makeProject({ 'releases/madrid.md': RELEASE });
    const result = await runCli(['build', '--quiet'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    kit = join(root, 'dist/madrid');
  });

  it('shows the address under the contact, in all three', async () => {
    const page = await readFile(join(kit, 'index.html'), 'utf8');
    expect(page).toContain(
      '<p class="contact-address">Calle Mayor 1, 3.º<br>28013 Madrid<br>España</p>',
    );
    const pdf = await run('pdftotext', [join(kit, 'madrid.pdf'), '-']);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(foldSpaces(pdf.stdout)).toContain(
      'María José Núñez Peña Portavoz Calle Mayor 1, 3.º 28013 Madrid España',
    );
    const text = await readFile(join(kit, 'madrid.txt'), 'utf8');
    expect(text).toContain(
      'María José Núñez Peña\nPortavoz\nCalle Mayor 1, 3.º\n28013 Madrid\nEspaña\nCorreo',
    );
  });

  it('writes N as both vobject and ical.js read it: two surnames, or as given', async () => {
    const maria = join(kit, 'contacts/maria-jose-nunez-pena.vcf');
    const wang = join(kit, 'contacts/wang-xiaoming.vcf');
    for (const [path, n] of [
      [maria, ['Núñez Peña', 'María José', '', '', '']],
      [wang, ['Wang', 'Xiaoming', '', '', '']],
    ] as const) {
      const vobject = await run('/usr/bin/python3', [join(REPO, 'test/e2e/read-vcard.py'), path]);
      expect(vobject.stderr).toBe('');
      expect((JSON.parse(vobject.stdout) as { N: unknown[] }).N).toEqual([n]);
      const card = new ICAL.Component(ICAL.parse(await readFile(path, 'utf8')));
      expect(card.getFirstProperty('n')?.getValues().flat()).toEqual(n);
    }
    expect(await readFile(maria, 'utf8')).toContain(
      'ADR;TYPE=WORK:;;Calle Mayor 1\\, 3.º;Madrid;;28013;España\r\n',
    );
  });
});

describe('givenName and familyName go with name', () => {
  it('check names the field given without a name to split', async () => {
    const root = await makeProject({
      'releases/office.md':
        '---\ntitle: T\nlang: en\ndate: 2026-11-27\ncontacts:\n  - organization: Press office\n    familyName: Office\n---\n\nBody.\n',
    });
    const result = await runCli(['check'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'releases/office.md:7: contacts[0].familyName: goes with name (the name as shown',
    );
  });
});
