import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS, imageProblem } from '../../src/assets/image-check.js';
import type { ImageKind } from '../../src/assets/image-check.js';
import { structureProblem } from '../../src/assets/image-structure.js';
import { makePng, pngFile } from '../e2e/helpers.js';
import { JPEG_BYTES } from '../release/helpers.js';

const PNG: ImageKind = { mediaType: 'image/png', label: 'PNG' };
const JPEG: ImageKind = { mediaType: 'image/jpeg', label: 'JPEG' };
const GIF: ImageKind = { mediaType: 'image/gif', label: 'GIF' };
const WEBP: ImageKind = { mediaType: 'image/webp', label: 'WebP' };

// 8 × 8 images written by libvips (through sharp): its libjpeg, cgif and libwebp encoders.
const base64 = (text: string): Buffer => Buffer.from(text, 'base64');
const PROGRESSIVE_JPEG = base64(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBk' +
    'eFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj' +
    'Y2NjY2NjY2P/wgARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAH/xAAVAQEBAAAAAAAAAAAA' +
    'AAAAAAAAAv/aAAwDAQACEAMQAAABgh//xAAVEAEBAAAAAAAAAAAAAAAAAAAAAf/aAAgBAQABBQKv/8QAFREBAQAA' +
    'AAAAAAAAAAAAAAAAABH/2gAIAQMBAT8Br//EABcRAQADAAAAAAAAAAAAAAAAAAEAAhH/2gAIAQIBAT8BbJk//8QA' +
    'FhAAAwAAAAAAAAAAAAAAAAAAABEh/9oACAEBAAY/AlD/xAAYEAEAAwEAAAAAAAAAAAAAAAABIVHwof/aAAgBAQAB' +
    'PyEABBc7d//aAAwDAQACAAMAAAAQ+//EABcRAQEBAQAAAAAAAAAAAAAAAAERAFH/2gAIAQMBAT8QJLBvd//EABcR' +
    'AQADAAAAAAAAAAAAAAAAAAEAEUH/2gAIAQIBAT8QNppP/8QAGhAAAgIDAAAAAAAAAAAAAAAAAREhMQBBUf/aAAgB' +
    'AQABPxAjoKkCNC6UriI0c//Z',
);
const GIF_IMAGE = base64(
  'R0lGODlhCAAIAIYAAExpcQswVRI3XOAFKjZbgD1ihwQpTmGGq2iNsrzhBq7T+LXa/4Oozdf8IYqv1Fh9ol+EqSZL' +
    'cC1SdzRZfgInTPsgRaXK76zR9nOYvcfsEXqfxM7zGE90mVZ7oB1CZyRJbitQdfIXPPkeQ5W635zB5qPI7WqPtL7j' +
    'CHGWu8XqDz9kiUZrkE1ylxQ5XhtAZeIHLOkOM9n+I4yx1pO43Zq/5OcMMdD1Gkhtkm+UuXidwrfcAfAVOgkuU1F2' +
    'm94DKIGmywAlSgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
    'ACH5BAUAAAAALAAAAAAIAAgAAAdCgEA4PiwJIDQ8OTUdKRMlAj87EBsFFy4OIggNKwsfMxQoAxwnEiQBGjAPGQQW' +
    'LQwhBzYqCh4yFSYxNzoRIwYYLz2BADs=',
);
const LOSSY_WEBP = base64(
  'UklGRmoAAABXRUJQVlA4IF4AAACwAQCdASoIAAgAAsBMJagCdADzewGEAM4rrpthQP2soM4ljC7Su4M/XLuCUX2w' +
    'ZBEwv9EMZxiDetbaB/7IDg7RiyzBwbEhCqIJQ+/8DE1P2PejbwNbGnUebU14IAAA',
);
const LOSSLESS_WEBP = base64(
  'UklGRioAAABXRUJQVlA4TB4AAAAvB8ABAM1lRP8DZNI2aqqvb/2zbwZme0piAlh23AA=',
);

const WHOLE: [string, ImageKind, Buffer][] = [
  ['PNG', PNG, makePng(5, 4, [10, 120, 200])],
  ['baseline JPEG', JPEG, Buffer.from(JPEG_BYTES)],
  ['progressive JPEG', JPEG, PROGRESSIVE_JPEG],
  ['GIF', GIF, GIF_IMAGE],
  ['lossy WebP', WEBP, LOSSY_WEBP],
  ['lossless WebP', WEBP, LOSSLESS_WEBP],
];

describe('imageProblem on whole images', () => {
  it.each(WHOLE)('accepts a %s', (_name, kind, bytes) => {
    expect(imageProblem(kind, bytes)).toBeUndefined();
  });

  it.each(WHOLE)(
    'accepts a %s with bytes after its end (a camera’s trailer)',
    (_name, kind, bytes) => {
      // WebP's container says how long it is; for the others, what follows the end is ignored.
      expect(imageProblem(kind, Buffer.concat([bytes, Buffer.alloc(64, 0x20)]))).toBeUndefined();
    },
  );
});

describe('imageProblem on images cut short', () => {
  it.each(WHOLE)('refuses a %s cut anywhere after its header', (name, kind, bytes) => {
    // A GIF's trailer byte is optional: a GIF cut just before it is still whole.
    const last = name === 'GIF' ? bytes.length - 2 : bytes.length - 1;
    for (let length = 30; length <= last; length++) {
      const problem = imageProblem(kind, bytes.subarray(0, length));
      expect(problem, `${name} cut at ${length} of ${bytes.length}`).toMatch(
        new RegExp(`^the ${kind.label} (stops before the end of its image data|is damaged)`),
      );
    }
  });

  it('refuses a header too short to give a size', () => {
    // A copy on its own memory, as a file read whole is (a pooled view would run on).
    const start = new Uint8Array(makePng(2, 2, [0, 0, 0]).subarray(0, 18));
    expect(imageProblem(PNG, Buffer.from(start.buffer))).toBe(
      'the PNG is damaged: its size cannot be read from its header',
    );
  });
});

describe('imageProblem on damaged images', () => {
  it('names the PNG chunk whose checksum fails', () => {
    const damaged = makePng(5, 4, [10, 120, 200]);
    const at = damaged.indexOf('IDAT') + 6;
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0x01, at);
    expect(imageProblem(PNG, damaged)).toBe(
      'the PNG is damaged: its IDAT chunk fails its checksum',
    );
  });

  it('refuses a PNG without image data, and one that does not start with its header', () => {
    const whole = makePng(2, 2, [0, 0, 0]);
    const idat = whole.indexOf('IDAT') - 4;
    const iend = whole.indexOf('IEND') - 4;
    const noData = Buffer.concat([whole.subarray(0, idat), whole.subarray(iend)]);
    expect(imageProblem(PNG, noData)).toBe('the PNG holds no image data');
    const dataFirst = Buffer.concat([
      whole.subarray(0, 8),
      whole.subarray(idat, iend),
      whole.subarray(8, idat),
      whole.subarray(iend),
    ]);
    expect(imageProblem(PNG, dataFirst)).toMatch(/^the PNG is damaged/);
  });

  it('refuses a JPEG whose scan comes before any frame header', () => {
    const jpeg = Buffer.from(JPEG_BYTES);
    const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    // SOF0 turned into an application segment (APP0) of the same length. image-size then
    // finds no size: the walk is asked on its own.
    jpeg[frame + 1] = 0xe0;
    expect(structureProblem('image/jpeg', jpeg)).toBe(
      'is damaged: its image data comes before its frame header',
    );
    expect(imageProblem(JPEG, jpeg)).toMatch(/^the JPEG is damaged/);
  });
});

/** A PNG whose header says `width` × `height`, its chunks whole, for the size limit alone. */
const pngClaiming = (width: number, height: number): Buffer =>
  pngFile(width, height, deflateSync(Buffer.alloc(0)));

/** JPEG_BYTES with its frame header saying `width` × `height`. */
function jpegClaiming(width: number, height: number): Buffer {
  const jpeg = Buffer.from(JPEG_BYTES);
  const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(height, frame + 5);
  jpeg.writeUInt16BE(width, frame + 7);
  return jpeg;
}

describe('imageProblem on images larger than Chromium prints', () => {
  it('takes 2^28 pixels, and refuses one pixel more, naming the size', () => {
    expect(MAX_IMAGE_PIXELS).toBe(16384 * 16384);
    expect(imageProblem(PNG, pngClaiming(16384, 16384))).toBeUndefined();
    expect(imageProblem(PNG, pngClaiming(65536, 4096))).toBeUndefined();
    expect(imageProblem(PNG, pngClaiming(MAX_IMAGE_PIXELS + 1, 1))).toBe(
      'is 268435457 × 1 pixels (268 megapixels), over the 268 megapixels Chromium prints ' +
        'reliably: scale it down',
    );
    expect(imageProblem(PNG, pngClaiming(30000, 30000))).toBe(
      'is 30000 × 30000 pixels (900 megapixels), over the 268 megapixels Chromium prints ' +
        'reliably: scale it down',
    );
  });

  it('reads the size of a JPEG from its frame header', () => {
    expect(imageProblem(JPEG, jpegClaiming(16384, 16384))).toBeUndefined();
    expect(imageProblem(JPEG, jpegClaiming(65500, 8197))).toMatch(
      /^is 65500 × 8197 pixels \(537 megapixels\)/,
    );
  });

  it('refuses a header that gives no size', () => {
    expect(imageProblem(PNG, pngClaiming(0, 10))).toMatch(/^the PNG is damaged/);
  });
});
