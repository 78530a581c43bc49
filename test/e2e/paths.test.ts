import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copySample, makeProject, minimalRelease, runCli } from './helpers.js';

/** A project as a user has it: the sample, a release folder, a year folder, translations. */
async function userProject(config = 'out: public\n'): Promise<string> {
  const root = await makeProject({
    'presskit.config.yaml': config,
    'releases/camp-visit/index.md': minimalRelease({ title: 'Camp visit' }),
    'releases/2026/new-office.md': minimalRelease({ title: 'New office' }),
    'releases/2026/budget.md': minimalRelease({ title: 'Budget' }),
    'releases/summit/en.md': minimalRelease({ title: 'Summit' }),
    'releases/summit/fr-BE.md': minimalRelease({ title: 'Sommet', lang: 'fr-BE' }),
  });
  await copySample(root);
  return root;
}

const EXPECTED: Record<string, string> = {
  'releases/2026/budget.md': 'budget',
  'releases/2026/new-office.md': 'new-office',
  'releases/camp-visit/index.md': 'camp-visit',
  'releases/oim-belgique-accord-cadre.md': 'oim-belgique-accord-cadre',
  'releases/summit/en.md': 'summit-en',
  'releases/summit/fr-BE.md': 'summit-fr-be',
};

interface Checked {
  releases: { source: string; slug?: string; problems: unknown[] }[];
}

/** `presskit check --format json` run from `cwd`: each release's path in the project → slug. */
async function slugs(root: string, cwd: string, args: string[]): Promise<Record<string, string>> {
  const run = await runCli(['check', '--format', 'json', ...args], { cwd });
  expect(run.stderr).not.toMatch(/cannot read|error/i);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as Checked;
  return Object.fromEntries(
    report.releases.map((release) => [
      relative(root, join(cwd, release.source)).split('\\').join('/'),
      release.slug ?? '',
    ]),
  );
}

describe('a release is found by any path, from any folder, and keeps its name', () => {
  let root: string;
  let elsewhere: string;
  beforeAll(async () => {
    root = await userProject();
    elsewhere = await mkdtemp(join(tmpdir(), 'presskit-elsewhere-'));
  });

  it('names every kit the same through the parent, absolute or relative, from inside releases/', async () => {
    expect(await slugs(root, root, [])).toEqual(EXPECTED);
    expect(await slugs(root, root, ['releases'])).toEqual(EXPECTED);
    expect(await slugs(root, root, [join(root, 'releases')])).toEqual(EXPECTED);
    expect(await slugs(root, join(root, 'releases'), ['.'])).toEqual(EXPECTED);
    expect(await slugs(root, join(root, 'releases'), [])).toEqual(EXPECTED);
    expect(await slugs(root, elsewhere, [join(root, 'releases') + '/'])).toEqual(EXPECTED);
  });

  it('names each kit the same through its own folder or file, absolute or relative', async () => {
    const files = Object.keys(EXPECTED);
    const folders = [...new Set(files.map((path) => path.split('/').slice(0, -1).join('/')))];
    expect(await slugs(root, root, files)).toEqual(EXPECTED);
    expect(
      await slugs(
        root,
        elsewhere,
        files.map((path) => join(root, path)),
      ),
    ).toEqual(EXPECTED);
    const inReleases = files.map((path) => relative('releases', path));
    expect(await slugs(root, join(root, 'releases'), inReleases)).toEqual(EXPECTED);
    expect(
      await slugs(
        root,
        elsewhere,
        folders.map((path) => join(root, path)),
      ),
    ).toEqual(EXPECTED);
    for (const folder of folders.filter((path) => path !== 'releases')) {
      const found = await slugs(root, join(root, folder), ['.']);
      for (const [path, slug] of Object.entries(found)) expect(slug).toBe(EXPECTED[path]);
    }
  });

  it('builds from another folder with absolute paths into the config’s out, and index honours it', async () => {
    const project = await userProject();
    const file = join(project, 'releases/2026/new-office.md');
    const built = await runCli(['build', file], { cwd: elsewhere });
    expect(built.code, built.stderr).toBe(0);
    expect(await readdir(join(project, 'public'))).toEqual(
      expect.arrayContaining(['new-office', 'new-office.zip', 'index.html']),
    );
    expect(existsSync(join(elsewhere, 'dist'))).toBe(false);
    expect(existsSync(join(elsewhere, 'public'))).toBe(false);

    // `presskit index` from inside releases/ rewrites the project's public/, not a dist/.
    const indexed = await runCli(['index'], { cwd: join(project, 'releases/2026') });
    expect(indexed.code, indexed.stderr).toBe(0);
    expect(indexed.stderr).toMatch(/1 release\(s\) listed in .*public\/index\.html/);
    expect(existsSync(join(project, 'releases/2026/dist'))).toBe(false);
    // -o is the user's path, relative to where it is typed; the kit is the same bytes.
    const out = await runCli(['build', 'new-office.md', '-o', '../../site'], {
      cwd: join(project, 'releases/2026'),
    });
    expect(out.code, out.stderr).toBe(0);
    expect(await readFile(join(project, 'site/new-office.zip'))).toEqual(
      await readFile(join(project, 'public/new-office.zip')),
    );
    // Named from elsewhere, the folder's project (its config's organisation) is found above it.
    await writeFile(
      join(project, 'presskit.config.yaml'),
      'out: public\norganization:\n  name: Acme Press\n',
    );
    const absolute = await runCli(['index', join(project, 'public')], { cwd: elsewhere });
    expect(absolute.code, absolute.stderr).toBe(0);
    expect(await readFile(join(project, 'public/index.html'), 'utf8')).toContain('Acme Press');
    expect(existsSync(join(project, 'dist'))).toBe(false);
  });

  it('takes the project folder, named as a path, for its releases/', async () => {
    expect(await slugs(root, root, ['.'])).toEqual(EXPECTED);
    expect(await slugs(root, elsewhere, [root])).toEqual(EXPECTED);
    // The output folder (dist/, the default) lies inside the project, not inside releases/.
    const project = await makeProject({
      'presskit.config.yaml': 'organization:\n  name: Acme Press\n',
      'releases/new-office.md': minimalRelease({ title: 'New office' }),
    });
    const built = await runCli(['build', project], { cwd: elsewhere });
    expect(built.code, built.stderr).toBe(0);
    expect(await readdir(join(project, 'dist'))).toEqual(
      expect.arrayContaining(['new-office', 'new-office.zip', 'index.html']),
    );
  });

  it('takes --config and --root from anywhere', async () => {
    const project = await userProject();
    await writeFile(join(project, 'other.yaml'), 'out: other\n');
    // Found by --config: the file's folder is the project, its out is there.
    const byConfig = await runCli(
      ['check', '--config', join(project, 'other.yaml'), 'releases/2026/budget.md'],
      { cwd: project },
    );
    expect(byConfig.code, byConfig.stderr).toBe(0);
    expect(byConfig.stderr).toMatch(/^1 release\(s\) checked, no problems/m);
    const byRoot = await runCli(['check', '--root', project], { cwd: elsewhere });
    expect(byRoot.code, byRoot.stderr).toBe(0);
    expect(byRoot.stderr).toMatch(/^6 release\(s\) checked, no problems/m);
    const noConfig = await runCli(['check', '--config', join(elsewhere, 'nope.yaml')], {
      cwd: elsewhere,
    });
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toMatch(/--config: .*nope\.yaml: no such config file/);
  });

  it('new writes into the project’s releases/ from a subfolder', async () => {
    const project = await userProject();
    const made = await runCli(['new', 'From a subfolder'], { cwd: join(project, 'releases/2026') });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout.trim()).toBe('../from-a-subfolder.md');
    expect(existsSync(join(project, 'releases/from-a-subfolder.md'))).toBe(true);
  });
});
