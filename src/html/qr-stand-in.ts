import { crc32, deflateSync } from 'node:zlib';

/**
 * The print version shows each QR code as a stand-in: a 2 × 1 pixel image whose six bytes
 * of colour say "PKQR" and the code's index. presskit draws the code itself, as vector
 * rectangles, in place of the image Chrome embeds for it (pdf/qr-codes.ts). Chrome drawing
 * the code's SVG cost a fifth of its CPU for a release's PDF (7 ms of 34, BENCHMARKS.md),
 * and Skia writes the same rectangles either way; the image keeps the <img> and its alt
 * text, so the code stays a Figure with /Alt in the tags.
 */
const MARKER = [0x50, 0x4b, 0x51, 0x52];

/** Codes past this many in one document are drawn by Chrome, from their SVG. */
export const QR_STAND_IN_MAX = 0xffff;

/** The stand-in's size in pixels, as Chrome embeds it. */
export const QR_STAND_IN_WIDTH = 2;
export const QR_STAND_IN_HEIGHT = 1;

/** The `data:` URI of the stand-in for the document's code number `index` (from 0). */
export function qrStandInSrc(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > QR_STAND_IN_MAX) {
    throw new RangeError(`no QR stand-in for index ${index}`);
  }
  return `data:image/png;base64,${png(standInPixels(index)).toString('base64')}`;
}

/** The index a stand-in's pixels (RGB, 8 bits each, rows without filter bytes) carry, if any. */
export function qrStandInIndex(pixels: Uint8Array): number | undefined {
  if (pixels.length !== QR_STAND_IN_WIDTH * QR_STAND_IN_HEIGHT * 3) return undefined;
  if (MARKER.some((byte, at) => pixels[at] !== byte)) return undefined;
  return ((pixels[4] ?? 0) << 8) | (pixels[5] ?? 0);
}

function standInPixels(index: number): Uint8Array {
  return Uint8Array.of(...MARKER, index >> 8, index & 0xff);
}

/**
 * A truecolour PNG of one row (PNG spec, ISO/IEC 15948), written here: six known bytes in a
 * fixed wrapper, where an image library would be a native dependency to load for nothing.
 * No colour profile: Chrome takes it as sRGB and embeds the bytes as they are.
 */
function png(rgbRow: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(rgbRow.length / 3, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  const scanline = Buffer.concat([Buffer.of(0), rgbRow]); // filter type 0 (None)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanline)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}
