import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import {
  REPO,
  SAMPLE_SLUG,
  copySample,
  foldSpaces,
  makePng,
  makeProject,
  runCli,
} from './helpers.js';

const SEED = join(REPO, '../shared/seed/communique-oim-belgique.fr.txt');

/** The paragraphs of a kit's .txt between its dateline line and its contacts, spaces folded. */
async function kitText(out: string, slug: string): Promise<string> {
  return foldSpaces(await readFile(join(out, slug, `${slug}.txt`), 'utf8'));
}

describe('presskit import', () => {
  it('imports the seed from another folder by absolute path into a kit whose text is the sample’s', async () => {
    const root = await makeProject({ 'presskit.config.yaml': 'organization:\n  name: OIM\n' });
    const elsewhere = await makeProject();
    const imported = await runCli(
      ['import', SEED, '--out', join(root, 'releases'), '--date', '2016-10-04'],
      { cwd: elsewhere },
    );
    expect(imported.code, imported.stderr).toBe(0);
    const file = imported.stdout.trim();
    expect(file).toMatch(/releases\/loim-et-la-belgique-signent-un-accord-cadre-visant-a\.md$/);
    expect(imported.stderr).toContain(
      'read contacts[0]: Olivia Headon, OIM New York, +1 212 681 7000 ext. 221, oheadon@iom.int',
    );
    expect(imported.stderr).not.toContain('to fill');

    const build = await runCli(['build', '--quiet'], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    const slug = (await readdir(join(root, 'dist'))).find((name) => name.startsWith('loim-'));
    expect(slug).toBeDefined();
    if (!slug) return;
    const text = await kitText(join(root, 'dist'), slug);

    // The shipped sample, built the same way: each of its paragraphs is in the imported kit.
    const sample = await makeProject();
    await copySample(sample);
    expect((await runCli(['build', '--quiet'], { cwd: sample })).code).toBe(0);
    const sampleText = await readFile(
      join(sample, 'dist', SAMPLE_SLUG, `${SAMPLE_SLUG}.txt`),
      'utf8',
    );
    const source = await readFile(SEED, 'utf8');
    const bodyParagraphs = source.split(/\n\s*\n/).slice(2, -1);
    expect(bodyParagraphs).toHaveLength(11);
    // The first paragraph opens with its dateline ("Belgique - "), shown apart in the kit.
    bodyParagraphs[0] = bodyParagraphs[0]?.replace(/^Belgique - /, '') ?? '';
    for (const paragraph of bodyParagraphs) {
      const words = foldSpaces(paragraph).slice(0, 60);
      const inSample = foldSpaces(sampleText).includes(words);
      expect(inSample, `sample has "${words}"`).toBe(true);
      expect(text, `imported kit has "${words}"`).toContain(words);
    }
    // Headline, dateline, French quotes and the contact as the sample shows them.
    for (const shown of [
      'L’OIM et la Belgique signent un Accord-cadre visant à soutenir une migration plus sûre',
      'BELGIQUE',
      '« Aucun Etat ou organisation',
      'Olivia Headon',
      'poste 221',
      'oheadon@iom.int',
    ]) {
      expect(foldSpaces(sampleText)).toContain(shown);
      expect(text).toContain(shown);
    }
  });

  it('leaves an unknown date as a TODO that check names, and never replaces a release', async () => {
    const root = await makeProject();
    const first = await runCli(['import', SEED], { cwd: root });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('to fill before it builds');
    expect(first.stderr).toMatch(/date: not in the text/);
    const source = await readFile(join(root, first.stdout.trim()), 'utf8');
    expect(source).toContain('# date: YYYY-MM-DD');
    const check = await runCli(['check'], { cwd: root });
    expect(check.code).not.toBe(0);
    expect(check.stdout).toMatch(/\.md: date: is required/);

    const again = await runCli(['import', SEED], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('never replaces one');
    expect(await readFile(join(root, first.stdout.trim()), 'utf8')).toBe(source);
  });

  it("writes into the project's releases/ from inside it, in the config's language when the text names none", async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'lang: fr\n',
      'releases/.keep': '',
      'in/note.txt': 'Un accord signé\n\nBruxelles - Le texte du communiqué.\n',
    });
    const imported = await runCli(['import', '../in/note.txt', '--date', '2026-11-30'], {
      cwd: join(root, 'releases'),
    });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout.trim()).toBe('un-accord-signe.md');
    expect(await readdir(join(root, 'releases'))).toEqual(['.keep', 'un-accord-signe.md']);
    const source = await readFile(join(root, 'releases/un-accord-signe.md'), 'utf8');
    expect(source).toMatch(/^lang: fr$/m);
    expect(imported.stderr).toContain('the language was not recognised: set to fr');
  });

  it('writes into the project named by --root, from anywhere', async () => {
    const root = await makeProject({ 'presskit.config.yaml': 'lang: fr\n', 'releases/.keep': '' });
    const elsewhere = await makeProject({
      'note.txt': 'Un accord signé\n\nBruxelles - Le texte du communiqué.\n',
    });
    const imported = await runCli(['import', 'note.txt', '--root', root, '--date', '2026-11-30'], {
      cwd: elsewhere,
    });
    expect(imported.code, imported.stderr).toBe(0);
    expect(await readdir(join(root, 'releases'))).toEqual(['.keep', 'un-accord-signe.md']);
    expect(await readdir(elsewhere)).toEqual(['note.txt']);
  });

  it('says in one line what it cannot read', async () => {
    const root = await makeProject({ 'notes.pdf': '%PDF-1.4', 'broken.docx': 'not a zip' });
    for (const [file, message] of [
      ['missing.txt', 'no such file'],
      ['notes.pdf', 'presskit import reads plain text (.txt) and Word (.docx)'],
      ['broken.docx', 'cannot be read as a Word file'],
    ] as const) {
      const result = await runCli(['import', file], { cwd: root });
      expect(result.code, file).toBe(2);
      expect(result.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(result.stderr).toContain(`${file}: ${message}`);
    }
  });

  it('imports a Word file: title from the Title style, its image beside the release', async () => {
    const png = makePng(64, 48, [30, 120, 200]);
    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Press release', style: 'Normal' }),
            new Paragraph({
              text: 'IOM opens a new office in Lisbon',
              heading: HeadingLevel.TITLE,
            }),
            new Paragraph({ children: [new TextRun('Lisbon - IOM opened an office today.')] }),
            new Paragraph({
              children: [
                new TextRun('It serves '),
                new TextRun({ text: 'three', bold: true }),
                new TextRun(' countries.'),
              ],
            }),
            new Paragraph({
              children: [
                new ImageRun({
                  type: 'png',
                  data: png,
                  transformation: { width: 64, height: 48 },
                  altText: { name: 'office', description: 'The new office', title: 'Office' },
                }),
              ],
            }),
            new Paragraph(
              'For more information, please contact Ana Sousa, IOM Lisbon, Tel: +351 21 324 2940, Email: asousa@iom.int',
            ),
          ],
        },
      ],
    });
    const root = await makeProject();
    await mkdir(join(root, 'in'));
    await writeFile(join(root, 'in', 'Office.docx'), await Packer.toBuffer(docx));
    const imported = await runCli(['import', 'in/Office.docx', '--date', '2026-11-30'], {
      cwd: root,
    });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout.trim()).toBe('releases/iom-opens-a-new-office-in-lisbon/index.md');
    const folder = join(root, 'releases/iom-opens-a-new-office-in-lisbon');
    expect((await readdir(folder)).sort()).toEqual(['image-1.png', 'index.md']);
    expect(await readFile(join(folder, 'image-1.png'))).toEqual(png);
    const source = await readFile(join(folder, 'index.md'), 'utf8');
    expect(source).toContain('title: IOM opens a new office in Lisbon');
    expect(source).toContain('dateline: Lisbon');
    expect(source).toContain('It serves **three** countries.');
    expect(source).toMatch(/!\[The new office\]\(image-1\.png\)/);
    expect(source).toContain('email: asousa@iom.int');

    const build = await runCli(['build', '--quiet'], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    const kits = await readdir(join(root, 'dist'));
    const kit = kits.find((name) => name.startsWith('iom-opens'));
    expect(kit).toBeDefined();
    const page = await readFile(join(root, 'dist', kit ?? '', 'index.html'), 'utf8');
    expect(page).toContain('<strong>three</strong>');
    expect(page).toMatch(/<img[^>]+alt="The new office"/);
  });
});
