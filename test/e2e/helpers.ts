import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { expect } from 'vitest';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(REPO, 'bin/presskit.js');
export const SAMPLE = join(REPO, 'releases/oim-belgique-accord-cadre.md');
export const SAMPLE_SLUG = 'oim-belgique-accord-cadre';

/** A throwaway project folder holding the given files (path → content). */
export async function makeProject(
  files: Record<string, string | Uint8Array> = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'presskit-e2e-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

export async function copySample(root: string, as = `releases/${SAMPLE_SLUG}.md`): Promise<void> {
  await mkdir(dirname(join(root, as)), { recursive: true });
  await cp(SAMPLE, join(root, as));
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (bin/presskit.js, on the bundle `npm run build` makes) as a user would. */
export function runCli(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, CI: 'true', ...options.env },
        maxBuffer: 64 << 20,
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

export function run(command: string, args: string[], cwd?: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd, maxBuffer: 64 << 20, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** Asserts that a kit in `out` passes `unzip -t` and `sha256sum -c`, as a journalist would check it. */
export async function expectValidKit(out: string, slug: string): Promise<void> {
  expect((await run('unzip', ['-tq', join(out, `${slug}.zip`)])).code).toBe(0);
  expect((await run('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], join(out, slug))).code).toBe(0);
}

/**
 * Text as pdftotext gives it, with every kind of space folded to one plain space, and a
 * word hyphenated at a line's end (print is hyphenated: "co-\n\nopération") made whole.
 */
export function foldSpaces(text: string): string {
  return text
    .replace(/(\p{L})-\n+(\p{Ll})/gu, '$1$2')
    .replace(/[\s\u00A0\u202F\u2009]+/g, ' ')
    .replace(/\u00AD/g, '')
    .trim();
}

export const minimalRelease = (
  fields: Record<string, string> = {},
  body = 'Body text.',
): string => {
  const all = { title: 'A test release', lang: 'en', date: '2026-11-27', ...fields };
  const yaml = Object.entries(all)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
};

/** A real PNG of one colour with a darker square in the middle (so it is visibly an image). */
export function makePng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inner = x > width / 3 && x < (2 * width) / 3 && y > height / 3 && y < (2 * height) / 3;
      rgb.forEach((value, channel) =>
        row.writeUInt8(inner ? value >> 1 : value, 1 + x * 3 + channel),
      );
    }
    rows.push(Buffer.from(row));
  }
  return pngFile(width, height, deflateSync(Buffer.concat(rows)));
}

/** An 8-bit RGB PNG of `width` × `height` around its compressed image data (zlib). */
export function pngFile(width: number, height: number, data: Buffer): Buffer {
  const chunk = (type: string, body: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A whole, valid PNG of `width` × `height` black pixels, made in milliseconds at any size
 * (30000 × 30000 takes 2.7 GB raw, 2.6 MB compressed). The image data is one run of zero
 * bytes: a deflate segment for a slice of it, made once by a fresh compressor and ended with
 * a sync flush, decodes alone, so it is repeated, and the zlib stream closed by hand.
 */
export function makeBlackPng(width: number, height: number): Buffer {
  const total = (1 + width * 3) * height;
  const slice = 64 << 20;
  const segment = (length: number): Buffer =>
    deflateRawSync(Buffer.alloc(length), { finishFlush: constants.Z_SYNC_FLUSH });
  const whole = segment(slice);
  const parts = Array.from({ length: Math.floor(total / slice) }, () => whole);
  if (total % slice > 0) parts.push(segment(total % slice));
  const adler = Buffer.alloc(4);
  // Adler-32 of zeros: A stays 1, B adds 1 a byte.
  adler.writeUInt32BE((((total % 65521) << 16) + 1) >>> 0, 0);
  // zlib header, the segments, an empty final stored block, the checksum.
  const data = Buffer.concat([
    Buffer.from([0x78, 0x01]),
    ...parts,
    Buffer.from([1, 0, 0, 0xff, 0xff]),
    adler,
  ]);
  return pngFile(width, height, data);
}

/** A minimal valid one-page PDF, for a "fact sheet" asset. */
export const TINY_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;
