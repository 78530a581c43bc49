import { readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as listFiles from '../../src/bundle/list-files.js';
import { zipKit } from '../../src/bundle/zip.js';
import { KIT_FILES, SLUG, tempDir, writeTree } from './kit-fixture.js';

// A file that disappears between listing and zipping can only be staged by wrapping the listing.
vi.mock('../../src/bundle/list-files.js', { spy: true });

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('zipKit when reading fails halfway', () => {
  it('rejects, keeps the old zip and leaves no temporary file', async () => {
    const root = await tempDir();
    dirs.push(root);
    const kitDir = await writeTree(join(root, SLUG), KIT_FILES);
    const zip = join(root, `${SLUG}.zip`);
    await writeFile(zip, 'old');

    const vanishing = 'index.html'; // sorted last: the zip is well under way when it is read
    vi.mocked(listFiles.listKitFiles).mockImplementationOnce(async (dir) => {
      const files = await vi.importActual<typeof listFiles>('../../src/bundle/list-files.js');
      const listed = await files.listKitFiles(dir);
      await unlink(join(dir, vanishing));
      return listed;
    });

    await expect(zipKit(kitDir, SLUG, zip, new Date('2026-11-27T00:00:00Z'))).rejects.toThrow(
      'ENOENT',
    );
    expect(vi.mocked(listFiles.listKitFiles)).toHaveBeenCalledOnce();
    expect(await readFile(zip, 'utf8')).toBe('old');
    expect((await readdir(root)).sort()).toEqual([SLUG, `${SLUG}.zip`]);
  });
});
