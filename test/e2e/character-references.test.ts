import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldSpaces, makeProject, run, runCli } from './helpers.js';

const RELEASE = `---
title: "&Eacute;tat de l’&oelig;uvre Acme&trade;"
lang: fr
date: 2026-11-27
subtitle: Un rapport &laquo;&nbsp;&Eacute;tat&nbsp;&raquo;
---

Le rapport &Eacute;tat des &oelig;uvres d’Acme&trade; paraît. AT&T reste AT&T.
`;

describe('HTML character references decode as HTML5 names them', () => {
  it('in the title and the body: on the page, in the PDF and in the .txt', async () => {
    const root = await makeProject({ 'releases/etat.md': RELEASE });
    const result = await runCli(['build', '--quiet'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const title = 'État de l’œuvre Acme™';
    const body = 'Le rapport État des œuvres d’Acme™ paraît. AT&T reste AT&T.';

    const page = await readFile(join(root, 'dist/etat/index.html'), 'utf8');
    expect(page).toContain(`<title>${title}</title>`);
    expect(page).toContain(`<h1>${title}</h1>`);
    expect(page).toContain('Le rapport État des œuvres d’Acme™ paraît. AT&amp;T reste AT&amp;T.');
    expect(page).not.toMatch(/&amp;(Eacute|oelig|trade);/);

    const pdf = await run('pdftotext', [join(root, 'dist/etat/etat.pdf'), '-']);
    expect(pdf.code, pdf.stderr).toBe(0);
    const pdfText = foldSpaces(pdf.stdout);
    expect(pdfText).toContain(title);
    expect(pdfText).toContain('« État »');
    expect(pdfText).toContain(body);
    const info = await run('pdfinfo', [join(root, 'dist/etat/etat.pdf')]);
    expect(info.stdout).toMatch(/^Title:\s+État de l’œuvre Acme™$/m);

    const text = foldSpaces(await readFile(join(root, 'dist/etat/etat.txt'), 'utf8'));
    expect(text).toContain(title);
    expect(text).toContain(body);
    expect(text).not.toMatch(/&\w+;/);
  });
});
