import { crc32 } from 'node:zlib';
import { deflateAssembled } from '../util/assembled-bytes.js';

/** One file of an in-memory zip: its full name in the zip and its bytes. */
export interface ZipSource {
  name: string;
  data: Buffer;
  /** Keep the bytes as they are (method 0) rather than deflate them (method 8). */
  store: boolean;
}

export interface ZipLayout {
  /** UTC instant of every entry, already clamped to what DOS time can hold. */
  date: Date;
  /** Unix permission bits of every entry. */
  mode: number;
  /** zlib level for deflated entries. */
  level: number;
}

/** The limits of a zip without Zip64 extensions (APPNOTE 6.3.10, §4.4). */
export const ZIP32_MAX_BYTES = 0xffff_ffff;
export const ZIP32_MAX_ENTRIES = 0xffff;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 2.0: deflate. */
const VERSION_NEEDED = 20;
/** Made by Unix (3, so unzip applies the mode) with spec version 2.0. */
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
/** General purpose bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;
const S_IFREG = 0o100000;

/**
 * A complete zip of `sources`, in their order, as chunks to write one after the other
 * (APPNOTE 6.3.10: local headers and data, central directory, end record). Nothing varies
 * but the input: one fixed UTC time, one mode, no extra fields, no data descriptors, no
 * comments; deflate through native zlib (a shared part of an assembled file deflated once,
 * see util/assembled-bytes.ts). Callers keep to the limits of a zip without Zip64.
 */
export function zipRecords(sources: readonly ZipSource[], layout: ZipLayout): Buffer[] {
  const { time, day } = dosDateTime(layout.date);
  // In one call each: zlib's asynchronous form streams the input through in 16 KB chunks,
  // a callback and a copy for each, which cost the build more CPU than it saved in waiting.
  const bodies = sources.map((source) =>
    source.store ? source.data : deflateAssembled(source.data, layout.level),
  );
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  sources.forEach((source, index) => {
    const body = bodies[index] ?? source.data;
    const name = Buffer.from(source.name, 'utf8');
    const fields: EntryFields = {
      flags: name.length === source.name.length ? 0 : UTF8_NAME,
      method: body === source.data ? 0 : 8,
      time,
      day,
      crc: crc32(source.data),
      compressedSize: body.length,
      size: source.data.length,
      nameLength: name.length,
    };
    const local = localHeader(fields);
    central.push(centralHeader(fields, layout.mode, offset), name);
    chunks.push(local, name, body);
    offset += local.length + name.length + body.length;
  });
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  // Fields would silently wrap: callers keep far below this, so it is a bug if reached.
  if (sources.length > ZIP32_MAX_ENTRIES || offset + centralSize > ZIP32_MAX_BYTES) {
    throw new RangeError('zipRecords: too large for a zip without Zip64');
  }
  return [...chunks, ...central, endRecord(sources.length, centralSize, offset)];
}

interface EntryFields {
  flags: number;
  method: number;
  time: number;
  day: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

function localHeader(entry: EntryFields): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  writeCommon(header, 6, entry);
  header.writeUInt16LE(0, 28); // extra field length
  return header;
}

function centralHeader(entry: EntryFields, mode: number, localOffset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(VERSION_MADE_BY, 4);
  header.writeUInt16LE(VERSION_NEEDED, 6);
  writeCommon(header, 8, entry);
  // Extra field, comment, disk number, internal attributes: all zero (alloc).
  header.writeUInt32LE(((S_IFREG | mode) << 16) >>> 0, 38);
  header.writeUInt32LE(localOffset, 42);
  return header;
}

/** The run of fields both headers share, from the flags to the name length. */
function writeCommon(header: Buffer, at: number, entry: EntryFields): void {
  header.writeUInt16LE(entry.flags, at);
  header.writeUInt16LE(entry.method, at + 2);
  header.writeUInt16LE(entry.time, at + 4);
  header.writeUInt16LE(entry.day, at + 6);
  header.writeUInt32LE(entry.crc, at + 8);
  header.writeUInt32LE(entry.compressedSize, at + 12);
  header.writeUInt32LE(entry.size, at + 16);
  header.writeUInt16LE(entry.nameLength, at + 20);
}

function endRecord(entries: number, centralSize: number, centralOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  // This disk and the central directory's disk: 0 (alloc).
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  record.writeUInt32LE(centralSize, 12);
  record.writeUInt32LE(centralOffset, 16);
  return record; // comment length 0
}

/** MS-DOS time and date fields of a UTC instant (two-second resolution, years from 1980). */
export function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day:
      ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}
