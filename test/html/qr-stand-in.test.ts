import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  QR_STAND_IN_HEIGHT,
  QR_STAND_IN_MAX,
  QR_STAND_IN_WIDTH,
  qrStandInIndex,
  qrStandInSrc,
} from '../../src/html/qr-stand-in.js';

/** The stand-in's pixels as libvips decodes its PNG: an independent reader of the format. */
async function decodedPixels(
  src: string,
): Promise<{ pixels: Buffer; width: number; height: number }> {
  const png = Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64');
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  return { pixels: data, width: info.width, height: info.height };
}

describe('qrStandInSrc', () => {
  it('is a PNG of 2 × 1 pixels whose bytes carry "PKQR" and the index', async () => {
    for (const index of [0, 1, 255, 256, 4660, QR_STAND_IN_MAX]) {
      const src = qrStandInSrc(index);
      expect(src).toMatch(/^data:image\/png;base64,/);
      const { pixels, width, height } = await decodedPixels(src);
      expect([width, height]).toEqual([QR_STAND_IN_WIDTH, QR_STAND_IN_HEIGHT]);
      expect([...pixels.subarray(0, 4)]).toEqual([...Buffer.from('PKQR')]);
      expect(qrStandInIndex(pixels)).toBe(index);
    }
  });

  it('gives each index its own image, so that Chrome embeds each code once', () => {
    const sources = new Set([0, 1, 2, 3, 300].map(qrStandInSrc));
    expect(sources.size).toBe(5);
  });

  it('refuses an index no stand-in can carry', () => {
    for (const index of [-1, 1.5, QR_STAND_IN_MAX + 1, Number.NaN]) {
      expect(() => qrStandInSrc(index)).toThrow(RangeError);
    }
  });
});

describe('qrStandInIndex', () => {
  it('reads nothing from pixels that are not a stand-in', () => {
    expect(qrStandInIndex(Buffer.from('PKQR\x00'))).toBeUndefined();
    expect(qrStandInIndex(Buffer.from('PKQS\x00\x01'))).toBeUndefined();
    expect(qrStandInIndex(Buffer.from('\xff\xff\xff\xff\xff\xff', 'latin1'))).toBeUndefined();
    expect(qrStandInIndex(Buffer.from('PKQR\x00\x01\x00'))).toBeUndefined();
  });
});
