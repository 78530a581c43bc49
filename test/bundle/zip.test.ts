import {
  chmod,
  mkdir,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256sums, SHA256SUMS } from '../../src/bundle/checksums.js';
import {
  clampToDosTime,
  IN_MEMORY_MAX_FILE_BYTES,
  reproducibleMtime,
  zipKit,
} from '../../src/bundle/zip.js';
import { PresskitError } from '../../src/errors.js';
import {
  inspectZip,
  KIT_FILES,
  run,
  SLUG,
  SORTED_WITH_SUMS,
  tempDir,
  UTF8_ENV,
  writeTree,
} from './kit-fixture.js';

const dirs: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A scratch folder holding `out/<slug>/` with the fixture kit and its SHA256SUMS. */
async function scratchWith(
  files: ReadonlyMap<string, Buffer> = KIT_FILES,
): Promise<{ root: string; kitDir: string; outDir: string }> {
  const root = await tempDir();
  dirs.push(root);
  const outDir = join(root, 'out');
  const kitDir = await writeTree(join(outDir, SLUG), files);
  await writeFile(join(kitDir, SHA256SUMS), await sha256sums(kitDir));
  return { root, kitDir, outDir };
}

const MTIME = new Date('2026-11-27T23:30:01Z');

/** The same kit with one file too large to zip in memory: the kit is streamed through archiver. */
const WITH_LARGE_FILE: ReadonlyMap<string, Buffer> = new Map([
  ...KIT_FILES,
  [
    'acme-launch.pdf',
    Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(IN_MEMORY_MAX_FILE_BYTES, 0x25)]),
  ],
]);

describe.each([
  // Written whole by zipRecords, which never uses data descriptors (general purpose bit 3).
  { path: 'in memory', files: KIT_FILES, dataDescriptors: false },
  // archiver streams each file, so it writes sizes and CRC after the data.
  { path: 'streamed', files: WITH_LARGE_FILE, dataDescriptors: true },
])('zipKit, $path', ({ files, dataDescriptors }) => {
  const scratch = (): ReturnType<typeof scratchWith> => scratchWith(files);

  it('lists exactly the sorted files under <slug>/, no folders, and passes unzip -t', async () => {
    const { outDir } = await scratch();
    const zip = join(outDir, `${SLUG}.zip`);
    await zipKit(join(outDir, SLUG), SLUG, zip, MTIME);

    const { stdout: names } = await run('zipinfo', ['-1', zip], { env: UTF8_ENV });
    expect(names.trimEnd().split('\n')).toEqual(SORTED_WITH_SUMS.map((name) => `${SLUG}/${name}`));

    const { stdout: tested } = await run('unzip', ['-t', zip], { env: UTF8_ENV });
    expect(tested).toContain('No errors detected');

    const { stdout: long } = await run('zipinfo', [zip], { env: UTF8_ENV });
    const rows = long.split('\n').filter((line) => line.includes(`${SLUG}/`));
    expect(rows).toHaveLength(SORTED_WITH_SUMS.length);
    for (const row of rows) expect(row).toMatch(/^-rw-r--r-- .* unx /);
  });

  it('reports the size and SHA-256 of the zip it wrote', async () => {
    const { outDir, kitDir } = await scratch();
    const zip = join(outDir, `${SLUG}.zip`);
    const report = await zipKit(kitDir, SLUG, zip, MTIME);
    const { stdout } = await run('sha256sum', [zip]);
    expect(report).toEqual({ bytes: (await stat(zip)).size, sha256: stdout.split(' ')[0] });
  });

  it('extracts to the same bytes, with a SHA256SUMS that still checks', async () => {
    const { root, outDir } = await scratch();
    const zip = join(outDir, `${SLUG}.zip`);
    await zipKit(join(outDir, SLUG), SLUG, zip, MTIME);

    const extracted = join(root, 'extracted');
    await run('unzip', ['-q', zip, '-d', extracted], { env: UTF8_ENV });
    for (const [name, content] of files) {
      expect((await readFile(join(extracted, SLUG, name))).equals(content)).toBe(true);
    }
    await run('sha256sum', ['-c', '--strict', '--quiet', SHA256SUMS], {
      cwd: join(extracted, SLUG),
      env: UTF8_ENV,
    });
  });

  it('stores the UTC DOS time, UTF-8 flag only where needed, no extra fields or comments', async () => {
    const { outDir } = await scratch();
    const zip = join(outDir, `${SLUG}.zip`);
    await zipKit(join(outDir, SLUG), SLUG, zip, MTIME);

    const report = await inspectZip(zip);
    expect(report.comment).toBe('');
    expect(report.entries.map((entry) => entry.name)).toEqual(
      SORTED_WITH_SUMS.map((name) => `${SLUG}/${name}`),
    );
    for (const entry of report.entries) {
      // 23:30:01 UTC: the odd second rounds down; in Tokyo it would already be the 28th.
      expect(entry.dateTime).toEqual([2026, 11, 27, 23, 30, 0]);
      expect(entry.localDateTime).toEqual([2026, 11, 27, 23, 30, 0]);
      expect(entry.localName).toBe(entry.name);
      expect(entry.extra).toBe('');
      expect(entry.localExtra).toBe('');
      expect(entry.comment).toBe('');
      expect(entry.createSystem).toBe(3); // Unix, so the mode is meaningful
      expect(entry.mode).toBe(0o100644);
      // Already-compressed formats and empty files are stored (0); the rest is deflated (8).
      const stored = /\.(pdf|png|jpe?g)$/.test(entry.name) || entry.name.endsWith('empty.txt');
      expect(entry.compressType).toBe(stored ? 0 : 8);
      const utf8 = Buffer.byteLength(entry.name) !== entry.name.length;
      expect(Boolean(entry.flagBits & 0x800)).toBe(utf8);
      expect(Boolean(entry.localFlagBits & 0x800)).toBe(utf8);
      expect(Boolean(entry.flagBits & 0x8)).toBe(dataDescriptors);
    }
  });

  it('gives the same bytes whatever the files’ own times and modes, and when run again', async () => {
    const { outDir, kitDir } = await scratch();
    const first = join(outDir, 'first.zip');
    await zipKit(kitDir, SLUG, first, MTIME);

    await utimes(join(kitDir, 'index.html'), new Date('2001-02-03'), new Date('2001-02-03'));
    await utimes(join(kitDir, 'assets/logo.svg'), new Date(), new Date());
    await chmod(join(kitDir, 'acme-launch.pdf'), 0o600);
    await chmod(join(kitDir, 'assets/photo-café.jpg'), 0o755);
    const second = join(outDir, 'second.zip');
    await zipKit(kitDir, SLUG, second, MTIME);
    expect((await readFile(second)).equals(await readFile(first))).toBe(true);

    // ...and the timestamp does reach the bytes.
    const later = join(outDir, 'later.zip');
    await zipKit(kitDir, SLUG, later, new Date('2026-11-28T00:00:00Z'));
    expect((await readFile(later)).equals(await readFile(first))).toBe(false);
  });

  it('clamps times before 1980 to 1980-01-01 00:00:00', async () => {
    const { outDir, kitDir } = await scratch();
    const zip = join(outDir, 'old.zip');
    await zipKit(kitDir, SLUG, zip, new Date('1970-01-01T00:00:00Z'));
    const report = await inspectZip(zip);
    expect(report.entries[0]?.localDateTime).toEqual([1980, 1, 1, 0, 0, 0]);
  });

  it('replaces an existing zip and leaves no temporary file behind', async () => {
    const { outDir, kitDir } = await scratch();
    const zip = join(outDir, `${SLUG}.zip`);
    await writeFile(zip, 'old');
    await zipKit(kitDir, SLUG, zip, MTIME);
    expect((await readFile(zip)).subarray(0, 4).toString('hex')).toBe('504b0304');
    expect((await readdir(outDir)).sort()).toEqual([SLUG, `${SLUG}.zip`]);
  });

  it('leaves the old zip and no temporary file when it fails', async () => {
    const { outDir, kitDir } = await scratch();
    const zip = join(outDir, `${SLUG}.zip`);
    await writeFile(zip, 'old');
    await writeFile(join(kitDir, 'assets/LOGO.svg'), 'clash');
    await expect(zipKit(kitDir, SLUG, zip, MTIME)).rejects.toThrow('collides');
    expect(await readFile(zip, 'utf8')).toBe('old');
    expect((await readdir(outDir)).sort()).toEqual([SLUG, `${SLUG}.zip`]);
  });

  it('removes the complete temporary zip when the final rename fails', async () => {
    const { outDir, kitDir } = await scratch();
    // A non-empty folder where the zip should go: rename() must fail after the zip is written.
    const blocked = join(outDir, 'blocked.zip');
    await mkdir(join(blocked, 'inside'), { recursive: true });
    await expect(zipKit(kitDir, SLUG, blocked, MTIME)).rejects.toThrow();
    expect((await readdir(outDir)).sort()).toEqual([SLUG, 'blocked.zip']);
  });

  it('fails cleanly when the output folder does not exist', async () => {
    const { root, kitDir } = await scratch();
    await expect(zipKit(kitDir, SLUG, join(root, 'missing/x.zip'), MTIME)).rejects.toThrow(
      'ENOENT',
    );
    expect((await readdir(root)).sort()).toEqual(['out']);
  });

  it('refuses unsafe names and symlinks in the kit', async () => {
    const { outDir, kitDir } = await scratch();
    const zip = join(outDir, `${SLUG}.zip`);
    await writeFile(join(kitDir, 'assets/evil\u202Egpj.exe'), 'x');
    await expect(zipKit(kitDir, SLUG, zip, MTIME)).rejects.toThrow('bidirectional');
    await rm(join(kitDir, 'assets/evil\u202Egpj.exe'));

    await symlink('/etc/passwd', join(kitDir, 'assets/passwd'));
    await expect(zipKit(kitDir, SLUG, zip, MTIME)).rejects.toThrow('not a regular file');
    expect(await readdir(outDir)).toEqual([SLUG]);
  });

  it.each(['', '..', '.', 'a/b', '/abs', 'a\\b', 'new\nline'])(
    'refuses the slug %j',
    async (slug) => {
      const { outDir, kitDir } = await scratch();
      await expect(zipKit(kitDir, slug, join(outDir, 'x.zip'), MTIME)).rejects.toMatchObject({
        code: 'E_USAGE',
        problems: [{ field: 'slug' }],
      });
    },
  );
});

describe('clampToDosTime', () => {
  it.each([
    ['2026-11-27T23:30:01.999Z', '2026-11-27T23:30:00.000Z'],
    ['2026-11-27T23:30:02.500Z', '2026-11-27T23:30:02.000Z'],
    ['1979-12-31T23:59:59Z', '1980-01-01T00:00:00.000Z'],
    ['2044-01-01T00:00:00Z', '2043-12-31T23:59:58.000Z'],
    ['2107-06-01T00:00:00Z', '2043-12-31T23:59:58.000Z'],
  ])('%s -> %s', (input, expected) => {
    expect(clampToDosTime(new Date(input)).toISOString()).toBe(expected);
  });

  it('refuses an invalid date', () => {
    expect(() => clampToDosTime(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('reproducibleMtime', () => {
  const release = new Date('2026-11-27T10:00:01+01:00');

  it('uses the release instant, clamped, when SOURCE_DATE_EPOCH is unset or empty', () => {
    expect(reproducibleMtime(release, {}).toISOString()).toBe('2026-11-27T09:00:00.000Z');
    expect(reproducibleMtime(release, { SOURCE_DATE_EPOCH: '' }).toISOString()).toBe(
      '2026-11-27T09:00:00.000Z',
    );
    expect(reproducibleMtime(new Date('1975-05-05'), {}).getTime()).toBe(315_532_800_000);
  });

  it.each([
    ['1700000001', '2023-11-14T22:13:20.000Z'],
    ['1700000000', '2023-11-14T22:13:20.000Z'],
    ['0', '1980-01-01T00:00:00.000Z'],
    ['-86400', '1980-01-01T00:00:00.000Z'],
    // Later than the release: a clamp, not a replacement, so the release's own time stays.
    ['1795770001', '2026-11-27T09:00:00.000Z'],
    ['99999999999999999999999', '2026-11-27T09:00:00.000Z'],
  ])('clamps to SOURCE_DATE_EPOCH=%s', (value, expected) => {
    expect(reproducibleMtime(release, { SOURCE_DATE_EPOCH: value }).toISOString()).toBe(expected);
  });

  it('keeps a release dated after 2043 at the last DOS time, epoch or not', () => {
    const late = new Date('2050-01-01T00:00:00Z');
    for (const env of [{}, { SOURCE_DATE_EPOCH: '99999999999' }]) {
      expect(reproducibleMtime(late, env).toISOString()).toBe('2043-12-31T23:59:58.000Z');
    }
  });

  it('reads process.env by default', () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1700000000');
    expect(reproducibleMtime(release).getTime()).toBe(1_700_000_000_000);
  });

  it.each(['abc', '1.5', '1e9', ' 1700000000', '1700000000\n', '0x10', '+5', '--1'])(
    'rejects SOURCE_DATE_EPOCH=%j with E_USAGE',
    (value) => {
      let error: unknown;
      try {
        reproducibleMtime(release, { SOURCE_DATE_EPOCH: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(PresskitError);
      expect(error).toMatchObject({ code: 'E_USAGE' });
      expect(String(error)).toContain('SOURCE_DATE_EPOCH');
    },
  );
});
