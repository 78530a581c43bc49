import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePng, makeProject, minimalRelease, run, runCli } from './helpers.js';

/** What may carry a node id in Chrome's structure tree: tables above all, and the rest. */
const BODY = (n: number): string => `Intro of release ${n}, with a [link](https://example.org/${n}).

| Year | Amount | Note |
| ---- | -----: | ---- |
| 2024 | ${n}0 | first |
| 2025 | ${n}1 | second |

- one
- two
  - nested

1. first
2. second

![A red square](photo.png)

> A quotation.

| A | B |
| - | - |
| x | y |
`;

const SLUGS = ['alpha', 'bravo', 'charlie'];

function project(): Promise<string> {
  const files: Record<string, string | Uint8Array> = {
    'releases/photo.png': makePng(60, 40, [200, 40, 40]),
  };
  SLUGS.forEach((slug, index) => {
    files[`releases/${slug}.md`] = minimalRelease(
      { title: `Release ${slug}`, assets: '[{file: photo.png, alt: A red square}]' },
      BODY(index + 1),
    );
  });
  return makeProject(files);
}

const kitFiles = (out: string, slug: string): string[] => [
  join(out, `${slug}.zip`),
  join(out, slug, `${slug}.pdf`),
];

describe('two forced builds of releases with tables', () => {
  it('give the same PDFs and zips byte for byte, however the pages were shared', async () => {
    const root = await project();
    // One page prints the three in turn: Chrome's node ids count on from one to the next.
    // Then two pages, and then the last release alone on a fresh page.
    const builds = [
      ['build', '--force', '-c', '1', '-o', 'one'],
      ['build', '--force', '-c', '2', '-o', 'two'],
      ['build', '--force', '-c', '1', '-o', 'alone', 'releases/charlie.md'],
    ];
    for (const args of builds) {
      const result = await runCli(args, { cwd: root });
      expect(result.code, result.stderr).toBe(0);
    }
    for (const slug of SLUGS) {
      const [zip, pdf] = kitFiles(join(root, 'one'), slug);
      const outs = slug === 'charlie' ? ['two', 'alone'] : ['two'];
      for (const out of outs) {
        const [otherZip, otherPdf] = kitFiles(join(root, out), slug);
        expect((await run('cmp', [pdf ?? '', otherPdf ?? ''])).code, `${slug}.pdf in ${out}`).toBe(
          0,
        );
        expect((await run('cmp', [zip ?? '', otherZip ?? ''])).code, `${slug}.zip in ${out}`).toBe(
          0,
        );
      }
    }
  });

  it('still give clean, tagged PDFs whose tables are Table, TR, TH and TD', async () => {
    const root = await project();
    const result = await runCli(['build', '--force', '-c', '1'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    for (const slug of SLUGS) {
      const pdf = join(root, 'dist', slug, `${slug}.pdf`);
      expect((await run('qpdf', ['--check', pdf])).code).toBe(0);
      const struct = (await run('pdfinfo', ['-struct', pdf])).stdout;
      expect(struct.match(/^\s+Table\b/gm)).toHaveLength(2);
      expect(struct.match(/^\s+TR\b/gm)).toHaveLength(5);
      expect(struct.match(/^\s+TH <node\d{8}>/gm)?.map((line) => line.trim())).toEqual(
        [1, 2, 3, 4, 5].map((n) => `TH <node0000000${n}>`),
      );
      expect(struct.match(/^\s+TD:/gm)).toHaveLength(8);
      expect(struct).toMatch(/^\s+L\b/m);
      expect(struct).toMatch(/^\s+Figure\b/m);
      expect(struct).toMatch(/^\s+Link\b/m);
      // The text is still there, the amounts of this release among it.
      const text = (await run('pdftotext', [pdf, '-'])).stdout;
      expect(text).toContain(`${SLUGS.indexOf(slug) + 1}0`);
    }
  });
});
