import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline/check.js';
import {
  JPEG_BYTES,
  expectError,
  expectReadable,
  rejection,
  tempDir,
  writeTree,
} from '../release/helpers.js';

/** Every file and folder below `root`, with size and modification time. */
async function snapshot(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const lines = await Promise.all(
    entries.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      const info = await stat(path);
      return `${relative(root, path)} ${entry.isDirectory() ? 'dir' : info.size} ${info.mtimeMs}`;
    }),
  );
  return lines.sort();
}

const GOOD = `---
title: L'OIM et la Belgique signent un accord
lang: fr
date: 2016-10-04
dateline: Belgique
contacts:
  - name: Olivia Headon
    phone: +1 212 681 7000 ext. 221
    email: oheadon@iom.int
assets:
  - file: photo.jpg
    alt: La signature de l'accord
---

Le gouvernement de Belgique a signé un accord avec l'[OIM](https://www.iom.int/fr).

![La signature](photo.jpg)
`;

/** Schema problems: a typo'd field and a bad phone. */
const BAD_FRONTMATTER = `---
titel: Sans titre
lang: fr
date: 2016-10-04
contacts:
  - name: A
    phone: "12"
---

Texte.
`;

/** Valid frontmatter, but the body breaks the link policy and has a script. */
const BAD_BODY = `---
title: Un lien dangereux
lang: fr
date: 2016-10-05
---

Premier paragraphe.

Cliquez [ici](javascript:alert(1)).

<script>alert(2)</script>
`;

describe('check', () => {
  it('reports the problems of each bad release, and writes nothing', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'releases/accord/index.md': GOOD,
      'releases/accord/photo.jpg': JPEG_BYTES,
      'releases/bad-frontmatter.md': BAD_FRONTMATTER,
      'releases/bad-body.md': BAD_BODY,
    });
    const before = await snapshot(root);

    const report = await check({ root });

    expect(await snapshot(root)).toEqual(before);
    expect(report.ok).toBe(false);
    expect(report.releases.map((r) => [r.source, r.slug, r.problems.length > 0])).toEqual([
      ['releases/accord/index.md', 'accord', false],
      ['releases/bad-body.md', 'bad-body', true],
      ['releases/bad-frontmatter.md', undefined, true],
    ]);

    const frontmatter = report.releases[2]?.problems ?? [];
    expect(frontmatter.map((p) => [p.file, p.field, p.line])).toEqual(
      expect.arrayContaining([
        ['releases/bad-frontmatter.md', 'titel', 2],
        ['releases/bad-frontmatter.md', 'title', undefined],
        // In the same run: the phone is checked though the schema failed.
        ['releases/bad-frontmatter.md', 'contacts[0].phone', 7],
      ]),
    );
    expect(frontmatter).toHaveLength(3);
    const body = report.releases[1]?.problems ?? [];
    expect(body.map((p) => [p.file, p.line])).toEqual([
      ['releases/bad-body.md', 9],
      ['releases/bad-body.md', 11],
    ]);
    expect(body[0]?.message).toMatch(/javascript:/);
    expect(body[1]?.message).toMatch(/<script>/);
    expect(report.problems).toEqual([...body, ...frontmatter]);
    for (const problem of report.problems) expectReadable(problem);
  });

  it('reports the phone of a release once the schema passes', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'releases/phone.md': BAD_FRONTMATTER.replace('titel: Sans titre', 'title: Avec titre'),
    });
    const report = await check({ root });
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'releases/phone.md', field: 'contacts[0].phone', line: 7 }),
    ]);
  });

  it('reports a slug used twice, naming the release that has it first', async () => {
    const root = await tempDir();
    const withSlug = (title: string) =>
      `---\ntitle: ${title}\nlang: en\ndate: 2016-10-04\nslug: shared\n---\nBody.\n`;
    await writeTree(root, {
      'releases/a.md': withSlug('First'),
      'releases/b.md': withSlug('Second'),
      'releases/shared/index.md': '---\ntitle: Third\nlang: en\ndate: 2016-10-04\n---\nBody.\n',
    });
    const before = await snapshot(root);
    const report = await check({ root });
    expect(await snapshot(root)).toEqual(before);
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(2);
    for (const [problem, file] of [
      [report.problems[0], 'releases/b.md'],
      [report.problems[1], 'releases/shared/index.md'],
    ] as const) {
      expect(problem).toMatchObject({ file, field: 'slug' });
      expect(problem?.message).toMatch(/slug "shared" is already used by releases\/a\.md/);
    }
  });

  it('checks the boilerplate as build renders it', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'releases/about.md':
        '---\ntitle: T\nlang: en\ndate: 2016-10-04\nboilerplate: "See [us](javascript:x)."\n---\nBody.\n',
    });
    const report = await check({ root });
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'releases/about.md',
        line: 5,
        message: expect.stringMatching(/javascript:/),
      }),
    ]);
  });

  it('is ok for a project of good releases', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'releases/accord/index.md': GOOD,
      'releases/accord/photo.jpg': JPEG_BYTES,
    });
    const report = await check({ root });
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.releases).toHaveLength(1);
  });

  it('checks only the paths given', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'releases/accord/index.md': GOOD,
      'releases/accord/photo.jpg': JPEG_BYTES,
      'releases/bad-body.md': BAD_BODY,
    });
    const report = await check({ root, paths: ['releases/accord'] });
    expect(report.ok).toBe(true);
  });

  it('refuses a missing release path with E_USAGE', async () => {
    const root = await tempDir();
    const error = await rejection(() => check({ root, paths: ['nowhere'] }));
    expectError(error, 'E_USAGE', 'nowhere');
  });

  it('refuses a broken config file before looking at releases', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'presskit.config.yaml': 'paper: A5\n',
      'releases/bad-body.md': BAD_BODY,
    });
    const error = await rejection(() => check({ root }));
    expect(error.code).toBe('E_CONFIG');
    expect(error.problems[0]).toMatchObject({ field: 'paper', line: 1 });
  });
});
