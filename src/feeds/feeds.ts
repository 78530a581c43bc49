import { Feed } from 'feed';
import { escapeHtml } from '../html/escape.js';
import type { FeedEntry } from './entry.js';

export interface FeedsInput {
  /** Newest first; only releases that may be listed publicly. */
  entries: readonly FeedEntry[];
  title: string;
  /** The public URL of the output folder, ending in `/`. */
  baseUrl: string;
  /** The language of a per-language feed (file names `feed.<lang>.xml`…); absent for all. */
  lang?: string;
  generator: string;
  /** When the newsroom last changed: the newest entry's, never the clock's (same bytes). */
  updated: Date;
}

export interface FeedFiles {
  atom: string;
  rss: string;
  json: string;
}

/** `feed.xml`, `rss.xml`, `feed.json`, or with a language `feed.fr.xml`… */
export function feedFileNames(lang?: string): FeedFiles {
  const infix = lang ? `.${lang}` : '';
  return { atom: `feed${infix}.xml`, rss: `rss${infix}.xml`, json: `feed${infix}.json` };
}

/**
 * The newsroom's Atom 1.0, RSS 2.0 and JSON Feed 1.1. Atom and RSS come from the `feed`
 * library; JSON Feed is written here, since that library writes JSON Feed 1.0 (`author`,
 * no `language`), and 1.1 is plain JSON. An entry's id is its ninjs `uri` (its page's
 * URL when the kit was built with the base URL, a URN otherwise); its link is always its
 * page under this base URL.
 */
export function renderFeeds(input: FeedsInput): FeedFiles {
  const names = feedFileNames(input.lang);
  const url = (name: string): string => new URL(name, input.baseUrl).href;
  const feed = new Feed({
    id: input.lang ? `${input.baseUrl}#${input.lang}` : input.baseUrl,
    title: input.title,
    link: input.baseUrl,
    updated: input.updated,
    generator: input.generator,
    ...(input.lang ? { language: input.lang } : {}),
    feedLinks: { atom: url(names.atom), rss: url(names.rss), json: url(names.json) },
  });
  for (const entry of input.entries) {
    const page = new URL(`${entry.slug}/`, input.baseUrl).href;
    // Atom says type="html" of both, and the library writes them in CDATA sections: text
    // escaped as HTML is read as written, and can never close its section with `]]>`.
    feed.addItem({
      title: escapeHtml(entry.title),
      id: entry.uri,
      link: page,
      date: entry.updated,
      published: entry.published,
      ...(entry.summary ? { description: escapeHtml(entry.summary) } : {}),
      ...(entry.html ? { content: entry.html } : {}),
      ...(entry.author ? { author: [{ name: entry.author }] } : {}),
      category: entry.tags.map((tag) => ({ name: tag, term: tag })),
    });
  }
  return {
    atom: `${feed.atom1()}\n`,
    rss: `${feed.rss2()}\n`,
    json: jsonFeed(input, url(names.json)),
  };
}

function jsonFeed(input: FeedsInput, feedUrl: string): string {
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: input.title,
    home_page_url: input.baseUrl,
    feed_url: feedUrl,
    ...(input.lang ? { language: input.lang } : {}),
    // An extension member (JSON Feed 1.1 keeps `_` names for them): which tool wrote it.
    _presskit: { generator: input.generator },
    items: input.entries.map((entry) => ({
      id: entry.uri,
      url: new URL(`${entry.slug}/`, input.baseUrl).href,
      title: entry.title,
      ...(entry.html
        ? { content_html: entry.html }
        : { content_text: entry.summary ?? entry.title }),
      ...(entry.summary ? { summary: entry.summary } : {}),
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      ...(entry.author ? { authors: [{ name: entry.author }] } : {}),
      ...(entry.tags.length > 0 ? { tags: entry.tags } : {}),
      language: entry.language,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
