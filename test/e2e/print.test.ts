/**
 * The PDFs as a printer and a screen reader get them, checked with independent tools: the
 * PDF/UA-1 structure checks (../shared/tools/pdfua-check.py, over qpdf), poppler's page count
 * and renders, zbar reading the QR code off a 100 dpi render.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySample, makeProject, REPO, run, runCli, SAMPLE_SLUG } from './helpers.js';
import { printProject } from './print-fixtures.js';

const exec = promisify(execFile);
const PDFUA_CHECK = join(REPO, '../shared/tools/pdfua-check.py');
const PDFS = {
  sample: `${SAMPLE_SLUG}/${SAMPLE_SLUG}.pdf`,
  long: 'long/long.pdf',
  short: 'short/short.pdf',
};

let root: string;
let out: string;
const pdf = (name: keyof typeof PDFS): string => join(out, PDFS[name]);

beforeAll(async () => {
  root = await makeProject(printProject());
  await copySample(root);
  out = join(root, 'dist');
  // As a user does: from the project folder, the output folder given as an absolute path.
  const built = await runCli(['build', '--out', out], { cwd: root });
  expect(built.code, built.stderr).toBe(0);
}, 120_000);

afterAll(() => rm(root, { recursive: true, force: true }));

async function pages(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

describe('PDF/UA-1, as far as a program can tell from the structure', () => {
  it.each(Object.keys(PDFS) as (keyof typeof PDFS)[])('%s has no finding', async (name) => {
    const { stdout } = await exec('python3', [PDFUA_CHECK, '--json', pdf(name)]);
    const report = JSON.parse(stdout) as { findings: string[]; structure: Record<string, number> };
    expect(report.findings).toEqual([]);
    if (name === 'long') {
      // What the release holds is tagged as what it is.
      for (const type of ['L', 'LI', 'Lbl', 'LBody', 'Table', 'TH', 'TD', 'Link', 'Figure']) {
        expect(report.structure[type], type).toBeGreaterThan(0);
      }
    }
  });

  it('reads, in poppler, strong text as a Span and list items as label and body', async () => {
    const { stdout } = await run('pdfinfo', ['-struct-text', pdf('long')]);
    expect(stdout).toMatch(/Span \(inline\)\n\s+NonStruct\n\s+"cleared two tonnes"/);
    expect(stdout).toMatch(/LI \(block\)\n\s+Lbl \(block\)\n[^]*?LBody \(block\)/);
    expect(stdout).not.toMatch(/Strong|Em \(/);
  });

  it('the checker itself finds what Chrome alone leaves (it can fail)', async () => {
    // The same release printed by Chrome without presskit's post-processing: the first
    // revision of the file, before the update that presskit appends.
    const bytes = await readFile(pdf('long'));
    const text = bytes.toString('latin1');
    const firstEnd = text.indexOf('%%EOF') + '%%EOF'.length;
    const dir = await mkdtemp(join(tmpdir(), 'presskit-pdfua-'));
    try {
      const chrome = join(dir, 'chrome.pdf');
      await (await import('node:fs/promises')).writeFile(chrome, bytes.subarray(0, firstEnd));
      const result = await run('python3', [PDFUA_CHECK, chrome]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/pdfuaid:part/);
      expect(result.stdout).toMatch(/LI child/);
      expect(result.stdout).toMatch(/Em, Strong/);
      expect(result.stdout).toMatch(/link annotation/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('paints no text outside marked content: page numbers are artifacts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'presskit-qdf-'));
    try {
      const qdf = join(dir, 'long.qdf');
      await exec('qpdf', ['--qdf', '--object-streams=disable', pdf('long'), qdf]);
      const text = (await readFile(qdf)).toString('latin1');
      const streams = [
        ...text.matchAll(/%% Contents for page \d+\n[^]*?stream\n([^]*?)endstream/g),
      ];
      expect(streams.length).toBe(await pages(pdf('long')));
      for (const [, content = ''] of streams) {
        let depth = 0;
        let untagged = 0;
        let artifacts = 0;
        // Strings first, so that their bytes are not read as operators.
        const tokens = content
          .replace(/<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)/g, ' ')
          .replace(/<<|>>|\[|\]/g, ' ')
          .split(/\s+/);
        for (const token of tokens) {
          if (token === 'BDC' || token === 'BMC') depth++;
          else if (token === 'EMC') depth--;
          else if (token === 'Tj' || token === 'TJ') untagged += depth === 0 ? 1 : 0;
          if (token === '/Artifact') artifacts++;
        }
        expect(untagged).toBe(0);
        expect(depth).toBe(0);
        // At least the page number and the page background.
        expect(artifacts).toBeGreaterThanOrEqual(2);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives the same bytes when built again', async () => {
    const again = join(root, 'again');
    const built = await runCli(['build', '--out', again], { cwd: root });
    expect(built.code).toBe(0);
    const [first, second] = await Promise.all([
      readFile(pdf('long')),
      readFile(join(again, PDFS.long)),
    ]);
    expect(second.equals(first)).toBe(true);
  }, 60_000);
});

/**
 * How far down each page's printed area the content reaches (0 to 1), from a grey render:
 * the lowest row with a dark pixel above the bottom margin, where the page number is.
 */
async function pageFill(file: string): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'presskit-fill-'));
  try {
    await exec('pdftoppm', ['-r', '20', '-gray', join(file), join(dir, 'page')]);
    const fills: number[] = [];
    for (const name of (await readdir(dir)).sort()) {
      const pgm = await readFile(join(dir, name));
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40));
      if (!header) throw new Error(`${name}: not a PGM file`);
      const [width, height] = [Number(header[1]), Number(header[2])];
      const pixels = pgm.subarray(header[0].length);
      // A4: 297 mm high, margins 20 mm above and 22 mm below (page-css.ts).
      const top = Math.round((height * 20) / 297);
      const bottom = Math.round((height * (297 - 22)) / 297);
      let last = top;
      for (let y = top; y < bottom; y++) {
        const row = pixels.subarray(y * width, (y + 1) * width);
        if (row.some((value) => value < 200)) last = y;
      }
      fills.push((last - top) / (bottom - top));
    }
    return fills;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('print layout', () => {
  it('prints 1,900 words and three photos in at most 6 A4 pages, none but the last half empty', async () => {
    const fills = await pageFill(pdf('long'));
    expect(fills.length).toBe(await pages(pdf('long')));
    expect(fills.length).toBeLessThanOrEqual(6);
    for (const [index, fill] of fills.slice(0, -1).entries()) {
      expect(fill, `page ${index + 1}`).toBeGreaterThan(0.5);
    }
  });

  it('prints a three-line release with a photo and a contact on one page', async () => {
    expect(await pages(pdf('short'))).toBe(1);
    const { stdout } = await run('pdftotext', ['-layout', pdf('short'), '-']);
    expect(stdout).toContain('Jane Doe');
    expect(stdout).toContain('The harbour.');
  });

  it('keeps the about text, the contacts and the end mark on one page', async () => {
    const { stdout } = await run('pdftotext', ['-layout', pdf('long'), '-']);
    const last =
      stdout
        .split('\f')
        .filter((page) => page.trim() !== '')
        .at(-1) ?? '';
    const folded = last.replace(/\s+/g, '').toLowerCase();
    for (const text of ['AboutHarbourTrust', 'JürgenMüller', '###']) {
      expect(folded).toContain(text.toLowerCase());
    }
  });

  it('bounds photos at 9 cm high: the portrait one prints narrower than the column', async () => {
    const { stdout } = await run('pdfimages', ['-list', pdf('long')]);
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi …
    const rows = stdout
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells[2] === 'image');
    const sizes = rows.map((cells) => ({
      width: Number(cells[3]),
      height: Number(cells[4]),
      ppi: Number(cells[12]),
    }));
    const photos = sizes.filter((size) => size.width >= 800);
    expect(photos).toHaveLength(3);
    for (const photo of photos) {
      const heightCm = (photo.height / photo.ppi) * 2.54;
      expect(heightCm).toBeLessThanOrEqual(9.05);
    }
    const portrait = photos.find((photo) => photo.height > photo.width);
    const landscape = photos.find((photo) => photo.height < photo.width);
    if (!portrait || !landscape) throw new Error('expected a portrait and a landscape photo');
    expect(portrait.width / portrait.ppi).toBeLessThan((landscape.width / landscape.ppi) * 0.6);
  });
});

describe('QR codes from the printed page', () => {
  it('decode from a 100 dpi render to the card’s essentials, accents intact', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'presskit-qr-'));
    try {
      // The contacts are on the last page (see 'print layout').
      const last = String(await pages(pdf('long')));
      await exec('pdftoppm', [
        '-r',
        '100',
        '-f',
        last,
        '-l',
        last,
        '-png',
        pdf('long'),
        join(dir, 'page'),
      ]);
      const decoded: string[] = [];
      for (const file of (await readdir(dir)).sort()) {
        const result = await run('zbarimg', ['--raw', '-q', '-Sbinary', join(dir, file)]);
        if (result.code === 0) decoded.push(result.stdout);
      }
      expect(decoded).toEqual([
        [
          'BEGIN:VCARD',
          'VERSION:3.0',
          'N:Müller;Jürgen;;;',
          'FN:Jürgen Müller',
          'ORG:Harbour Trust',
          'TITLE:Press officer',
          'EMAIL;TYPE=INTERNET,WORK:press@example.org',
          'TEL;TYPE=WORK,VOICE:+44 20 7946 0958',
          'END:VCARD',
          '',
        ].join('\r\n'),
      ]);
      // The .vcf keeps the whole card.
      const vcf = await readFile(join(out, 'long/contacts/jurgen-muller.vcf'), 'utf8');
      expect(vcf).toMatch(/^ADR;TYPE=WORK:;;1 Quay Street;Portsmouth;;;United Kingdom\r$/m);
      expect(vcf).toMatch(/^ORG:Harbour Trust;Media desk\r$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
