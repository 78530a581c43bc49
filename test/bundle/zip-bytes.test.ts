import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipKit } from '../../src/bundle/zip.js';

const work = await mkdtemp(join(tmpdir(), 'presskit-zip-bytes-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('zipKit from the bytes just written', () => {
  it('writes the very zip zipKit writes from the folder, from the bytes alone', async () => {
    const kitDir = join(work, 'kit');
    const files: Record<string, Buffer> = {
      'index.html': Buffer.from(`<p>${'café '.repeat(2000)}</p>`),
      'kit.pdf': Buffer.from('%PDF-1.7 not deflated'),
      'assets/Photo été.jpg': Buffer.alloc(3000, 7),
      'contacts/a.vcf': Buffer.from('BEGIN:VCARD\r\nEND:VCARD\r\n'),
      'empty.txt': Buffer.alloc(0),
      SHA256SUMS: Buffer.from('x  index.html\n'),
    };
    for (const [name, data] of Object.entries(files)) {
      await mkdir(dirname(join(kitDir, name)), { recursive: true });
      await writeFile(join(kitDir, name), data);
    }
    const mtime = new Date('2016-10-04T09:30:00Z');
    const fromFolder = await zipKit(kitDir, 'camp', join(work, 'folder.zip'), mtime);
    const fromBytes = await zipKit(
      kitDir,
      'camp',
      join(work, 'bytes.zip'),
      mtime,
      Object.entries(files)
        .reverse()
        .map(([name, data]) => ({ name, data })),
    );
    expect(fromBytes).toEqual(fromFolder);
    expect(await readFile(join(work, 'bytes.zip'))).toEqual(
      await readFile(join(work, 'folder.zip')),
    );
  });

  it('refuses a name no kit may hold, as from the folder', async () => {
    await expect(
      zipKit(join(work, 'kit'), 'camp', join(work, 'bad.zip'), new Date('2016-10-04T09:30:00Z'), [
        { name: '../escape.txt', data: Buffer.from('x') },
      ]),
    ).rejects.toThrow();
  });
});
