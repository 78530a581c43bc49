import { readdir, readFile, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as PrepareRelease from '../../src/pipeline/prepare-release.js';
import { build } from '../../src/index.js';
import type { BuildReport } from '../../src/index.js';
import { makePng, makeProject, minimalRelease } from './helpers.js';

// Counts how often a build reads and validates a release, to tell the quick no-change
// check (files hashed against the saved state) from the full one.
const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/pipeline/prepare-release.js', async (importOriginal) => {
  const original = await importOriginal<typeof PrepareRelease>();
  return {
    ...original,
    // The build reads a release (to leave drafts out), then validates it here.
    prepareLoaded: (...args: Parameters<typeof original.prepareLoaded>) => {
      reads.count++;
      return original.prepareLoaded(...args);
    },
  };
});

const withPhoto = (body = 'Body text.') =>
  minimalRelease({ assets: '\n  - file: photo.png\n    alt: A photo' }, body);

async function project(): Promise<string> {
  return makeProject({
    'releases/one/index.md': withPhoto(),
    'releases/one/photo.png': makePng(24, 16, [200, 40, 40]),
    'releases/one/same.png': makePng(24, 16, [200, 40, 40]),
    'releases/two.md': minimalRelease({ title: 'Second' }),
  });
}

const statuses = (report: BuildReport) =>
  Object.fromEntries(report.releases.map((release) => [release.source, release.status]));

describe('a no-change build tells unchanged releases from their files alone', () => {
  let root: string;
  beforeEach(async () => {
    root = await project();
    expect((await build({ root })).ok).toBe(true);
    reads.count = 0;
  });

  it('reads no release that did not change, and reports the same kits', async () => {
    const first = await build({ root, force: true });
    reads.count = 0;
    const again = await build({ root });
    expect(reads.count).toBe(0);
    expect(again.browserLaunched).toBe(false);
    expect(statuses(again)).toEqual({
      'releases/one/index.md': 'unchanged',
      'releases/two.md': 'unchanged',
    });
    expect(again.releases.map((release) => [release.slug, release.files, release.zip])).toEqual(
      first.releases.map((release) => [release.slug, release.files, release.zip]),
    );
  });

  it('reads and rebuilds a release whose source changed, and only that one', async () => {
    await writeFile(join(root, 'releases/one/index.md'), withPhoto('Other text.'));
    const report = await build({ root });
    expect(reads.count).toBe(1);
    expect(statuses(report)['releases/one/index.md']).toBe('built');
    expect(statuses(report)['releases/two.md']).toBe('unchanged');
  });

  it('rebuilds when an asset changed, or now leads to another file', async () => {
    await writeFile(join(root, 'releases/one/photo.png'), makePng(24, 16, [10, 200, 10]));
    expect(statuses(await build({ root }))['releases/one/index.md']).toBe('built');
    // A link to a file with the very same bytes: still another file, so read again.
    await unlink(join(root, 'releases/one/photo.png'));
    await symlink(join(root, 'releases/one/same.png'), join(root, 'releases/one/photo.png'));
    reads.count = 0;
    expect(statuses(await build({ root }))['releases/one/index.md']).toBe('built');
    expect(reads.count).toBe(1);
  });

  it('reports the problem of an asset that is gone, or now links outside the project', async () => {
    await unlink(join(root, 'releases/one/photo.png'));
    const gone = await build({ root });
    expect(gone.ok).toBe(false);
    expect(gone.releases[0]?.problems[0]?.message).toMatch(/"photo\.png": cannot read it/);

    const elsewhere = await makeProject({ 'photo.png': makePng(24, 16, [200, 40, 40]) });
    await symlink(join(elsewhere, 'photo.png'), join(root, 'releases/one/photo.png'));
    const outside = await build({ root });
    expect(outside.releases[0]?.problems[0]?.message).toMatch(
      /"photo\.png": is a link to a file outside the project folder/,
    );
  });

  it('rebuilds a kit whose zip was removed or replaced', async () => {
    await rm(join(root, 'dist/one.zip'));
    expect(statuses(await build({ root }))['releases/one/index.md']).toBe('built');
    await writeFile(join(root, 'dist/two.zip'), 'not the zip presskit wrote');
    expect(statuses(await build({ root }))['releases/two.md']).toBe('built');
  });

  it('still tells a release unchanged after its slug changed (two states, one source)', async () => {
    await writeFile(
      join(root, 'releases/two.md'),
      minimalRelease({ title: 'Second', slug: 'renamed' }),
    );
    expect(statuses(await build({ root }))['releases/two.md']).toBe('built');
    // The old slug's kit and state are removed: no release builds it any more.
    const states = await readdir(join(root, 'dist/.presskit-state'));
    expect(states).toContain('renamed.json');
    expect(states).not.toContain('two.json');
    expect(await readdir(join(root, 'dist'))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^two(\.zip)?$/)]),
    );
    reads.count = 0;
    const again = await build({ root });
    expect(statuses(again)['releases/two.md']).toBe('unchanged');
    expect(again.releases.find((release) => release.source === 'releases/two.md')?.slug).toBe(
      'renamed',
    );
    expect(reads.count).toBe(0);
  });

  it('reads every release again when the saved state is of an older layout', async () => {
    const stateDir = join(root, 'dist/.presskit-state');
    for (const name of await readdir(stateDir)) {
      const state: Record<string, unknown> = JSON.parse(
        await readFile(join(stateDir, name), 'utf8'),
      );
      const { sourceFile: _sourceFile, assets: _assets, ...older } = state;
      await writeFile(join(stateDir, name), JSON.stringify(older));
    }
    const report = await build({ root });
    expect(report.ok).toBe(true);
    expect(reads.count).toBe(2);
    expect(Object.values(statuses(report))).toEqual(['built', 'built']);
    reads.count = 0;
    expect(Object.values(statuses(await build({ root })))).toEqual(['unchanged', 'unchanged']);
    expect(reads.count).toBe(0);
  });
});

describe('a project moved, or its output folder restored into another clone', () => {
  let root: string;
  let slugs: Record<string, string | undefined>;
  beforeEach(async () => {
    const first = await project();
    const report = await build({ root: first });
    expect(report.ok).toBe(true);
    slugs = Object.fromEntries(report.releases.map((release) => [release.source, release.slug]));
    root = `${first}-moved`;
    await rename(first, root);
    reads.count = 0;
  });

  it('tells its releases unchanged, by the same path or through a link', async () => {
    const again = await build({ root });
    expect(statuses(again)).toEqual({
      'releases/one/index.md': 'unchanged',
      'releases/two.md': 'unchanged',
    });
    expect(again.browserLaunched).toBe(false);
    const link = `${root}-link`;
    await symlink(root, link);
    try {
      expect(Object.values(statuses(await build({ root: link })))).toEqual([
        'unchanged',
        'unchanged',
      ]);
    } finally {
      await unlink(link);
    }
    expect(reads.count).toBe(0);
  });

  it('keeps the kits of the releases a build of some paths leaves alone', async () => {
    const report = await build({ root, paths: ['releases/two.md'] });
    expect(report.removed).toEqual([]);
    const kept = slugs['releases/one/index.md'];
    if (kept === undefined) throw new Error('no slug for releases/one/index.md');
    expect(await readdir(join(root, 'dist'))).toContain(`${kept}.zip`);
  });

  it('still removes the kit of a release whose file is gone', async () => {
    await rm(join(root, 'releases/two.md'));
    const report = await build({ root });
    expect(report.removed.map((kit) => [kit.slug, kit.why])).toEqual([
      [slugs['releases/two.md'], 'gone'],
    ]);
  });
});
