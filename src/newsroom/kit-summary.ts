import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256File } from '../bundle/checksums.js';
import { readLifecycle } from '../html/lifecycle-head.js';
import type { KitLifecycle } from '../types.js';

/** What the newsroom index shows of one kit, read back from the kit itself. */
export interface KitSummary {
  slug: string;
  title: string;
  date: string;
  lang: string;
  kind: string;
  zipBytes: number;
  zipSha256: string;
  hasPdf: boolean;
  /** What the kit was built as (see KitLifecycle). */
  lifecycle: KitLifecycle;
  /** The embargo as written, for an embargoed kit. */
  embargo?: string;
  /**
   * Whether the kit may be listed wherever the public looks (the newsroom, and later feeds
   * or a sitemap): published, with no embargo holding when it was built. Embargoed kits,
   * drafts and withdrawn releases never are.
   */
  publiclyListable: boolean;
  /**
   * The newsroom shows a release in several languages once: the slug of the original
   * (the kit's own when it is the original, or in one language only).
   */
  group: string;
}

/** The listing fields of a summary, from what the kit was built as. */
export function listing(
  lifecycle: KitLifecycle,
  embargo: string | undefined,
): Pick<KitSummary, 'lifecycle' | 'embargo' | 'publiclyListable'> {
  return {
    lifecycle,
    ...(lifecycle === 'embargoed' && embargo !== undefined ? { embargo } : {}),
    publiclyListable: lifecycle === 'published',
  };
}

const JSON_LD = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/;

/**
 * Reads a kit's NewsArticle JSON-LD. The index is rebuilt from kits alone, so kits built
 * by separate CI shards can be merged without any other state.
 */
export async function readKitSummary(
  outDir: string,
  slug: string,
): Promise<KitSummary | undefined> {
  let html: string;
  let zip;
  try {
    [html, zip] = await Promise.all([
      readFile(join(outDir, slug, 'index.html'), 'utf8'),
      stat(join(outDir, `${slug}.zip`)),
    ]);
  } catch {
    return undefined;
  }
  const data = parseJson(JSON_LD.exec(html)?.[1]);
  if (!data) return undefined;
  const text = (key: string): string => {
    const value = data[key];
    return typeof value === 'string' ? value : '';
  };
  const hasPdf = await stat(join(outDir, slug, `${slug}.pdf`)).then(
    () => true,
    () => false,
  );
  return {
    slug,
    title: text('headline') || slug,
    date: text('datePublished'),
    lang: text('inLanguage'),
    kind: text('genre'),
    zipBytes: zip.size,
    zipSha256: await sha256File(join(outDir, `${slug}.zip`)),
    hasPdf,
    ...(({ lifecycle, embargo }) => listing(lifecycle, embargo))(readLifecycle(html)),
    group: originalSlug(data['translationOfWork']) ?? slug,
  };
}

/** The kit a `translationOfWork` names: the last folder of its URL (`../x-en/index.html`). */
function originalSlug(work: unknown): string | undefined {
  if (typeof work !== 'object' || work === null) return undefined;
  const url: unknown = Reflect.get(work, 'url');
  if (typeof url !== 'string') return undefined;
  const folders = url
    .replace(/[?#].*$/s, '')
    .replace(/\/index\.html$/, '')
    .split('/');
  return folders.filter((part) => part !== '').pop();
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : undefined;
  } catch {
    return undefined;
  }
}
