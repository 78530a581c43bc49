import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, makeProject, run, runCli } from './helpers.js';

const shipped = (name: string): Promise<string> => readFile(join(REPO, 'schema', name), 'utf8');

describe('presskit schema', () => {
  it('prints the frontmatter schema the package ships, and the config one by name', async () => {
    const cwd = await makeProject();
    const release = await runCli(['schema'], { cwd });
    expect(release.code, release.stderr).toBe(0);
    expect(release.stdout).toBe(await shipped('release.schema.json'));
    expect(JSON.parse(release.stdout)).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'presskit release frontmatter',
      required: expect.arrayContaining(['title', 'lang', 'date']),
    });
    const config = await runCli(['schema', 'config'], { cwd });
    expect(config.code, config.stderr).toBe(0);
    expect(config.stdout).toBe(await shipped('config.schema.json'));
    expect(JSON.parse(config.stdout).title).toBe('presskit project config');
  });

  it('writes both files into a folder with --out, the ones it prints', async () => {
    const cwd = await makeProject();
    const result = await runCli(['schema', '--out', 'editor/schema'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      'wrote editor/schema/release.schema.json\nwrote editor/schema/config.schema.json\n',
    );
    for (const name of ['release.schema.json', 'config.schema.json']) {
      expect(await readFile(join(cwd, 'editor/schema', name), 'utf8')).toBe(await shipped(name));
    }
  });

  it('refuses a schema it does not know, as a usage error', async () => {
    const result = await runCli(['schema', 'releases'], { cwd: await makeProject() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are release, config');
  });

  it('is in the package npm would publish', async () => {
    const packed = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], REPO);
    expect(packed.code, packed.stderr).toBe(0);
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]?.files ?? [];
    expect(files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['schema/release.schema.json', 'schema/config.schema.json']),
    );
  });
});
