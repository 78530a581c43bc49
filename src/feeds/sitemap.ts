import { escapeHtml } from '../html/escape.js';
import type { FeedEntry } from './entry.js';

/**
 * Translations of one release: the kits a release folder's `<lang>.md` files became,
 * `<folder>-<lang>`, each in its own language. Told from the kits alone (slug and
 * language), as the newsroom is; a translation given a `slug:` of its own is not seen as
 * one.
 */
export function translationGroups(entries: readonly FeedEntry[]): Map<string, FeedEntry[]> {
  const groups = new Map<string, FeedEntry[]>();
  for (const entry of entries) {
    const suffix = `-${entry.language.toLowerCase()}`;
    if (!entry.slug.endsWith(suffix) || entry.slug.length === suffix.length) continue;
    const base = entry.slug.slice(0, -suffix.length);
    groups.set(base, [...(groups.get(base) ?? []), entry]);
  }
  for (const [base, members] of groups) if (members.length < 2) groups.delete(base);
  return groups;
}

/**
 * `sitemap.xml` (sitemaps.org 0.9): the newsroom and each listed kit's page, its last
 * change as `lastmod`, and for a translated release every version as an
 * `xhtml:link rel="alternate" hreflang` (itself included, as Google asks), and `x-default` for the English one, else the first.
 */
export function renderSitemap(
  entries: readonly FeedEntry[],
  baseUrl: string,
  generator: string,
): string {
  const groupOf = new Map<string, FeedEntry[]>();
  for (const members of translationGroups(entries).values()) {
    for (const member of members) groupOf.set(member.slug, members);
  }
  const page = (entry: FeedEntry): string => new URL(`${entry.slug}/`, baseUrl).href;
  const newest = entries.reduce<Date | undefined>(
    (latest, entry) => (latest && latest > entry.updated ? latest : entry.updated),
    undefined,
  );
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${escapeHtml(generator)} -->`,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    '  <url>',
    `    <loc>${escapeHtml(baseUrl)}</loc>`,
    ...(newest ? [`    <lastmod>${newest.toISOString()}</lastmod>`] : []),
    '  </url>',
  ];
  for (const entry of entries) {
    lines.push('  <url>', `    <loc>${escapeHtml(page(entry))}</loc>`);
    lines.push(`    <lastmod>${entry.updated.toISOString()}</lastmod>`);
    const versions = groupOf.get(entry.slug) ?? [];
    const fallback = versions.find((version) => /^en\b/i.test(version.language)) ?? versions[0];
    const alternate = (hreflang: string, version: FeedEntry): string =>
      `    <xhtml:link rel="alternate" hreflang="${escapeHtml(hreflang)}" href="${escapeHtml(page(version))}"/>`;
    for (const version of versions) lines.push(alternate(version.language, version));
    if (fallback) lines.push(alternate('x-default', fallback));
    lines.push('  </url>');
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/**
 * `robots.txt`: everything may be crawled, and where the sitemap is. Crawlers read it only
 * at the root of a host: under a base URL with a path, copy its Sitemap line into the
 * site's own.
 */
export function renderRobots(baseUrl: string, generator: string): string {
  return `# ${generator}\nUser-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', baseUrl).href}\n`;
}
