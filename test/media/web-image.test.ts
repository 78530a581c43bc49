import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isPresskitError } from '../../src/errors.js';
import { webImages } from '../../src/media/web-image.js';
import { exiftool, makeJpeg, preparedAsset } from './helpers.js';

const WORDS = {
  caption: 'Pupils on their first day, Gao — “l’école” & more',
  credit: 'Jane Doe / Acme',
  copyright: '© 2026 Acme Relief',
  alt: 'Children at their desks',
};

describe('web-size versions of large images', () => {
  it('makes one 1600 px wide, with caption, credit, copyright and alt text in its XMP', async () => {
    const photo = preparedAsset(await makeJpeg(3200, 2000), 'photo.jpg', WORDS);
    const web = (await webImages([photo], 'releases/a.md')).get(photo);
    expect(web).toMatchObject({ kitPath: 'assets/web/photo.jpg', width: 1600, height: 1000 });
    const tags = exiftool(web?.data ?? Buffer.alloc(0));
    expect(tags).toMatchObject({
      FileType: 'JPEG',
      ImageWidth: 1600,
      ImageHeight: 1000,
      Description: WORDS.caption,
      Credit: WORDS.credit,
      Rights: WORDS.copyright,
      Marked: true,
      AltTextAccessibility: WORDS.alt,
    });
  });

  it('gives the same bytes for the same input', async () => {
    const bytes = await makeJpeg(2400, 1600);
    const one = preparedAsset(bytes, 'photo.jpg', WORDS);
    const two = preparedAsset(bytes, 'photo.jpg', WORDS);
    const [a, b] = await Promise.all([webImages([one], 'a.md'), webImages([two], 'a.md')]);
    expect(a.get(one)?.data.equals(b.get(two)?.data ?? Buffer.alloc(0))).toBe(true);
  });

  it('leaves a small, light image as it is, and the logo and SVGs always', async () => {
    const small = preparedAsset(await makeJpeg(800, 600), 'small.jpg');
    const logo = preparedAsset(await makeJpeg(2400, 800), 'logo.jpg', { role: 'logo' });
    const made = await webImages([small, logo], 'a.md');
    expect(made.size).toBe(0);
  });

  it('re-encodes a light-sized but heavy file (over 500 KB), at its own size', async () => {
    const noisy = Buffer.alloc(1200 * 900 * 3);
    // Noise (a fixed LCG): what compresses worst, as a scan's grain does.
    let state = 1;
    for (let i = 0; i < noisy.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      noisy[i] = state >>> 24;
    }
    const heavy = await sharp(noisy, { raw: { width: 1200, height: 900, channels: 3 } })
      .png()
      .toBuffer();
    expect(heavy.byteLength).toBeGreaterThan(500 * 1024);
    const asset = preparedAsset(heavy, 'scan.png');
    const web = (await webImages([asset], 'a.md')).get(asset);
    // An opaque PNG is a photo for the web: a JPEG, at its own size.
    expect(web).toMatchObject({ kitPath: 'assets/web/scan.jpg', width: 1200, height: 900 });
    expect(web?.mediaType).toBe('image/jpeg');
  });

  it('keeps transparency in a PNG', async () => {
    const transparent = await sharp({
      create: {
        width: 2000,
        height: 1000,
        channels: 4,
        background: { r: 0, g: 0, b: 0, alpha: 0 },
      },
    })
      .png()
      .toBuffer();
    const png = preparedAsset(transparent, 'chart.png');
    const web = (await webImages([png], 'a.md')).get(png);
    expect(web).toMatchObject({ kitPath: 'assets/web/chart.png', mediaType: 'image/png' });
    expect((await sharp(web?.data).metadata()).hasAlpha).toBe(true);
  });

  it('names two web versions apart when they would share a name', async () => {
    const opaque = await sharp({
      create: { width: 2000, height: 1000, channels: 3, background: { r: 9, g: 9, b: 9 } },
    })
      .png()
      .toBuffer();
    const png = preparedAsset(opaque, 'chart.png');
    const jpeg = preparedAsset(await makeJpeg(2000, 1000), 'chart.jpg');
    const made = await webImages([png, jpeg], 'a.md');
    expect(made.get(png)?.kitPath).toBe('assets/web/chart.jpg');
    expect(made.get(jpeg)?.kitPath).toBe('assets/web/chart-2.jpg');
  });

  it('turns a photo taken sideways upright, since its EXIF orientation is not carried over', async () => {
    // Stored 2400 × 1600, shown 1600 × 2400 (orientation 6: rotate 90° clockwise).
    const sideways = preparedAsset(await makeJpeg(2400, 1600, { orientation: 6 }), 'side.jpg');
    const web = (await webImages([sideways], 'a.md')).get(sideways);
    expect(web).toMatchObject({ width: 1067, height: 1600 });
    expect(exiftool(web?.data ?? Buffer.alloc(0))['Orientation']).toBeUndefined();
  });

  it('reports a file libvips cannot read as a problem of the release, on one line', async () => {
    // A JPEG's first bytes, then 600 KB of nothing an image decoder can read.
    const damaged = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.alloc(600_000, 7),
    ]);
    const asset = preparedAsset(damaged, 'broken.jpg');
    const error = await webImages([asset], 'releases/a.md').catch((caught: unknown) => caught);
    if (!isPresskitError(error)) throw new Error(`expected a PresskitError, got ${String(error)}`);
    expect(error.code).toBe('E_ASSET');
    expect(error.problems[0]?.file).toBe('releases/a.md');
    expect(error.problems[0]?.message).toMatch(
      /^"broken\.jpg": its web-size version could not be made \([^\n]+\)$/,
    );
  });
});
