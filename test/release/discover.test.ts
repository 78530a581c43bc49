import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverReleases, slugify } from '../../src/release/discover.js';
import { expectError, rejection, tempDir, writeTree } from './helpers.js';

const RELEASE = '---\ntitle: T\n---\n';

describe('discoverReleases', () => {
  it('follows no symbolic link to a release file, and names each it leaves out', async () => {
    const root = await tempDir();
    const elsewhere = await tempDir();
    await writeTree(root, { 'releases/own.md': RELEASE, 'releases/sommet/fr.md': RELEASE });
    await writeTree(elsewhere, { 'other.md': RELEASE, 'en.md': RELEASE });
    await symlink(join(elsewhere, 'other.md'), join(root, 'releases/other.md'));
    await symlink(join(elsewhere, 'en.md'), join(root, 'releases/sommet/en.md'));
    await symlink(join(elsewhere, 'other.md'), join(root, 'releases/.hidden.md'));
    // Beside a release's index.md, a file of that release: not a release left out.
    await writeTree(root, { 'releases/visit/index.md': RELEASE });
    await symlink(join(elsewhere, 'other.md'), join(root, 'releases/visit/notes.md'));
    const skipped: string[] = [];
    const found = await discoverReleases(['releases'], {
      root,
      onSkippedLink: (path) => skipped.push(path),
    });
    expect(found.map((source) => source.displayPath)).toEqual([
      'releases/own.md',
      'releases/sommet/fr.md',
      'releases/visit/index.md',
    ]);
    expect(skipped.sort()).toEqual(['releases/other.md', 'releases/sommet/en.md']);
  });

  it('finds files, index folders and translation folders, sorted, with their slugs', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'releases/zeta-launch.md': RELEASE,
      'releases/accord-cadre.md': RELEASE,
      'releases/oim-2016/index.md': RELEASE,
      'releases/oim-2016/photo.jpg': 'not scanned',
      'releases/oim-2016/notes.md': 'beside index.md: part of that release, not one of its own',
      'releases/sommet/fr.md': RELEASE,
      'releases/sommet/en.md': RELEASE,
      'releases/sommet/fr-BE.md': RELEASE,
      'releases/README.md': '# How to write a release',
      'releases/readme.MD': 'lower case too',
      'releases/.drafts/secret.md': RELEASE,
      'releases/.hidden.md': RELEASE,
      'releases/node_modules/pkg/readme.md': RELEASE,
      'releases/notes.txt': 'not Markdown',
      'releases/2016/octobre/bilan.md': RELEASE,
    });
    const found = await discoverReleases(['releases'], root);
    expect(found.map((source) => [source.displayPath, source.slugFromPath])).toEqual([
      ['releases/2016/octobre/bilan.md', 'bilan'],
      ['releases/accord-cadre.md', 'accord-cadre'],
      ['releases/oim-2016/index.md', 'oim-2016'],
      ['releases/sommet/en.md', 'sommet-en'],
      ['releases/sommet/fr-BE.md', 'sommet-fr-be'],
      ['releases/sommet/fr.md', 'sommet-fr'],
      ['releases/zeta-launch.md', 'zeta-launch'],
    ]);
    for (const source of found) expect(source.sourceFile).toBe(join(root, source.displayPath));
  });

  it('gives the same order whatever the order of the paths given', async () => {
    const root = await tempDir();
    await writeTree(root, { 'a/b.md': RELEASE, 'c/d.md': RELEASE, 'a/a.md': RELEASE });
    const forward = await discoverReleases(['a', 'c'], root);
    const backward = await discoverReleases(['c', 'a/', 'a/a.md'], root);
    expect(backward).toEqual(forward);
    expect(forward.map((s) => s.displayPath)).toEqual(['a/a.md', 'a/b.md', 'c/d.md']);
  });

  it('takes an absolute path as it is, not under the working folder', async () => {
    const project = await tempDir();
    await writeTree(project, { 'releases/a.md': RELEASE });
    const elsewhere = await tempDir();
    const found = await discoverReleases([join(project, 'releases')], elsewhere);
    expect(found.map((source) => source.sourceFile)).toEqual([join(project, 'releases/a.md')]);
  });

  it('slugs a file named explicitly by its folder when it is index.md or <lang>.md', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'releases/sommet/fr.md': RELEASE,
      'releases/oim/index.md': RELEASE,
      'releases/Été 2016!.md': RELEASE,
    });
    const found = await discoverReleases(
      ['releases/sommet/fr.md', 'releases/oim/index.md', 'releases/Été 2016!.md'],
      root,
    );
    expect(found.map((s) => s.slugFromPath)).toEqual(['oim', 'sommet-fr', 'ete-2016']);
  });

  it('takes a file for a translation only when its name is a known language tag', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'releases/oim-belgique-accord-cadre.md': RELEASE,
      'releases/2026/new-office.md': RELEASE,
      'releases/2026/cop.md': RELEASE,
      'releases/alone/new-office.md': RELEASE,
      'releases/summit/zh-Hant-TW.md': RELEASE,
      'releases/summit/es-419.md': RELEASE,
    });
    const found = await discoverReleases(['releases'], root);
    expect(found.map((s) => [s.displayPath, s.slugFromPath])).toEqual([
      ['releases/2026/cop.md', 'cop'],
      ['releases/2026/new-office.md', 'new-office'],
      ['releases/alone/new-office.md', 'new-office'],
      ['releases/oim-belgique-accord-cadre.md', 'oim-belgique-accord-cadre'],
      ['releases/summit/es-419.md', 'summit-es-419'],
      ['releases/summit/zh-Hant-TW.md', 'summit-zh-hant-tw'],
    ]);
  });

  it('gives a release folder or a translation folder named as the top its own name', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'releases/camp-visit/index.md': RELEASE,
      'releases/summit/en.md': RELEASE,
      'releases/summit/fr.md': RELEASE,
    });
    const slugs = async (path: string) =>
      (await discoverReleases([path], root)).map((s) => s.slugFromPath);
    expect(await slugs('releases/camp-visit')).toEqual(['camp-visit']);
    expect(await slugs(join(root, 'releases/camp-visit/'))).toEqual(['camp-visit']);
    expect(await slugs('releases/summit')).toEqual(['summit-en', 'summit-fr']);
  });

  it('refuses a path that does not exist with E_USAGE, naming it', async () => {
    const root = await tempDir();
    const error = await rejection(() => discoverReleases(['releases/missing.md'], root));
    const problem = expectError(error, 'E_USAGE', 'releases/missing.md');
    expect(problem.message).toMatch(/no such file/);
  });

  it('finds nothing in an empty folder', async () => {
    const root = await tempDir();
    await writeTree(root, { 'releases/.keep': '' });
    expect(await discoverReleases(['releases'], root)).toEqual([]);
  });
});

describe('slugify', () => {
  it.each([
    ['Accord-cadre OIM', 'accord-cadre-oim'],
    ['Été à Bruxelles', 'ete-a-bruxelles'],
    ['  --Hello__World--  ', 'hello-world'],
    ['Œuvre ﬁne', 'oeuvre-fine'],
    ['../../etc/passwd', 'etc-passwd'],
    ['王小明', 'release'],
    ['', 'release'],
    [`${'a'.repeat(99)}-b`, 'a'.repeat(99)],
    // Names Windows reserves for devices, in any case.
    ['con', 'con-release'],
    ['CON', 'con-release'],
    ['Aux', 'aux-release'],
    ['nul', 'nul-release'],
    ['PRN', 'prn-release'],
    ['com1', 'com1-release'],
    ['LPT9', 'lpt9-release'],
    ['com0', 'com0-release'],
    ['com10', 'com10'],
    ['console', 'console'],
    ['con-fr', 'con-fr'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
    expect(slugify(text)).toMatch(/^[a-z0-9][a-z0-9-]{0,99}$/);
  });
});
