import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** What the feeds and the sitemap say of one kit, read back from its ninjs document. */
export interface FeedEntry {
  slug: string;
  /** The release's stable id (its page's URL when the kit was built with a base URL). */
  uri: string;
  title: string;
  summary?: string;
  /** The body as HTML, links absolute when the kit was built with a base URL. */
  html?: string;
  language: string;
  published: Date;
  updated: Date;
  tags: string[];
  author?: string;
}

const dateTime = z.iso.datetime({ offset: true });
const valued = z.array(z.object({ role: z.string().optional(), value: z.string() }));

/** The part of a ninjs document the feeds read; anything else in it is left alone. */
const ninjsSubset = z.object({
  uri: z.string(),
  language: z.string(),
  versionCreated: dateTime,
  firstCreated: dateTime,
  headlines: valued.min(1),
  descriptions: valued.optional(),
  bodies: z.array(z.object({ contentType: z.string().optional(), value: z.string() })).optional(),
  subjects: z.array(z.object({ name: z.string() })).optional(),
  copyrightHolder: z.string().optional(),
});

/** A kit's ninjs document weighs far less; a larger file is not one presskit wrote. */
const MAX_NINJS_BYTES = 4 * 1024 * 1024;

/**
 * Reads `<out>/<slug>/<slug>.ninjs.json`, as the newsroom reads kits: from the folder alone,
 * so kits built by separate CI shards merge. A kit without one (built by an older presskit)
 * or with one that does not parse is left out of the feeds, not an error.
 */
export async function readFeedEntry(outDir: string, slug: string): Promise<FeedEntry | undefined> {
  const path = join(outDir, slug, `${slug}.ninjs.json`);
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isFile() || info.size > MAX_NINJS_BYTES) return undefined;
  let parsed;
  try {
    parsed = ninjsSubset.safeParse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return undefined;
  }
  if (!parsed.success) return undefined;
  const ninjs = parsed.data;
  const headline = ninjs.headlines.find((entry) => entry.role === 'main') ?? ninjs.headlines[0];
  const summary = ninjs.descriptions?.find((entry) => entry.role === 'summary')?.value;
  const html = ninjs.bodies?.find((body) => body.contentType === 'text/html')?.value;
  return {
    slug,
    uri: ninjs.uri,
    title: headline?.value ?? slug,
    ...(summary ? { summary } : {}),
    ...(html ? { html } : {}),
    language: ninjs.language,
    published: new Date(ninjs.firstCreated),
    updated: new Date(ninjs.versionCreated),
    tags: ninjs.subjects?.map((subject) => subject.name) ?? [],
    ...(ninjs.copyrightHolder ? { author: ninjs.copyrightHolder } : {}),
  };
}

/** Newest first (by first publication), then by slug, so equal dates keep one order. */
export function newestFirst(a: FeedEntry, b: FeedEntry): number {
  const diff = b.published.getTime() - a.published.getTime();
  return diff !== 0 ? diff : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
