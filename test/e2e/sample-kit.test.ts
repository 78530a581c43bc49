import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { copySample, foldSpaces, makeProject, REPO, run, runCli, SAMPLE_SLUG } from './helpers.js';

const SEED = resolve(REPO, '../shared/seed/communique-oim-belgique.fr.txt');
const slug = SAMPLE_SLUG;

/** The seed's body sentences: after the headline, minus the dateline and the contact line. */
async function seedSentences(): Promise<string[]> {
  const lines = (await readFile(SEED, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  const body = lines
    .slice(3, -1)
    .join(' ')
    .replace(/^Belgique - /, '');
  return body
    .split(/(?<=[.»])\s+(?=[A-ZÀ-ÖØ-Þ«])/u)
    .map((sentence) => foldSpaces(sentence))
    .filter((sentence) => sentence.length > 0);
}

describe('presskit build on the sample communiqué, as a user runs it', () => {
  let project: string;
  let kit: string;
  let build: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    project = await makeProject();
    await copySample(project);
    build = await runCli(['build'], { cwd: project });
    kit = join(project, 'dist', slug);
  });

  it('exits 0 and reports the kit on stderr only', () => {
    expect(build.stderr).toContain(`built`);
    expect(build.stderr).toContain(slug);
    expect(build.stdout).toBe('');
    expect(build.code).toBe(0);
  });

  it('zips the kit folder under its slug, sorted, with SHA256SUMS inside', async () => {
    const listing = await run('unzip', ['-Z1', join(project, 'dist', `${slug}.zip`)]);
    const entries = listing.stdout.trim().split('\n');
    expect(entries).toEqual([
      `${slug}/SHA256SUMS`,
      `${slug}/contacts/olivia-headon.vcf`,
      `${slug}/index.html`,
      `${slug}/${slug}.eml`,
      `${slug}/${slug}.ninjs.json`,
      `${slug}/${slug}.pdf`,
      `${slug}/${slug}.txt`,
    ]);
    expect((await run('unzip', ['-tq', join(project, 'dist', `${slug}.zip`)])).code).toBe(0);
    const verify = await run('sha256sum', ['-c', 'SHA256SUMS'], kit);
    expect(verify.stdout).not.toContain('FAILED');
    expect(verify.code).toBe(0);
  });

  it('prints a PDF that reads like the communiqué, every sentence and every part', async () => {
    const pdf = join(kit, `${slug}.pdf`);
    const text = foldSpaces((await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout);
    const sentences = await seedSentences();
    expect(sentences.length).toBeGreaterThan(15);
    for (const sentence of sentences) expect(text).toContain(sentence);
    for (const part of [
      'COMMUNIQUÉ',
      'GLOBAL',
      'POUR DIFFUSION IMMÉDIATE',
      'L’OIM et la Belgique signent un Accord-cadre visant à soutenir une migration plus sûre',
      'BELGIQUE, 4 octobre 2016 —',
      '« Aucun Etat',
      'a déclaré William Lacy Swing, Directeur général de l’OIM',
      'a déclaré Alexander De Croo',
      'Olivia Headon',
      'OIM New York',
      '+1 212 681 7000 poste 221',
      'oheadon@iom.int',
      'Page 1 sur 2',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('writes a PDF that qpdf, pdfinfo and pdffonts accept', async () => {
    const pdf = join(kit, `${slug}.pdf`);
    expect((await run('qpdf', ['--check', pdf])).code).toBe(0);
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Title:\s+L’OIM et la Belgique/);
    const fonts = (await run('pdffonts', [pdf])).stdout.trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('writes a vCard that an independent parser reads back intact', async () => {
    const vcf = await readFile(join(kit, 'contacts/olivia-headon.vcf'), 'utf8');
    expect(vcf.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const card = new ICAL.Component(ICAL.parse(vcf));
    expect(card.getFirstPropertyValue('fn')).toBe('Olivia Headon');
    expect(card.getFirstPropertyValue('email')).toBe('oheadon@iom.int');
    expect(String(card.getFirstPropertyValue('tel'))).toBe('+1 212 681 7000 x221');
    expect(card.getFirstProperty('org')?.getValues().flat()).toEqual(['OIM', 'OIM New York']);
  });

  it('puts a QR code in the PDF that decodes, at 100 dpi, to the contact’s essentials', async () => {
    const vcf = await readFile(join(kit, 'contacts/olivia-headon.vcf'), 'utf8');
    // The .vcf's lines but PRODID, UID and REV, and the office (ORG's unit).
    const essentials = vcf
      .split('\r\n')
      .filter((line) => !/^(PRODID|UID|REV):/.test(line))
      .map((line) => line.replace(/^ORG:OIM;.*$/, 'ORG:OIM'))
      .join('\r\n');
    const prefix = join(project, 'page');
    await run('pdftoppm', ['-r', '100', '-png', join(kit, `${slug}.pdf`), prefix]);
    const pages = (await readdir(project)).filter((name) => name.startsWith('page'));
    const decoded = await Promise.all(
      pages.map((page) => run('zbarimg', ['--raw', '-q', '-Sbinary', join(project, page)])),
    );
    expect(decoded.map((result) => result.stdout)).toContain(essentials);
  });

  it('writes plain text with the contact and no Markdown left', async () => {
    const text = await readFile(join(kit, `${slug}.txt`), 'utf8');
    const folded = foldSpaces(text);
    for (const sentence of await seedSentences()) expect(folded).toContain(sentence);
    expect(folded).toContain('BELGIQUE, 4 octobre 2016 — Le gouvernement de Belgique');
    expect(folded).toContain('Olivia Headon OIM New York Tél. +1 212 681 7000 poste 221');
    // No emphasis, heading or link syntax (the end mark ### is not a heading: no space).
    expect(text).not.toMatch(/\*\*|^#{1,6} |\]\(/m);
    expect(text.endsWith('###\n')).toBe(true);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(72);
  });
});

describe('reproducible artifacts', () => {
  it('gives the same bytes across runs, time zones and project folders', async () => {
    const [first, second] = await Promise.all([makeProject(), makeProject()]);
    await Promise.all([copySample(first), copySample(second)]);
    const results = await Promise.all([
      runCli(['build'], { cwd: first, env: { TZ: 'UTC' } }),
      runCli(['build', '--out', 'elsewhere'], { cwd: second, env: { TZ: 'Asia/Tokyo' } }),
    ]);
    const third = await runCli(['build', '--force', '--out', 'again'], {
      cwd: first,
      env: { TZ: 'America/New_York' },
    });
    for (const result of [...results, third]) expect(result.code, result.stderr).toBe(0);
    const zips = await Promise.all([
      readFile(join(first, 'dist', `${slug}.zip`)),
      readFile(join(second, 'elsewhere', `${slug}.zip`)),
      readFile(join(first, 'again', `${slug}.zip`)),
    ]);
    expect(zips[1].equals(zips[0])).toBe(true);
    expect(zips[2].equals(zips[0])).toBe(true);
    const pdfs = await Promise.all([
      readFile(join(first, 'dist', slug, `${slug}.pdf`)),
      readFile(join(second, 'elsewhere', slug, `${slug}.pdf`)),
    ]);
    expect(pdfs[1].equals(pdfs[0])).toBe(true);
  });

  it('takes SOURCE_DATE_EPOCH as a clamp: a later one changes no byte, an earlier one dates the kit', async () => {
    // The sample is dated 2016-10-04 (Brussels). A CI sets the epoch to each commit's time:
    // later than the release, it must leave the kit (and its checksums) as they are.
    const kitFiles = async (env: NodeJS.ProcessEnv): Promise<Map<string, Buffer>> => {
      const project = await makeProject();
      await copySample(project);
      const result = await runCli(['build'], { cwd: project, env });
      expect(result.code, result.stderr).toBe(0);
      const files = new Map<string, Buffer>();
      for (const file of [`${slug}.zip`, `${slug}/${slug}.pdf`, `${slug}/SHA256SUMS`]) {
        files.set(file, await readFile(join(project, 'dist', file)));
      }
      return files;
    };
    const [none, later, muchLater] = await Promise.all([
      kitFiles({ SOURCE_DATE_EPOCH: '' }),
      kitFiles({ SOURCE_DATE_EPOCH: '1700000000' }),
      kitFiles({ SOURCE_DATE_EPOCH: '1800000000' }),
    ]);
    expect(later).toEqual(none);
    expect(muchLater).toEqual(none);

    // Earlier than the release (2016-01-01T00:00:00Z): the epoch dates the zip and the PDF.
    const project = await makeProject();
    await copySample(project);
    const result = await runCli(['build'], {
      cwd: project,
      env: { SOURCE_DATE_EPOCH: '1451606400' },
    });
    expect(result.code, result.stderr).toBe(0);
    const zipinfo = await run('zipinfo', ['-T', '-l', join(project, 'dist', `${slug}.zip`)]);
    expect(zipinfo.stdout).toContain('20160101.000000');
    expect(zipinfo.stdout).not.toContain('20161004');
    const info = (await run('pdfinfo', ['-isodates', join(project, 'dist', slug, `${slug}.pdf`)]))
      .stdout;
    expect(info).toMatch(/CreationDate:\s+2016-01-01T00:00:00/);

    // The epoch moving on with each commit rebuilds nothing; one below the release does.
    const statuses: string[] = [];
    for (const epoch of ['1700000000', '1800000000', '1451606400', '1451606400']) {
      const again = await runCli(['build', '--json'], {
        cwd: project,
        env: { SOURCE_DATE_EPOCH: epoch },
      });
      statuses.push(JSON.parse(again.stdout).releases[0].status);
    }
    expect(statuses).toEqual(['built', 'unchanged', 'built', 'unchanged']);
  });

  it('refuses a malformed SOURCE_DATE_EPOCH in one line, exit 2, before writing anything', async () => {
    const project = await makeProject();
    await copySample(project);
    const result = await runCli(['build'], {
      cwd: project,
      env: { SOURCE_DATE_EPOCH: '2026-01-01' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'presskit: environment: SOURCE_DATE_EPOCH: must be an integer number of seconds since 1970-01-01 UTC, got "2026-01-01"',
    );
    expect(existsSync(join(project, 'dist'))).toBe(false);
  });
});
