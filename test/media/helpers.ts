import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PreparedAsset } from '../../src/assets/prepare.js';

/** A photo-like JPEG (gradients, so it compresses like one), made in a few milliseconds. */
export async function makeJpeg(
  width: number,
  height: number,
  options: { quality?: number; orientation?: number } = {},
): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      raw[at] = (x * 255) / width;
      raw[at + 1] = (y * 255) / height;
      raw[at + 2] = 128 + ((x ^ y) & 63);
    }
  }
  let image = sharp(raw, { raw: { width, height, channels: 3 } });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.jpeg({ quality: options.quality ?? 90 }).toBuffer();
}

/** The file as a checked asset of a release, as assets/prepare.ts would give it. */
export function preparedAsset(
  bytes: Buffer,
  name: string,
  fields: Partial<PreparedAsset> = {},
): PreparedAsset {
  const dir = mkdtempSync(join(tmpdir(), 'presskit-media-'));
  const source = join(dir, name);
  writeFileSync(source, bytes);
  const png = name.endsWith('.png');
  return {
    source,
    requested: source,
    kitPath: `assets/${name}`,
    mediaType: png ? 'image/png' : 'image/jpeg',
    typeLabel: png ? 'PNG' : 'JPEG',
    isImage: true,
    bytes: bytes.byteLength,
    role: 'asset',
    alt: 'A test image',
    ...fields,
  };
}

/** What exiftool, an independent reader, finds in an image's metadata. */
export function exiftool(bytes: Buffer): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'presskit-exif-'));
  const file = join(dir, 'image');
  writeFileSync(file, bytes);
  const out = execFileSync('exiftool', ['-json', '-charset', 'UTF8', file], { encoding: 'utf8' });
  const [tags] = JSON.parse(out) as Record<string, unknown>[];
  return tags ?? {};
}
