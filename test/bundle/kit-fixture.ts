import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);

export const SLUG = 'acme-launch';

/** Deterministic, poorly compressible bytes, larger than one 64 KiB read chunk. */
function noise(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** A kit's files (SHA256SUMS aside), relative name -> content. Names deliberately unsorted. */
export const KIT_FILES: ReadonlyMap<string, Buffer> = new Map([
  [
    'index.html',
    Buffer.from('<!doctype html><title>Acme</title><h1>Acme launches</h1>\n'.repeat(50)),
  ],
  [
    'contacts/press-office.vcf',
    Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Press\r\nEND:VCARD\r\n'),
  ],
  [
    'contacts/jane-doe.vcf',
    Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nEND:VCARD\r\n'),
  ],
  ['acme-launch.txt', Buffer.from('ACME LAUNCHES\n\nNew York — Acme today…\n')],
  ['acme-launch.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(200_000, 1)])],
  ['assets/\u{1F600}-smile.txt', Buffer.from('smile\n')],
  ['assets/\uFF41-wide.txt', Buffer.from('wide\n')],
  ['assets/photos/2026/a.jpg', noise(70_000, 2)],
  ['assets/photo-café.jpg', noise(1_000, 3)],
  ['assets/logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>\n')],
  ['assets/empty.txt', Buffer.alloc(0)],
  ['assets/Zebra.png', noise(500, 4)],
]);

/**
 * The same names in UTF-8 byte order, sorted by hand: upper case before lower case, and
 * U+FF41 (EF BC A1) before U+1F600 (F0 9F 98 80) although UTF-16 order says the opposite.
 */
export const SORTED_WITH_SUMS = [
  'SHA256SUMS',
  'acme-launch.pdf',
  'acme-launch.txt',
  'assets/Zebra.png',
  'assets/empty.txt',
  'assets/logo.svg',
  'assets/photo-café.jpg',
  'assets/photos/2026/a.jpg',
  'assets/\uFF41-wide.txt',
  'assets/\u{1F600}-smile.txt',
  'contacts/jane-doe.vcf',
  'contacts/press-office.vcf',
  'index.html',
];

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'presskit-bundle-'));
}

/** Writes `files` under `dir` (creating folders) and returns `dir`. */
export async function writeTree(dir: string, files: ReadonlyMap<string, Buffer>): Promise<string> {
  for (const [name, content] of files) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  return dir;
}

/** Zip metadata read by Python's zipfile, plus the local headers parsed by hand. */
export interface ZipReport {
  comment: string;
  entries: {
    name: string;
    dateTime: number[];
    localDateTime: number[];
    localName: string;
    flagBits: number;
    localFlagBits: number;
    extra: string;
    localExtra: string;
    comment: string;
    createSystem: number;
    mode: number;
    compressType: number;
  }[];
}

const INSPECT = `
import json, struct, sys, zipfile
path = sys.argv[1]
raw = open(path, 'rb').read()
z = zipfile.ZipFile(path)
out = {'comment': z.comment.hex(), 'entries': []}
for i in z.infolist():
    o = i.header_offset
    sig, ver, flag, meth, t, d, crc, cs, us, nl, el = struct.unpack('<IHHHHHIIIHH', raw[o:o + 30])
    assert sig == 0x04034b50
    local_name = raw[o + 30:o + 30 + nl].decode('utf-8')
    out['entries'].append({
        'name': i.filename,
        'dateTime': list(i.date_time),
        'localDateTime': [(d >> 9) + 1980, (d >> 5) & 15, d & 31, t >> 11, (t >> 5) & 63, (t & 31) * 2],
        'localName': local_name,
        'flagBits': i.flag_bits,
        'localFlagBits': flag,
        'extra': i.extra.hex(),
        'localExtra': raw[o + 30 + nl:o + 30 + nl + el].hex(),
        'comment': i.comment.hex(),
        'createSystem': i.create_system,
        'mode': i.external_attr >> 16,
        'compressType': i.compress_type,
    })
print(json.dumps(out))
`;

export async function inspectZip(zipFile: string): Promise<ZipReport> {
  const { stdout } = await run('python3', ['-c', INSPECT, zipFile]);
  const report: ZipReport = JSON.parse(stdout);
  return report;
}

/** Info-ZIP tools print UTF-8 names only under a UTF-8 locale. */
export const UTF8_ENV = { ...process.env, LC_ALL: 'C.UTF-8' };
