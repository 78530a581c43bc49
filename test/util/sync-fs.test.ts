import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lstatOrUndefined, readRegularFileSync } from '../../src/util/sync-fs.js';

const folder = (): string => mkdtempSync(join(tmpdir(), 'presskit-sync-fs-'));

describe('readRegularFileSync', () => {
  it('reads a regular file, through a symlink unless told not to follow', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.txt'), 'café');
    symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));
    expect(readRegularFileSync(join(dir, 'a.txt'))?.toString('utf8')).toBe('café');
    expect(readRegularFileSync(join(dir, 'link.txt'))?.toString('utf8')).toBe('café');
    expect(readRegularFileSync(join(dir, 'link.txt'), { noFollow: true })).toBeUndefined();
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const dir = folder();
    const fifo = join(dir, 'state.json');
    execFileSync('mkfifo', [fifo]);
    // Blocking here would hang the test until its timeout: nothing ever writes the FIFO.
    expect(readRegularFileSync(fifo)).toBeUndefined();
  });

  it('refuses a folder, a missing path and a file over the size given', () => {
    const dir = folder();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'big'), Buffer.alloc(101));
    expect(readRegularFileSync(join(dir, 'sub'))).toBeUndefined();
    expect(readRegularFileSync(join(dir, 'missing'))).toBeUndefined();
    expect(readRegularFileSync(join(dir, 'big'), { maxBytes: 100 })).toBeUndefined();
    expect(readRegularFileSync(join(dir, 'big'), { maxBytes: 101 })?.length).toBe(101);
  });
});

describe('lstatOrUndefined', () => {
  it('describes the entry itself, and nothing for a missing path', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a'), 'x');
    symlinkSync(join(dir, 'a'), join(dir, 'l'));
    expect(lstatOrUndefined(join(dir, 'a'))?.size).toBe(1);
    expect(lstatOrUndefined(join(dir, 'l'))?.isSymbolicLink()).toBe(true);
    expect(lstatOrUndefined(join(dir, 'missing'))).toBeUndefined();
  });
});
