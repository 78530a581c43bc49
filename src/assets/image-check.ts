/**
 * The raster images of a kit are printed into its PDF: one Chromium cannot decode would
 * print as a broken-image icon, or as its top part only, while the build reported success.
 * So each is checked here, as a problem of its release: its size from its header, against
 * what Chromium prints reliably, and its structure complete (see image-structure.ts).
 */
import { readFile } from 'node:fs/promises';
import { imageSize } from 'image-size';
import { describeFsError } from '../release/read-text.js';
import { structureProblem } from './image-structure.js';

/**
 * Chromium refuses to decode an image whose pixels would take more than 2^31 − 1 bytes at
 * 4 bytes a pixel (a 30000 × 30000 PNG, or a 65500 × 8197 JPEG, print as a broken image;
 * 65500 × 8196 prints). Half of that leaves room for the 1 GiB it then holds per image and
 * the time it takes (a PNG of 2^28 pixels prints in ~16 s on a 2-core machine), and still
 * takes the largest camera photos (150 megapixels). No side limit: 300000 × 1000 prints.
 */
export const MAX_IMAGE_PIXELS = 2 ** 28;

const RASTER = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** The type of a file as its extension and first bytes agree it is. */
export interface ImageKind {
  mediaType: string;
  /** Short name, e.g. "PNG". */
  label: string;
}

/** Why the image at `path` cannot go into the kit, or undefined; raster types only. */
export async function rasterImageProblem(
  path: string,
  kind: ImageKind,
): Promise<string | undefined> {
  if (!RASTER.has(kind.mediaType)) return undefined;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return `cannot read it (${describeFsError(error)})`;
  }
  return imageProblem(kind, bytes);
}

export function imageProblem(kind: ImageKind, bytes: Buffer): string | undefined {
  let width: number;
  let height: number;
  try {
    ({ width, height } = imageSize(ownBuffer(bytes)));
  } catch {
    return `the ${kind.label} is damaged: its size cannot be read from its header`;
  }
  if (!(width > 0 && height > 0)) {
    return `the ${kind.label} is damaged: its header gives a size of ${width} × ${height}`;
  }
  if (width * height > MAX_IMAGE_PIXELS) {
    return (
      `is ${width} × ${height} pixels (${megapixels(width * height)} megapixels), over the ` +
      `${megapixels(MAX_IMAGE_PIXELS)} megapixels Chromium prints reliably: scale it down`
    );
  }
  const problem = structureProblem(kind.mediaType, bytes);
  return problem && `the ${kind.label} ${problem}`;
}

/** An image's size in pixels from its header, or undefined when it gives none (an SVG's may). */
export function pixelSize(bytes: Buffer): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(ownBuffer(bytes));
    return width > 0 && height > 0 ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `bytes`, on an ArrayBuffer of their own: image-size reads through a DataView of the whole
 * underlying buffer, so a view into a larger one (Node's pool of small buffers) would let it
 * read past the file's end. A file read whole already has its own.
 */
function ownBuffer(bytes: Buffer): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? bytes : new Uint8Array(bytes);
}

function megapixels(pixels: number): string {
  return String(Math.round(pixels / 1e6));
}
