import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Run } from './helpers.js';
import { makeBlackPng, makeProject, minimalRelease, run, runCli } from './helpers.js';

const asset = (file: string): string => `\n  - file: ${file}\n    alt: A black rectangle`;

// Each a whole, valid PNG; Chromium prints the 30000 × 30000 one as a broken-image icon.
const HUGE = makeBlackPng(30000, 30000);
const PHOTO = makeBlackPng(3000, 2000);
const CUT = makeBlackPng(600, 400);

const HUGE_LINE =
  'releases/huge.md:6: assets[0].file: "huge.png": is 30000 × 30000 pixels (900 megapixels), ' +
  'over the 268 megapixels Chromium prints reliably: scale it down';
const CUT_LINE =
  'releases/cut.md:9: body image: "cut.png": the PNG stops before the end of its image data ' +
  '(cut short when copied or downloaded?)';

describe('images Chromium cannot print are a problem of their release', () => {
  let root: string;
  let build: Run;

  beforeAll(async () => {
    root = await makeProject({
      'releases/good.md': minimalRelease(
        { title: 'Good', assets: asset('photo.png') },
        'Body.\n\n![The same photo](photo.png)',
      ),
      'releases/photo.png': PHOTO,
      'releases/huge.md': minimalRelease({ title: 'Huge', assets: asset('huge.png') }),
      'releases/huge.png': HUGE,
      'releases/cut.md': minimalRelease({ title: 'Cut' }, 'Body.\n\n![A cut image](cut.png)'),
      'releases/cut.png': CUT.subarray(0, CUT.length - 30),
    });
    build = await runCli(['build'], { cwd: root });
  });

  it('fails the build (exit 1) with one line per image, naming file, line, field and size', () => {
    expect(build.code, build.stderr).toBe(1);
    expect(build.stderr).toContain(HUGE_LINE);
    expect(build.stderr).toContain(CUT_LINE);
    expect(build.stderr).not.toMatch(/\n\s+at /);
  });

  it('builds the other release, its photo printed whole, and writes the index', async () => {
    const pdf = join(root, 'dist/good/good.pdf');
    const images = (await run('pdfimages', ['-list', pdf])).stdout.trim().split('\n').slice(2);
    // Once in the gallery of assets, once in the text: its web-size version (media/), whole.
    expect(images.map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'))).toEqual([
      '1600x1067',
      '1600x1067',
    ]);
    expect(existsSync(join(root, 'dist/good.zip'))).toBe(true);
    const index = await readFile(join(root, 'dist/index.html'), 'utf8');
    expect(index).toContain('Good');
    expect(index).not.toContain('Huge');
  });

  it('writes nothing for the releases refused', () => {
    for (const slug of ['huge', 'cut']) {
      expect(existsSync(join(root, 'dist', slug))).toBe(false);
      expect(existsSync(join(root, 'dist', `${slug}.zip`))).toBe(false);
    }
  });

  it('reports the same from presskit check', async () => {
    const check = await runCli(['check'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain(HUGE_LINE);
    expect(check.stdout + check.stderr).toContain(CUT_LINE);
  });
});
