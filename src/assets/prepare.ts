import { open, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Problem } from '../errors.js';
import { PresskitError } from '../errors.js';
import { definedOnly } from '../util/defined.js';
import { describeFsError } from '../release/read-text.js';
import { asciiSlug, unreservedSlug } from '../util/slug.js';
import type { Release } from '../types.js';
import { rasterImageProblem } from './image-check.js';
import { isInside, realPathInside } from './inside-root.js';
import { checkMediaType, SNIFF_BYTES } from './media-type.js';
import { unsafeSvgReason } from './svg-safety.js';
import { unusedName } from './unused-name.js';

/** A file that ships in the kit's `assets/` folder, checked. */
export interface PreparedAsset {
  /** Real path of the source file. */
  source: string;
  /** The path as the release names it, before links are resolved. */
  requested: string;
  /** Path inside the kit, e.g. `assets/photo.jpg`. */
  kitPath: string;
  mediaType: string;
  /** Short human name of the type, e.g. "JPEG". */
  typeLabel: string;
  isImage: boolean;
  bytes: number;
  caption?: string;
  credit?: string;
  copyright?: string;
  alt?: string;
  /** Where it was named: the `assets` list, an image in the body, or the logo. */
  role: 'asset' | 'inline' | 'logo';
  /** For an inline image, the href written in the Markdown. */
  href?: string;
}

export interface AssetLimits {
  root: string;
  maxAssetBytes: number;
}

interface Request {
  path: string;
  written: string;
  field: string;
  line: number | undefined;
  role: PreparedAsset['role'];
  alt?: string;
  caption?: string;
  credit?: string;
  copyright?: string;
}

/**
 * Resolves, checks and names every file the kit will carry: the `assets` list, images
 * in the body and the organization logo. All problems are reported together.
 */
export async function prepareAssets(
  release: Release,
  bodyImages: { href: string; line: number | undefined }[],
  limits: AssetLimits,
): Promise<PreparedAsset[]> {
  const releaseDir = dirname(release.sourceFile);
  const requests: Request[] = release.assets.map((asset, index) => ({
    path: asset.source,
    written: asset.file,
    field: `assets[${index}].file`,
    line: release.lineOf(['assets', index, 'file']),
    role: 'asset',
    ...definedOnly({
      alt: asset.alt,
      caption: asset.caption,
      credit: asset.credit,
      copyright: asset.copyright,
    }),
  }));
  for (const image of bodyImages) requests.push(inlineRequest(image, releaseDir));
  if (release.organization?.logo) {
    requests.push({
      path: release.organization.logo,
      written: basename(release.organization.logo),
      field: 'organization.logo',
      line: release.lineOf(['organization', 'logo']),
      role: 'logo',
      alt: release.organization.name,
    });
  }

  const problems: Problem[] = [];
  const prepared: PreparedAsset[] = [];
  const usedNames = new Set<string>();
  const bySource = new Map<string, PreparedAsset>();
  for (const request of requests) {
    const fail = (message: string): void => {
      problems.push({
        file: release.displayPath,
        field: request.field,
        message: `"${request.written}": ${message}`,
        ...(request.line ? { line: request.line } : {}),
      });
    };
    const result = await checkRequest(request, limits);
    if (typeof result === 'string') {
      fail(result);
      continue;
    }
    if (result.isImage && request.role === 'asset' && !request.alt) {
      fail(
        'an image needs alt text: add "alt:" describing what it shows, for readers who cannot see it',
      );
      continue;
    }
    const reused = bySource.get(result.source);
    if (reused && request.role === 'inline') {
      prepared.push({ ...reused, role: 'inline', href: request.written, requested: request.path });
      continue;
    }
    const asset: PreparedAsset = {
      ...result,
      requested: request.path,
      kitPath: `assets/${uniqueName(result.source, usedNames)}`,
      role: request.role,
      ...definedOnly({
        alt: request.alt,
        caption: request.caption,
        credit: request.credit,
        copyright: request.copyright,
      }),
      ...(request.role === 'inline' ? { href: request.written } : {}),
    };
    bySource.set(result.source, asset);
    prepared.push(asset);
  }
  if (problems.length > 0) throw new PresskitError('E_ASSET', problems);
  return prepared;
}

function inlineRequest(
  image: { href: string; line: number | undefined },
  releaseDir: string,
): Request {
  let decoded = image.href;
  try {
    decoded = decodeURI(image.href);
  } catch {
    // keep the href as written; the existence check reports it
  }
  return {
    path: resolve(releaseDir, decoded),
    written: image.href,
    field: 'body image',
    line: image.line,
    role: 'inline',
  };
}

type Checked = Pick<PreparedAsset, 'source' | 'mediaType' | 'typeLabel' | 'isImage' | 'bytes'>;

async function checkRequest(request: Request, limits: AssetLimits): Promise<Checked | string> {
  if (
    /^[a-z][a-z0-9+.-]*:|^[\\/]{2}/i.test(request.written) &&
    !/^[a-z]:[\\/]/i.test(request.written)
  ) {
    return 'remote files are not allowed: copy the file into the project';
  }
  if (!isInside(limits.root, request.path)) return 'is outside the project folder';
  let info;
  let source: string | undefined;
  try {
    source = await realPathInside(limits.root, request.path);
    if (!source) return 'is a link to a file outside the project folder';
    info = await stat(source);
  } catch (error) {
    return `cannot read it (${describeFsError(error)})`;
  }
  if (!info.isFile()) return 'is not a regular file';
  if (info.size > limits.maxAssetBytes) {
    return `is ${formatBytes(info.size)}, over the limit of ${formatBytes(limits.maxAssetBytes)} (maxAssetSize in presskit.config.yaml)`;
  }
  const isSvg = extname(source).toLowerCase() === '.svg';
  const head = await readHead(source, isSvg ? info.size : SNIFF_BYTES);
  const verdict = checkMediaType(extname(source).slice(1), head);
  if (!verdict.ok) return verdict.reason;
  if (verdict.mediaType === 'image/svg+xml') {
    const unsafe = await unsafeSvgReason(head);
    if (unsafe) return unsafe;
  }
  const undecodable = await rasterImageProblem(source, verdict);
  if (undecodable) return undecodable;
  return {
    source,
    mediaType: verdict.mediaType,
    typeLabel: verdict.label,
    isImage: verdict.isImage,
    bytes: info.size,
  };
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.max(0, length));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** ASCII name from the source's base name, unique within the kit; `con.png` → `con-asset.png`. */
function uniqueName(source: string, used: Set<string>): string {
  const extension = extname(source).toLowerCase().replace('.jpeg', '.jpg');
  const stem = unreservedSlug(asciiSlug(basename(source, extname(source))) || 'asset', 'asset');
  return unusedName(stem, extension, used);
}

/** "340 KB", "1.2 MB"; `number` writes the figure in the page's language ("1,2 MB"). */
export function formatBytes(
  bytes: number,
  number: (value: number, fractionDigits: number) => string = (value, digits) =>
    value.toFixed(digits),
): string {
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 1024), 0)} KB`;
  return `${number(bytes / 1024 / 1024, 1)} MB`;
}
