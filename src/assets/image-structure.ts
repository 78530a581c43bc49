/**
 * Whether a PNG, JPEG, GIF or WebP file holds all the data its own structure announces.
 * Chromium prints a file cut short (an interrupted copy or download) without a word: the
 * part it could decode, and blank below, or a broken-image icon. A real decode (sharp) finds
 * the same faults at 20 to 50 times the cost, on the path of every release built; walking
 * the chunks and markers takes milliseconds for a 20 MB photo. Not checked: damage inside
 * compressed data whose checksums still hold (PNG), or inside a JPEG scan, which decoders
 * show as wrong pixels rather than refuse.
 */
import { crc32 } from 'node:zlib';

/** Why the file is not whole, or undefined. */
export type StructureProblem = string | undefined;

const CUT_SHORT = 'stops before the end of its image data (cut short when copied or downloaded?)';
const NO_IMAGE = 'holds no image data';

export function structureProblem(mediaType: string, bytes: Buffer): StructureProblem {
  switch (mediaType) {
    case 'image/png':
      return pngProblem(bytes);
    case 'image/jpeg':
      return jpegProblem(bytes);
    case 'image/gif':
      return gifProblem(bytes);
    case 'image/webp':
      return webpProblem(bytes);
    default:
      return undefined;
  }
}

/** Chunks from the signature to IEND, each within the file and matching its CRC-32. */
function pngProblem(bytes: Buffer): StructureProblem {
  let sawData = false;
  for (let at = 8; ;) {
    if (at + 12 > bytes.length) return CUT_SHORT;
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > bytes.length) return CUT_SHORT;
    if (at === 8 && type !== 'IHDR') return 'is damaged: it does not start with its header (IHDR)';
    if (crc32(bytes.subarray(at + 4, end - 4)) !== bytes.readUInt32BE(end - 4)) {
      return `is damaged: its ${printable(type)} chunk fails its checksum`;
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? undefined : NO_IMAGE;
    at = end;
  }
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
/** Start-of-frame markers: C0–CF but for DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers without a length: TEM and the restart markers. */
const isStandalone = (marker: number): boolean =>
  marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/** Segments and scans from SOI to EOI, a frame header before the first scan. */
function jpegProblem(bytes: Buffer): StructureProblem {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) return 'is damaged: it does not start as JPEG does';
  let sawFrame = false;
  let sawScan = false;
  for (let at = 2; ;) {
    // Like libjpeg, stray bytes before a marker are passed over, and 0xFF fill bytes too.
    at = bytes.indexOf(0xff, at);
    while (at >= 0 && bytes[at] === 0xff) at++;
    if (at < 0 || at >= bytes.length) return CUT_SHORT;
    const marker = bytes[at++] ?? 0;
    if (marker === EOI) return sawScan ? undefined : NO_IMAGE;
    if (isStandalone(marker)) continue;
    if (at + 2 > bytes.length) return CUT_SHORT;
    const end = at + bytes.readUInt16BE(at);
    if (end > bytes.length) return CUT_SHORT;
    if (isFrame(marker)) sawFrame = true;
    if (marker !== SOS) {
      at = end;
      continue;
    }
    if (!sawFrame) return 'is damaged: its image data comes before its frame header';
    sawScan = true;
    at = endOfScan(bytes, end);
  }
}

/** Where the entropy-coded data from `at` ends: the first 0xFF that is neither stuffing nor RST. */
function endOfScan(bytes: Buffer, from: number): number {
  for (let at = bytes.indexOf(0xff, from); at >= 0; at = bytes.indexOf(0xff, at + 2)) {
    const next = bytes[at + 1];
    if (next === undefined) return bytes.length;
    if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) return at;
  }
  return bytes.length;
}

/** Blocks from the screen descriptor to the trailer, each image's data sub-blocks complete. */
function gifProblem(bytes: Buffer): StructureProblem {
  const colourTable = (flags: number): number => (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  let images = 0;
  let at = 13 + colourTable(bytes[10] ?? 0);
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) return images > 0 ? undefined : NO_IMAGE;
    if (block === 0x21) {
      at = afterSubBlocks(bytes, at + 2);
    } else if (block === 0x2c) {
      if (at + 10 > bytes.length) return CUT_SHORT;
      // Descriptor (10 bytes), local colour table, LZW code size, then the data.
      at = afterSubBlocks(bytes, at + 10 + colourTable(bytes[at + 9] ?? 0) + 1);
      images++;
    } else {
      return 'is damaged: a block of an unknown kind';
    }
  }
  // Many writers leave out the trailer: a file that ends right after an image is whole.
  return at === bytes.length && images > 0 ? undefined : CUT_SHORT;
}

/** Past the sub-blocks starting at `at` (each a length byte and data, ending with 0). */
function afterSubBlocks(bytes: Buffer, from: number): number {
  let at = from;
  for (let size = bytes[at]; size !== undefined; size = bytes[at]) {
    at += 1 + size;
    if (size === 0) return at;
  }
  return bytes.length + 1;
}

/** The RIFF container as long as it says, its chunks inside it, one of them an image. */
function webpProblem(bytes: Buffer): StructureProblem {
  if (bytes.length < 12) return CUT_SHORT;
  const riffEnd = 8 + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length) return CUT_SHORT;
  let sawImage = false;
  for (let at = 12; at < riffEnd;) {
    if (at + 8 > riffEnd) return 'is damaged: a chunk header past the end of its container';
    const type = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (at + 8 + size > riffEnd) return CUT_SHORT;
    if (['VP8 ', 'VP8L', 'ANMF'].includes(type)) sawImage = true;
    at += 8 + size + (size & 1);
  }
  return sawImage ? undefined : NO_IMAGE;
}

/** A chunk type as text for a message: four letters, or its bytes in hex. */
function printable(type: string): string {
  return /^[A-Za-z]{4}$/.test(type) ? type : Buffer.from(type, 'latin1').toString('hex');
}
