import { existsSync } from 'node:fs';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectValidKit, makeProject, minimalRelease, run, runCli } from './helpers.js';

const CAMP = minimalRelease({ title: 'Camp visit' });
const DOCS = minimalRelease({ title: 'Documentation day' });

describe('the output folder never takes the place of what the build reads', () => {
  it('refuses -o releases, and the release sources stay as they were', async () => {
    const root = await makeProject({ 'releases/camp/index.md': CAMP });
    const result = await runCli(['build', '-o', 'releases'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^presskit: releases: out: the output folder is release sources/m,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(join(root, 'releases/camp/index.md'), 'utf8')).toBe(CAMP);
  });

  it('refuses `out: releases` in the config alike', async () => {
    const root = await makeProject({
      'releases/camp/index.md': CAMP,
      'presskit.config.yaml': 'out: releases\n',
    });
    const result = await runCli(['build'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/out: the output folder is release sources/);
    expect(await readFile(join(root, 'releases/camp/index.md'), 'utf8')).toBe(CAMP);
  });

  it('refuses an output folder inside a release folder', async () => {
    const root = await makeProject({ 'releases/camp/index.md': CAMP });
    const result = await runCli(['build', '-o', 'releases/camp/out'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the output folder lies inside release sources/);
    expect(existsSync(join(root, 'releases/camp/out'))).toBe(false);
  });

  it('sees through a symlink to the project folder (ln -s . out)', async () => {
    const root = await makeProject({ 'releases/camp/index.md': CAMP });
    await symlink('.', join(root, 'out'));
    const result = await runCli(['build', '-o', 'out'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/out: the output folder is the project folder/);
    expect(await readFile(join(root, 'releases/camp/index.md'), 'utf8')).toBe(CAMP);
    expect(existsSync(join(root, 'camp'))).toBe(false);
  });
});

describe('presskit replaces only what it wrote', () => {
  it("keeps a user's folder that shares a slug, and a user's index.html", async () => {
    const root = await makeProject({
      'releases/docs.md': DOCS,
      'releases/camp.md': CAMP,
      'site/docs/important.txt': 'my notes',
      'site/index.html': '<!doctype html><title>My site</title>',
    });
    const result = await runCli(['build', '-o', 'site'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^releases\/docs\.md: slug: site\/docs\/important\.txt was not written by presskit, so presskit will not replace it/m,
    );
    expect(result.stderr).toMatch(
      /^site\/index\.html: was not written by presskit, so the newsroom index was not written over it/m,
    );
    expect(await readFile(join(root, 'site/docs/important.txt'), 'utf8')).toBe('my notes');
    expect(await readFile(join(root, 'site/index.html'), 'utf8')).toContain('My site');
    // The release that had room was built all the same.
    await expectValidKit(join(root, 'site'), 'camp');
  });

  it('keeps a file a user added inside a kit folder, and says so', async () => {
    const root = await makeProject({ 'releases/camp.md': CAMP });
    expect((await runCli(['build'], { cwd: root })).code).toBe(0);
    await writeFile(join(root, 'dist/camp/notes.txt'), 'mine');
    await writeFile(join(root, 'releases/camp.md'), CAMP.replace('Body text.', 'New text.'));
    const result = await runCli(['build'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/dist\/camp\/notes\.txt was not written by presskit/);
    expect(await readFile(join(root, 'dist/camp/notes.txt'), 'utf8')).toBe('mine');
    await expectValidKit(join(root, 'dist'), 'camp');
  });

  it('rebuilds its own kits after its state was lost (the kit lists its files)', async () => {
    const root = await makeProject({ 'releases/camp.md': CAMP });
    expect((await runCli(['build'], { cwd: root })).code).toBe(0);
    await run('rm', ['-rf', join(root, 'dist/.presskit-state')]);
    const result = await runCli(['build'], { cwd: root });
    expect(result.stderr).toMatch(/built\s+camp/);
    expect(result.code).toBe(0);
  });

  it('presskit index refuses to replace an index.html it did not write, kits or none', async () => {
    const root = await makeProject({ 'mine/index.html': '<p>mine</p>' });
    const empty = await runCli(['index', 'mine'], { cwd: root });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^presskit: mine: holds no press kit/m);
    expect(await readFile(join(root, 'mine/index.html'), 'utf8')).toBe('<p>mine</p>');

    const withKit = await makeProject({ 'releases/camp.md': CAMP });
    expect((await runCli(['build'], { cwd: withKit })).code).toBe(0);
    await writeFile(join(withKit, 'dist/index.html'), '<p>hand-made</p>');
    const refused = await runCli(['index'], { cwd: withKit });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/dist\/index\.html: was not written by presskit/);
    expect(await readFile(join(withKit, 'dist/index.html'), 'utf8')).toBe('<p>hand-made</p>');
  });

  it('presskit index writes into the folder the config names', async () => {
    const root = await makeProject({
      'releases/camp.md': CAMP,
      'presskit.config.yaml': 'out: public\n',
    });
    expect((await runCli(['build'], { cwd: root })).code).toBe(0);
    const again = await runCli(['index'], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/1 release\(s\) listed in .*public\/index\.html/);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});

describe('a damaged kit is rebuilt, never reported unchanged', () => {
  const damages: Record<string, (out: string) => Promise<unknown>> = {
    'its PDF and page deleted': (out) =>
      run('rm', [join(out, 'camp/camp.pdf'), join(out, 'camp/index.html')]),
    'its zip replaced by bytes of the same size, with the same time': async (out) => {
      const zip = join(out, 'camp.zip');
      const size = (await readFile(zip)).length;
      await run('cp', ['-p', zip, `${zip}.keep`]);
      await writeFile(zip, Buffer.alloc(size, 0x41));
      await run('touch', ['-r', `${zip}.keep`, zip]);
      await run('rm', [`${zip}.keep`]);
    },
  };
  for (const [damage, inflict] of Object.entries(damages)) {
    it(`rebuilds a kit with ${damage}`, async () => {
      const root = await makeProject({ 'releases/camp.md': CAMP });
      expect((await runCli(['build'], { cwd: root })).code).toBe(0);
      await inflict(join(root, 'dist'));
      const result = await runCli(['build'], { cwd: root });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/\bbuilt\s+camp/);
      await expectValidKit(join(root, 'dist'), 'camp');
    });
  }

  /** The zip copied away and back with its time, as a CI cache restores it: a new inode. */
  const restoreZip = async (out: string): Promise<void> => {
    const zip = join(out, 'camp.zip');
    await run('cp', ['-p', zip, `${zip}.cached`]);
    await run('rm', [zip]);
    await run('cp', ['-p', `${zip}.cached`, zip]);
    await run('rm', [`${zip}.cached`]);
  };

  it('keeps a kit whose zip was restored with its time (a CI cache), having hashed it again', async () => {
    const root = await makeProject({ 'releases/camp.md': CAMP });
    expect((await runCli(['build'], { cwd: root })).code).toBe(0);
    await restoreZip(join(root, 'dist'));
    const again = await runCli(['build'], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/\bunchanged\s+camp/);
  });

  it("publishes a touched zip's own SHA-256 in the newsroom, whatever the state file says", async () => {
    const root = await makeProject({ 'releases/camp.md': CAMP });
    expect((await runCli(['build'], { cwd: root })).code).toBe(0);
    const statePath = join(root, 'dist/.presskit-state/camp.json');
    const real = (await run('sha256sum', [join(root, 'dist/camp.zip')])).stdout.split(' ')[0] ?? '';
    const fake = 'f'.repeat(64);
    await writeFile(statePath, (await readFile(statePath, 'utf8')).replaceAll(real, fake));
    await restoreZip(join(root, 'dist'));
    await writeFile(join(root, 'releases/other.md'), DOCS);
    expect((await runCli(['build'], { cwd: root })).code).toBe(0);
    const index = await readFile(join(root, 'dist/index.html'), 'utf8');
    expect(index).toContain(real);
    expect(index).not.toContain(fake);
  });
});

describe('--base-url', () => {
  for (const url of ['file:///etc/', 'not a url', 'press.acme.example']) {
    it(`refuses ${url} as a usage error`, async () => {
      const root = await makeProject({ 'releases/camp.md': CAMP });
      const result = await runCli(['build', '--base-url', url], { cwd: root });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^presskit: --base-url: .* is not an absolute http:\/\/ or https:\/\/ URL/m,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(root, 'dist'))).toBe(false);
    });
  }
});
