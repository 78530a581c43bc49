import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldSpaces, makeProject, run, runCli } from './helpers.js';

/** Today in a time zone, as the system's `date` says (not presskit's own code). */
async function today(zone: string): Promise<string> {
  const result = await run('env', [`TZ=${zone}`, 'date', '+%F']);
  return result.stdout.trim();
}

// 25 hours apart: at every moment of the day their dates differ.
const EAST = 'Pacific/Kiritimati';
const WEST = 'Pacific/Pago_Pago';

const CONFIG = `organization:
  name: IOM
contacts:
  - name: Olivia Headon
    office: IOM New York
    phone: +1 212 681 7000 ext. 221
    email: oheadon@iom.int
`;

describe('presskit new', () => {
  it('writes a release that checks and builds as written, with the config’s contacts', async () => {
    const root = await makeProject({
      'presskit.config.yaml': `${CONFIG}timezone: ${EAST}\n`,
    });
    const before = await today(EAST);
    const result = await runCli(['new', 'Acme: a "new" era, #1 in the region'], {
      cwd: root,
      env: { TZ: WEST },
    });
    const after = await today(EAST);
    expect(result.code, result.stderr).toBe(0);
    const path = 'releases/acme-a-new-era-1-in-the-region.md';
    expect(result.stdout).toBe(`${path}\n`);
    const source = await readFile(join(root, path), 'utf8');
    // Today in the config's zone, not the machine's (TZ), 25 hours away from it.
    const date = /^date: (.+)$/m.exec(source)?.[1];
    expect([before, after]).toContain(date);
    expect(await today(WEST)).not.toBe(date);
    expect(result.stderr).toBe(
      `created ${path}, dated ${date} (today in ${EAST}, the config's time zone)\n`,
    );
    // The contacts are named, not copied: a change in the config reaches the release.
    expect(source).toContain('#   Olivia Headon, IOM New York <oheadon@iom.int>');
    expect(source).not.toMatch(/^contacts:/m);

    const check = await runCli(['check'], { cwd: root });
    expect(check.code, check.stderr).toBe(0);
    const build = await runCli(['build', '--quiet'], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    const slug = 'acme-a-new-era-1-in-the-region';
    const page = await readFile(join(root, `dist/${slug}/index.html`), 'utf8');
    expect(page).toContain('<h1>Acme: a “new” era, #1 in the region</h1>');
    const text = await readFile(join(root, `dist/${slug}/${slug}.txt`), 'utf8');
    expect(foldSpaces(text)).toContain('+1 212 681 7000 ext. 221');
    expect(await readdir(join(root, `dist/${slug}/contacts`))).toEqual(['olivia-headon.vcf']);
  });

  it("takes this machine's time zone when the config names none, and says so", async () => {
    const root = await makeProject();
    const before = await today(WEST);
    const result = await runCli(['new', 'Un accord', '--lang', 'fr'], {
      cwd: root,
      env: { TZ: WEST },
    });
    const after = await today(WEST);
    expect(result.code, result.stderr).toBe(0);
    const source = await readFile(join(root, 'releases/un-accord.md'), 'utf8');
    const date = /^date: (.+)$/m.exec(source)?.[1];
    expect([before, after]).toContain(date);
    expect(source).toMatch(/^lang: fr$/m);
    expect(source).toContain('Écrivez ici le chapeau');
    const arabic = await runCli(['new', 'اتفاق جديد', '--lang', 'ar', '--slug', 'ittifaq'], {
      cwd: root,
      env: { TZ: WEST },
    });
    expect(arabic.code, arabic.stderr).toBe(0);
    expect(await readFile(join(root, 'releases/ittifaq.md'), 'utf8')).toContain(
      'اكتب هنا الفقرة الاستهلالية',
    );
    expect(source).toContain(
      '# Press contacts: presskit.config.yaml has none for every release yet.',
    );
    expect(result.stderr).toContain(
      `(today in ${WEST}, this machine's time zone: set timezone in presskit.config.yaml)`,
    );
    expect((await runCli(['check'], { cwd: root })).code).toBe(0);
  });

  it('never replaces a release, file or folder, of the same name', async () => {
    const root = await makeProject({
      'releases/taken.md': 'mine\n',
      'releases/folder/index.md': 'mine too\n',
    });
    const file = await runCli(['new', 'Taken'], { cwd: root });
    expect(file.code).toBe(2);
    expect(file.stderr).toBe(
      'presskit: releases/taken.md: exists; presskit new never replaces a release: give another --slug\n',
    );
    expect(await readFile(join(root, 'releases/taken.md'), 'utf8')).toBe('mine\n');
    const folder = await runCli(['new', 'Another', '--slug', 'folder'], { cwd: root });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('releases/folder/: a release of that name exists');
    expect(await readdir(join(root, 'releases'))).toEqual(['folder', 'taken.md']);
  });

  it('writes into the project named by --root or --config, from anywhere', async () => {
    const root = await makeProject({ 'presskit.config.yaml': `lang: es\ntimezone: ${EAST}\n` });
    const elsewhere = await makeProject();
    const byRoot = await runCli(['new', 'Un acuerdo', '--root', root], { cwd: elsewhere });
    expect(byRoot.code, byRoot.stderr).toBe(0);
    expect(await readFile(join(root, 'releases/un-acuerdo.md'), 'utf8')).toMatch(/^lang: es$/m);
    const byConfig = await runCli(
      ['new', 'Otro acuerdo', '--config', join(root, 'presskit.config.yaml')],
      { cwd: elsewhere },
    );
    expect(byConfig.code, byConfig.stderr).toBe(0);
    expect(existsSync(join(root, 'releases/otro-acuerdo.md'))).toBe(true);
    expect(existsSync(join(elsewhere, 'releases'))).toBe(false);
  });

  it("writes in the config's language when no --lang is given", async () => {
    const root = await makeProject({ 'presskit.config.yaml': `lang: fr\ntimezone: ${EAST}\n` });
    const made = await runCli(['new', 'Un nouvel accord'], { cwd: root });
    expect(made.code, made.stderr).toBe(0);
    const source = await readFile(join(root, 'releases/un-nouvel-accord.md'), 'utf8');
    expect(source).toMatch(/^lang: fr$/m);
    expect(source).toContain('Écrivez ici le chapeau');
    const english = await runCli(['new', 'A new agreement', '--lang', 'en'], { cwd: root });
    expect(english.code, english.stderr).toBe(0);
    expect(await readFile(join(root, 'releases/a-new-agreement.md'), 'utf8')).toMatch(
      /^lang: en$/m,
    );
  });

  it('names a release with no Latin letters by its date, unless --slug names it', async () => {
    const root = await makeProject({ 'presskit.config.yaml': `timezone: ${EAST}\n` });
    const dated = await runCli(['new', 'Соглашение подписано', '--lang', 'ru'], { cwd: root });
    expect(dated.code, dated.stderr).toBe(0);
    const date = await today(EAST);
    expect(dated.stdout).toBe(`releases/release-${date}.md\n`);
    expect(dated.stderr).toContain('note: the headline has no Latin letters');
    const named = await runCli(['new', 'Соглашение', '--slug', 'soglashenie'], { cwd: root });
    expect(named.stdout).toBe('releases/soglashenie.md\n');
    expect((await runCli(['check'], { cwd: root })).code).toBe(0);
  });

  it('refuses a headline, language or slug that check would refuse, writing nothing', async () => {
    const root = await makeProject();
    const cases: [string[], string][] = [
      [['new', ''], 'presskit: headline: must not be empty\n'],
      [
        ['new', 'A \u001b[31m headline'],
        'presskit: headline: "A \\u001b[31m headline" contains a control character U+001B (ESC)\n',
      ],
      [
        ['new', 'A headline', '--lang', 'fr_FR'],
        'presskit: --lang: "fr_FR" is not a BCP 47 language tag (e.g. fr, en, fr-BE)\n',
      ],
      [
        ['new', 'A headline', '--slug', 'A Headline'],
        'presskit: --slug: "A Headline" must be lowercase ASCII letters, digits and hyphens (e.g. new-office-2026)\n',
      ],
      [
        ['new', 'A headline', '--slug', 'con'],
        'presskit: --slug: "con" is a device name Windows reserves (con, prn, aux, nul, com0–com9, lpt0–lpt9): choose another\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      const result = await runCli(args, { cwd: root });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toBe(stderr);
    }
    expect(await readdir(root)).toEqual([]);
  });

  it('gives a headline Windows would refuse as a file name another name', async () => {
    const root = await makeProject();
    const result = await runCli(['new', 'CON'], { cwd: root });
    expect(result.stdout).toBe('releases/con-release.md\n');
  });
});
