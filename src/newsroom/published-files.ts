import { feedFileNames, renderFeeds } from '../feeds/feeds.js';
import type { FeedEntry } from '../feeds/entry.js';
import { newestFirst, readFeedEntry } from '../feeds/entry.js';
import { renderRobots, renderSitemap } from '../feeds/sitemap.js';

export interface PublishedFilesInput {
  outDir: string;
  /** The kits to list: the publicly listable ones (KitSummary.publiclyListable). */
  slugs: readonly string[];
  title: string;
  baseUrl: string | undefined;
  generator: string;
}

/**
 * The newsroom's files for machines, by name: the feeds (all languages, and one set per
 * language when there are several), `sitemap.xml` and `robots.txt`. Only with a base URL:
 * a feed reader or a crawler fetches them from an address, every link and id in them must
 * be absolute (RSS 2.0 and the sitemap protocol say so), and an id made up without one
 * would change when the address is set, showing every release to subscribers again.
 */
export async function publishedFiles(input: PublishedFilesInput): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const { baseUrl } = input;
  if (baseUrl === undefined) return files;
  const listed = (await Promise.all(input.slugs.map((slug) => readFeedEntry(input.outDir, slug))))
    .filter((entry): entry is FeedEntry => entry !== undefined)
    .sort(newestFirst);
  // The newest change of what is listed: never the clock, so a rebuild of the same kits
  // gives the same bytes; nor an embargoed kit's date, which would tell it is coming.
  const updated = latest(listed) ?? new Date(0);
  const common = { title: input.title, baseUrl, generator: input.generator };
  const add = (entries: FeedEntry[], lang?: string): void => {
    const names = feedFileNames(lang);
    const feeds = renderFeeds({
      ...common,
      entries,
      updated: latest(entries) ?? updated,
      ...(lang ? { lang } : {}),
    });
    files.set(names.atom, feeds.atom).set(names.rss, feeds.rss).set(names.json, feeds.json);
  };
  add(listed);
  const languages = [...new Set(listed.map((entry) => primary(entry.language)))].sort();
  if (languages.length > 1) {
    for (const lang of languages) {
      add(
        listed.filter((entry) => primary(entry.language) === lang),
        lang,
      );
    }
  }
  files.set('sitemap.xml', renderSitemap(listed, baseUrl, input.generator));
  files.set('robots.txt', renderRobots(baseUrl, input.generator));
  return files;
}

/** `fr` of `fr-BE`: one feed per language, not per region. */
function primary(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? lang;
}

function latest(entries: readonly FeedEntry[]): Date | undefined {
  return entries.reduce<Date | undefined>(
    (newest, entry) => (newest && newest > entry.updated ? newest : entry.updated),
    undefined,
  );
}
