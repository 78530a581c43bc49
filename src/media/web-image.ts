import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { PreparedAsset } from '../assets/prepare.js';
import { MAX_IMAGE_PIXELS, pixelSize } from '../assets/image-check.js';
import { unusedName } from '../assets/unused-name.js';
import { PresskitError } from '../errors.js';
import { WEB_IMAGE } from './settings.js';
import { xmpPacket } from './xmp.js';

/** The version of a large image that the page and the PDF show; the original ships too. */
export interface WebImage {
  /** e.g. `assets/web/photo.jpg`. */
  kitPath: string;
  mediaType: string;
  data: Buffer;
  width: number;
  height: number;
}

/** GIFs may move, SVGs are drawings: only photos and pictures get a web version. */
const RESIZABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * A web-size version of every large image among `assets` (the logo excepted: it is shown
 * small), with its words in the file's XMP. Same input, same bytes: sharp's encoders take
 * no time or randomness, and nothing of the original's metadata is carried over but what
 * the release says (orientation is applied to the pixels).
 */
export async function webImages(
  assets: readonly PreparedAsset[],
  /** The release file, named in a problem. */
  file: string,
): Promise<Map<PreparedAsset, WebImage>> {
  const made = new Map<PreparedAsset, WebImage>();
  const bySource = new Map<string, WebImage>();
  const names = new Set<string>();
  for (const asset of assets) {
    if (asset.role === 'logo' || !RESIZABLE.has(asset.mediaType)) continue;
    const known = bySource.get(asset.source);
    if (known) {
      made.set(asset, known);
      continue;
    }
    const web = await webImage(asset, names, file);
    if (!web) continue;
    bySource.set(asset.source, web);
    made.set(asset, web);
  }
  return made;
}

async function webImage(
  asset: PreparedAsset,
  names: Set<string>,
  file: string,
): Promise<WebImage | undefined> {
  const original = await readFile(asset.source);
  // From the header, without libvips: a release without large images never loads it.
  const size = pixelSize(original);
  const large =
    original.byteLength > WEB_IMAGE.maxBytes ||
    (size !== undefined && Math.max(size.width, size.height) > WEB_IMAGE.maxSide);
  if (!large) return undefined;
  try {
    // Inside: a platform sharp has no libvips for fails here, as this image's problem.
    const { default: sharp } = await import('sharp');
    // autoOrient: a photo taken sideways is turned as its EXIF says, since that EXIF is gone.
    const image = sharp(original, { limitInputPixels: MAX_IMAGE_PIXELS }).autoOrient();
    const { hasAlpha } = await image.metadata();
    // A photo in a PNG becomes a JPEG; transparency needs PNG (or WebP) to survive.
    const format = asset.mediaType === 'image/webp' ? 'webp' : hasAlpha ? 'png' : 'jpeg';
    let pipeline = image
      .resize({
        width: WEB_IMAGE.maxSide,
        height: WEB_IMAGE.maxSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .toColourspace('srgb');
    const xmp = xmpPacket(asset);
    if (xmp) pipeline = pipeline.withXmp(xmp);
    if (format === 'jpeg') pipeline = pipeline.jpeg({ quality: WEB_IMAGE.quality, mozjpeg: true });
    else if (format === 'webp') pipeline = pipeline.webp({ quality: WEB_IMAGE.quality });
    else pipeline = pipeline.png({ compressionLevel: 9 });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return {
      kitPath: `assets/web/${uniqueName(asset.kitPath, format === 'jpeg' ? 'jpg' : format, names)}`,
      mediaType: `image/${format}`,
      data,
      width: info.width,
      height: info.height,
    };
  } catch (error) {
    // The file passed the checks of assets/ (type, header, structure): libvips still found
    // it wrong. Its words, on one line.
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    throw new PresskitError('E_ASSET', {
      file,
      message: `"${basename(asset.source)}": its web-size version could not be made (${reason})`,
    });
  }
}

/** `assets/photo.png` → `photo.jpg`, `photo-2.jpg` when a `photo.jpeg` took that name. */
function uniqueName(kitPath: string, extension: string, used: Set<string>): string {
  return unusedName(basename(kitPath, extname(kitPath)), `.${extension}`, used);
}
