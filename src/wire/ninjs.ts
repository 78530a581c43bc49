import type { PreparedAsset } from '../assets/prepare.js';
import type { Release } from '../types.js';
import { definedOnly } from '../util/defined.js';
import type { KitLinks } from './links.js';
import { absoluteLinks, kitLinks, releaseUri, rfc3339 } from './links.js';

/** The schema a ninjs document names, as IPTC publishes it. */
export const NINJS_SCHEMA = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';

/** What ninjs says of a web-size version (media/web-image.ts makes them). */
interface WebVersion {
  kitPath: string;
  mediaType: string;
  width: number;
  height: number;
  data: Uint8Array;
}

export interface NinjsInput {
  release: Release;
  assets: readonly PreparedAsset[];
  /** The kit's plain-text version (the wire copy). */
  text: string;
  /** The body as the page shows it (in-kit links relative to the kit). */
  bodyHtml: string;
  pdfBytes: number;
  /** Each image's size in pixels, where its header gives one. */
  pixelSizes: ReadonlyMap<PreparedAsset, { width: number; height: number }>;
  /** A large image's web-size version (media/), a second rendition where it has an address. */
  webVersions?: ReadonlyMap<PreparedAsset, WebVersion>;
  baseUrl: string | undefined;
}

/**
 * The release as IPTC ninjs 3.1 (News in JSON), for wire desks and newsroom systems that
 * ingest news items. ninjs 3 names its properties in camelCase (`versionCreated`,
 * `embargoedUntil`, `pubStatus`); the kit's files are associations, each with its
 * rendition. Without a base URL the kit has no address yet: the item and its files are
 * named by URNs, and each file's path inside the kit is given as an alternative id.
 */
export function renderNinjs(input: NinjsInput): string {
  const { release } = input;
  const links = kitLinks(release.slug, input.baseUrl);
  const uri = releaseUri(release.slug, input.baseUrl);
  const kitFile = (path: string): { uri: string; href?: string; altIds: object[] } => ({
    uri: links.absolute ? links.file(path) : `${uri}:${path}`,
    ...(links.absolute ? { href: links.file(path) } : {}),
    altIds: [{ role: 'kit-path', value: path }],
  });
  const organization = release.organization?.name;
  const pdf = kitFile(`${release.slug}.pdf`);
  const images = input.assets.filter((asset) => asset.isImage && asset.role !== 'logo');
  const seen = new Set<string>();
  const pictures = images
    .filter((asset) => !seen.has(asset.kitPath) && seen.add(asset.kitPath))
    .map((asset, index) => {
      const file = kitFile(asset.kitPath);
      return definedOnly({
        name: `image${index + 1}`,
        rel: 'picture',
        uri: file.uri,
        type: 'picture',
        headlines: asset.caption ? [{ role: 'caption', value: asset.caption }] : undefined,
        descriptions: nonEmpty([
          ...(asset.caption ? [{ role: 'caption', value: asset.caption }] : []),
          ...(asset.alt ? [{ role: 'alt', value: asset.alt }] : []),
        ]),
        by: asset.credit,
        copyrightNotice: asset.copyright ?? asset.credit,
        altIds: file.altIds,
        renditions: [
          definedOnly({
            name: 'original',
            href: file.href,
            contentType: asset.mediaType,
            width: input.pixelSizes.get(asset)?.width,
            height: input.pixelSizes.get(asset)?.height,
            sizeInBytes: asset.bytes,
          }),
          ...webRendition(input.webVersions?.get(asset), links),
        ],
      });
    });
  const document = definedOnly({
    uri,
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA },
    type: 'text',
    profile: 'press-release',
    representationType: 'full',
    versionCreated: rfc3339(release.modified ?? release.date),
    firstCreated: rfc3339(release.date),
    embargoedUntil: release.embargo && rfc3339(release.embargo),
    pubStatus: 'usable',
    copyrightHolder: organization,
    copyrightNotice: organization && `© ${release.date.text.slice(0, 4)} ${organization}`,
    language: release.lang,
    slugline: release.slug,
    located: release.dateline,
    genres: [{ name: release.kind }],
    headlines: [
      { role: 'main', value: release.title },
      ...(release.subtitle ? [{ role: 'sub', value: release.subtitle }] : []),
    ],
    descriptions: release.summary ? [{ role: 'summary', value: release.summary }] : undefined,
    bodies: [
      { role: 'main', contentType: 'text/plain', value: input.text },
      { role: 'main', contentType: 'text/html', value: absoluteLinks(input.bodyHtml, links) },
    ],
    by: organization,
    subjects: release.tags.length > 0 ? release.tags.map((name) => ({ name })) : undefined,
    organisations: organization ? [{ name: organization, rel: 'source' }] : undefined,
    associations: [
      definedOnly({
        name: 'pdf',
        rel: 'rendition',
        uri: pdf.uri,
        type: 'text',
        headlines: [{ role: 'main', value: release.title }],
        altIds: pdf.altIds,
        renditions: [
          definedOnly({
            name: 'print',
            href: pdf.href,
            contentType: 'application/pdf',
            sizeInBytes: input.pdfBytes,
          }),
        ],
      }),
      ...pictures,
    ],
  });
  return `${JSON.stringify(document, null, 2)}\n`;
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** The web-size version as a rendition, with a base URL (without, it has no address). */
function webRendition(web: WebVersion | undefined, links: KitLinks): object[] {
  if (!web || !links.absolute) return [];
  return [
    {
      name: 'web',
      href: links.file(web.kitPath),
      contentType: web.mediaType,
      width: web.width,
      height: web.height,
      sizeInBytes: web.data.byteLength,
    },
  ];
}
