import { execFileSync } from 'node:child_process';
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRelease } from '../../src/release/load.js';
import { MAX_SOURCE_BYTES, readText } from '../../src/release/read-text.js';
import { expectError, rejection, tempDir } from './helpers.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('readText', () => {
  it.each([
    ['plain UTF-8', utf8('Ça va\n'), 'Ça va\n'],
    ['a UTF-8 BOM, which is dropped', bytes(0xef, 0xbb, 0xbf, ...utf8('---\nÉté\n')), '---\nÉté\n'],
    ['CRLF line ends', utf8('a\r\nb\r\n'), 'a\nb\n'],
    ['lone CR line ends (classic Mac)', utf8('a\rb\rc'), 'a\nb\nc'],
    ['mixed CRLF, CR and LF', utf8('a\r\nb\rc\nd\r\r\n'), 'a\nb\nc\nd\n\n'],
    ['a BOM and CRLF together', bytes(0xef, 0xbb, 0xbf, ...utf8('x\r\ny')), 'x\ny'],
    ['an empty file, as an empty string', new Uint8Array(), ''],
    ['astral characters', utf8('📣 « ok »\n'), '📣 « ok »\n'],
  ])('reads %s', async (_label, content, expected) => {
    const dir = await tempDir();
    const file = join(dir, 'release.md');
    await writeFile(file, content);
    const text = await readText(file, 'releases/release.md');
    expect(text).toBe(expected);
    expect(text).not.toMatch(/\r|\uFEFF/);
  });

  it('keeps a BOM-like character that is not at the start', async () => {
    const dir = await tempDir();
    const file = join(dir, 'release.md');
    await writeFile(file, utf8('a\uFEFFb'));
    expect(await readText(file, 'r.md')).toBe('a\uFEFFb');
  });

  it.each([
    ['binary content (a NUL byte)', bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d), /binary/i],
    ['a NUL byte inside otherwise valid text', utf8('---\ntitle: a\u0000b\n---\n'), /binary/i],
    ['UTF-16 with its BOM', bytes(0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00), /binary/i],
    ['Latin-1 bytes (invalid UTF-8)', bytes(...utf8('caf'), 0xe9, 0x0a), /UTF-8/],
    ['a truncated UTF-8 sequence', bytes(0x61, 0xc3), /UTF-8/],
    ['an overlong UTF-8 encoding', bytes(0xc0, 0xaf), /UTF-8/],
    ['an encoded surrogate', bytes(0xed, 0xa0, 0x80), /UTF-8/],
  ])('refuses %s with E_READ', async (_label, content, message) => {
    const dir = await tempDir();
    const file = join(dir, 'release.md');
    await writeFile(file, content);
    const error = await rejection(() => readText(file, 'releases/release.md'));
    const problem = expectError(error, 'E_READ', 'releases/release.md');
    expect(problem.message).toMatch(message);
    expect(error.problems).toHaveLength(1);
  });

  it('refuses a directory passed as a file', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'release.md'));
    const error = await rejection(() => readText(join(dir, 'release.md'), 'releases/release.md'));
    const problem = expectError(error, 'E_READ', 'releases/release.md');
    expect(problem.message).toMatch(/not a regular file/);
  });

  it('refuses a FIFO in the place of a release at once, without waiting for a writer', async () => {
    const dir = await tempDir();
    execFileSync('mkfifo', [join(dir, 'release.md')]);
    // The read is synchronous: waiting on the FIFO would hang the test until its timeout.
    const error = await rejection(() => readText(join(dir, 'release.md'), 'releases/release.md'));
    const problem = expectError(error, 'E_READ', 'releases/release.md');
    expect(problem.message).toMatch(/not a regular file/);
  });

  it('refuses a missing file, saying so in words', async () => {
    const dir = await tempDir();
    const error = await rejection(() => readText(join(dir, 'nope.md'), 'releases/nope.md'));
    const problem = expectError(error, 'E_READ', 'releases/nope.md');
    expect(problem.message).toMatch(/no such file/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const dir = await tempDir();
    const file = join(dir, 'huge.md');
    await writeFile(file, '---\n');
    // Sparse: zeros past the header. The size check must come first, so it is not "binary".
    await truncate(file, MAX_SOURCE_BYTES + 1);
    const error = await rejection(() => readText(file, 'releases/huge.md'));
    const problem = expectError(error, 'E_READ', 'releases/huge.md');
    expect(problem.message).toContain(String(MAX_SOURCE_BYTES + 1));
    expect(problem.message).toContain(String(MAX_SOURCE_BYTES));
    expect(problem.message).not.toMatch(/binary/);
  });

  it('accepts a file exactly at the size limit', async () => {
    const dir = await tempDir();
    const file = join(dir, 'big.md');
    await writeFile(file, 'a'.repeat(MAX_SOURCE_BYTES));
    expect((await readText(file, 'big.md')).length).toBe(MAX_SOURCE_BYTES);
  });
});

describe('loadRelease on awkward files', () => {
  it.each([
    ['an empty file', ''],
    ['a whitespace-only file', ' \n\t\n  \r\n'],
  ])('refuses %s with E_FRONTMATTER', async (_label, content) => {
    const dir = await tempDir();
    const file = join(dir, 'empty.md');
    await writeFile(file, content);
    const error = await rejection(() => loadRelease(file, 'releases/empty.md'));
    const problem = expectError(error, 'E_FRONTMATTER', 'releases/empty.md');
    expect(problem.message).toMatch(/empty/);
  });

  it('reads a CRLF file with a BOM: lines and body are those of the file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'crlf.md');
    const lines = ['---', 'title: Titre', 'lang: fr', 'date: 2016-10-04', '---', 'Corps.', ''];
    await writeFile(file, bytes(0xef, 0xbb, 0xbf, ...utf8(lines.join('\r\n'))));
    const raw = await loadRelease(file, 'releases/crlf.md');
    expect(raw.frontmatter.data).toEqual({ title: 'Titre', lang: 'fr', date: '2016-10-04' });
    expect(raw.frontmatter.lineOf(['date'])).toBe(4);
    expect(raw.body).toBe('Corps.\n');
    expect(raw.bodyLine).toBe(6);
  });

  it('reads a lone-CR file as lines', async () => {
    const dir = await tempDir();
    const file = join(dir, 'cr.md');
    await writeFile(file, '---\rtitle: T\rlang: en\r---\rBody\r');
    const raw = await loadRelease(file, 'cr.md');
    expect(raw.frontmatter.data).toEqual({ title: 'T', lang: 'en' });
    expect(raw.frontmatter.lineOf(['lang'])).toBe(3);
    expect(raw.bodyLine).toBe(5);
  });

  it('reports a binary file as E_READ, not as a frontmatter problem', async () => {
    const dir = await tempDir();
    const file = join(dir, 'photo.md');
    await writeFile(file, bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10));
    const error = await rejection(() => loadRelease(file, 'releases/photo.md'));
    expectError(error, 'E_READ', 'releases/photo.md');
  });
});
