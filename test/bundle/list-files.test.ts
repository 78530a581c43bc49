import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertSafeNames,
  compareUtf8,
  listKitFiles,
  unsafeNameReason,
} from '../../src/bundle/list-files.js';
import { PresskitError } from '../../src/errors.js';
import { KIT_FILES, SORTED_WITH_SUMS, tempDir, writeTree } from './kit-fixture.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('compareUtf8 and listKitFiles', () => {
  it('orders by UTF-8 bytes, which UTF-16 order gets wrong past the BMP', () => {
    const names = [...SORTED_WITH_SUMS].reverse();
    expect(names.sort(compareUtf8)).toEqual(SORTED_WITH_SUMS);
    // The fixture is only a test if plain JS sorting disagrees.
    expect([...SORTED_WITH_SUMS].sort()).not.toEqual(SORTED_WITH_SUMS);
  });

  it('lists every regular file recursively, sorted, with absolute paths', async () => {
    const dir = await writeTree(await tempDir(), KIT_FILES);
    dirs.push(dir);
    const files = await listKitFiles(dir);
    expect(files.map((file) => file.name)).toEqual(
      SORTED_WITH_SUMS.filter((name) => name !== 'SHA256SUMS'),
    );
    for (const file of files) {
      expect(file.absolutePath).toBe(`${dir}/${file.name}`);
      expect(file.stats.size).toBe(KIT_FILES.get(file.name)?.length);
    }
  });
});

describe('unsafeNameReason (APPNOTE 4.4.17.1)', () => {
  it.each([
    ['', 'empty'],
    ['../etc/passwd', '".."'],
    ['kit/../../x', '".."'],
    ['kit/..', '".."'],
    ['/etc/passwd', 'absolute'],
    ['C:/x.txt', 'drive letter'],
    ['c:x.txt', 'drive letter'],
    ['kit\\x.txt', 'backslash'],
    ['kit//x.txt', 'empty or "."'],
    ['./x.txt', 'empty or "."'],
    ['kit/', 'empty or "."'],
    ['new\nline.txt', 'control'],
    ['car\rriage.txt', 'control'],
    ['nul\u0000.txt', 'control'],
    ['del\u007F.txt', 'control'],
    ['c1\u0085.txt', 'control'],
    ['invalid\uFFFD.txt', 'invalid UTF-8'],
    ['photo\u202Egpj.exe', 'bidirectional'],
    ['x\u2066y.txt', 'bidirectional'],
    ['x\u200Fy.txt', 'bidirectional'],
    ['x\u061Cy.txt', 'bidirectional'],
  ])('rejects %j (%s)', (name, reason) => {
    expect(unsafeNameReason(name)).toContain(reason);
  });

  it.each([
    'index.html',
    'acme/assets/photo-café.jpg',
    'acme/assets/\u{1F600}.txt',
    'a..b/c...txt',
    'Ω/עברית.txt',
  ])('accepts %j', (name) => {
    expect(unsafeNameReason(name)).toBeUndefined();
  });
});

describe('assertSafeNames', () => {
  it.each([
    ['assets/Logo.png', 'assets/logo.png'],
    ['assets/LOGO.PNG', 'assets/logo.png'],
    ['Assets/a.png', 'assets/a.png'],
    // NFC and NFD spellings of "café": one file on macOS.
    ['assets/caf\u00E9.jpg', 'assets/cafe\u0301.jpg'],
  ])('rejects %j next to %j', (first, second) => {
    let error: unknown;
    try {
      assertSafeNames('/kit', [first, second]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PresskitError);
    expect(error).toMatchObject({ code: 'E_ASSET' });
    expect(String(error)).toContain('collides');
  });

  it('names the file with its control characters escaped', () => {
    expect(() => assertSafeNames('/kit', ['ok.txt', 'bad\u202E\n.txt'])).toThrow(
      '/kit/bad\\u202e\\n.txt: unsafe file name for the zip',
    );
  });

  it('accepts distinct safe names', () => {
    expect(() => assertSafeNames('/kit', SORTED_WITH_SUMS)).not.toThrow();
  });
});
