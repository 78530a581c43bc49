import { appendFile, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { makeProject, minimalRelease } from '../e2e/helpers.js';

describe('removing a stale kit (library build)', () => {
  it('removes what presskit wrote as it wrote it, and keeps a file changed since', async () => {
    const root = await makeProject({
      'releases/a.md': minimalRelease({ title: 'A' }),
      'releases/b.md': minimalRelease({ title: 'B' }),
    });
    const now = new Date('2026-12-01T00:00:00Z');
    expect((await build({ root, now })).ok).toBe(true);
    // Edited by hand after the build: no longer the file presskit wrote.
    await appendFile(join(root, 'dist/a/a.txt'), 'a note of mine\n');
    await rm(join(root, 'releases/a.md'));

    const report = await build({ root, now });
    expect(report.ok).toBe(true);
    expect(report.removed).toEqual([
      { slug: 'a', sourceFile: join(root, 'releases/a.md'), why: 'gone', kept: ['a/a.txt'] },
    ]);
    expect(await readdir(join(root, 'dist/a'))).toEqual(['a.txt']);
    expect(await readFile(join(root, 'dist/a/a.txt'), 'utf8')).toContain('a note of mine');
    await expect(stat(join(root, 'dist/a.zip'))).rejects.toThrow();
    expect(report.releases.map((release) => release.status)).toEqual(['unchanged']);
    // Nothing is stale any more: the next build removes nothing.
    expect((await build({ root, now })).removed).toEqual([]);
  }, 60_000);

  it('refuses a now that is no datetime with offset', async () => {
    const root = await makeProject({ 'releases/a.md': minimalRelease() });
    await expect(build({ root, now: '2026-12-01' })).rejects.toThrow(
      /is not a datetime with offset/,
    );
    await expect(build({ root, now: new Date(Number.NaN) })).rejects.toThrow(/--now/);
  });
});
