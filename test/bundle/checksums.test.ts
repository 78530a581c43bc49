import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHA256SUMS, sha256File, sha256sums } from '../../src/bundle/checksums.js';
import { PresskitError } from '../../src/errors.js';
import { KIT_FILES, SORTED_WITH_SUMS, run, tempDir, UTF8_ENV, writeTree } from './kit-fixture.js';

const dirs: string[] = [];
async function kit(): Promise<string> {
  const dir = await tempDir();
  dirs.push(dir);
  return writeTree(dir, KIT_FILES);
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Runs coreutils `sha256sum -c` in `dir`. */
function sha256sumCheck(dir: string): { code: number | null; output: string } {
  const result = spawnSync('sha256sum', ['-c', '--strict', SHA256SUMS], {
    cwd: dir,
    env: UTF8_ENV,
    encoding: 'utf8',
  });
  return { code: result.status, output: result.stdout };
}

describe('sha256File', () => {
  it('matches coreutils sha256sum on a multi-chunk file and an empty one', async () => {
    const dir = await kit();
    for (const name of ['acme-launch.pdf', 'assets/empty.txt']) {
      const { stdout } = await run('sha256sum', [join(dir, name)]);
      expect(await sha256File(join(dir, name))).toBe(stdout.split(' ')[0]);
    }
  });
});

describe('sha256sums', () => {
  it('lists every file but itself, sorted by UTF-8 bytes, in sha256sum format', async () => {
    const dir = await kit();
    await writeFile(join(dir, SHA256SUMS), 'stale\n');
    const text = await sha256sums(dir);

    const lines = text.split('\n');
    expect(lines.pop()).toBe(''); // ends with a newline
    expect(lines.map((line) => line.slice(66))).toEqual(
      SORTED_WITH_SUMS.filter((name) => name !== SHA256SUMS),
    );
    for (const line of lines) {
      const name = line.slice(66);
      const content = KIT_FILES.get(name);
      expect(content).toBeDefined();
      const expected = createHash('sha256')
        .update(content ?? '')
        .digest('hex');
      expect(line).toBe(`${expected}  ${name}`);
    }
  });

  it('passes `sha256sum -c` and fails it once a file is tampered with', async () => {
    const dir = await kit();
    await writeFile(join(dir, SHA256SUMS), await sha256sums(dir));

    const good = sha256sumCheck(dir);
    expect(good.code).toBe(0);
    expect(good.output.trim().split('\n')).toHaveLength(KIT_FILES.size);

    await appendFile(join(dir, 'assets/photo-café.jpg'), 'x');
    const bad = sha256sumCheck(dir);
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('assets/photo-café.jpg: FAILED');
  });

  it('covers a file added later in a nested folder', async () => {
    const dir = await kit();
    await mkdir(join(dir, 'assets/deep/er'), { recursive: true });
    await writeFile(join(dir, 'assets/deep/er/new.txt'), 'new');
    expect(await sha256sums(dir)).toContain('  assets/deep/er/new.txt\n');
  });

  it('refuses symlinks and unsafe names instead of skipping them', async () => {
    const linked = await kit();
    await symlink('/etc/passwd', join(linked, 'assets/passwd'));
    await expect(sha256sums(linked)).rejects.toMatchObject({ code: 'E_ASSET' });

    const escaped = await kit();
    await writeFile(join(escaped, 'assets/a\\b.txt'), 'x');
    const error: unknown = await sha256sums(escaped).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PresskitError);
    expect(String(error)).toContain('backslash');
  });
});
