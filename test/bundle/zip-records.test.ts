import { describe, expect, it } from 'vitest';
import {
  fitsInMemory,
  IN_MEMORY_MAX_FILE_BYTES,
  IN_MEMORY_MAX_TOTAL_BYTES,
} from '../../src/bundle/zip.js';
import { dosDateTime, ZIP32_MAX_ENTRIES, zipRecords } from '../../src/bundle/zip-records.js';

const MiB = 1024 * 1024;

describe('fitsInMemory', () => {
  it('takes a kit of small files', () => {
    expect(fitsInMemory([180_000, 90_000, 6_000, 400, 0])).toBe(true);
    expect(fitsInMemory([])).toBe(true);
  });

  it('takes files up to the per-file limit, and refuses one byte more', () => {
    expect(fitsInMemory([IN_MEMORY_MAX_FILE_BYTES])).toBe(true);
    expect(fitsInMemory([1_000, IN_MEMORY_MAX_FILE_BYTES + 1])).toBe(false);
  });

  it('refuses small files that are too large together', () => {
    const files = IN_MEMORY_MAX_TOTAL_BYTES / (4 * MiB);
    expect(fitsInMemory(Array.from({ length: files }, () => 4 * MiB))).toBe(true);
    expect(fitsInMemory(Array.from({ length: files + 1 }, () => 4 * MiB))).toBe(false);
  });

  it('refuses more entries than a zip without Zip64 holds', () => {
    expect(fitsInMemory(new Array<number>(ZIP32_MAX_ENTRIES).fill(0))).toBe(true);
    expect(fitsInMemory(new Array<number>(ZIP32_MAX_ENTRIES + 1).fill(0))).toBe(false);
  });
});

describe('zipRecords', () => {
  const layout = { date: new Date('2026-11-27T23:30:00Z'), mode: 0o644, level: 6 };

  it('refuses more entries than a zip without Zip64 holds rather than wrap the count', async () => {
    const sources = Array.from({ length: ZIP32_MAX_ENTRIES + 1 }, (_, index) => ({
      name: `k/${index}.txt`,
      data: Buffer.alloc(0),
      store: true,
    }));
    expect(() => zipRecords(sources, layout)).toThrow(RangeError);
  });

  it('ends with an end record that counts the entries and points at the central directory', async () => {
    const sources = [
      { name: 'k/a.txt', data: Buffer.from('a'.repeat(1000)), store: false },
      { name: 'k/b.pdf', data: Buffer.from('%PDF'), store: true },
    ];
    const zip = Buffer.concat(zipRecords(sources, layout));
    const end = zip.subarray(zip.length - 22);
    expect(end.readUInt32LE(0)).toBe(0x06054b50);
    expect(end.readUInt16LE(10)).toBe(2);
    const centralSize = end.readUInt32LE(12);
    const centralOffset = end.readUInt32LE(16);
    expect(centralOffset + centralSize).toBe(zip.length - 22);
    expect(zip.readUInt32LE(centralOffset)).toBe(0x02014b50);
  });
});

describe('dosDateTime', () => {
  it('packs the UTC fields, seconds in two-second steps', () => {
    // 2026-11-27 23:30:58 UTC: year 46 from 1980, month 11, day 27; 23 h, 30 min, 29 × 2 s.
    expect(dosDateTime(new Date('2026-11-27T23:30:58Z'))).toEqual({
      day: (46 << 9) | (11 << 5) | 27,
      time: (23 << 11) | (30 << 5) | 29,
    });
  });
});
