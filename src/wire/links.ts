import { escapeHtml } from '../html/escape.js';
import { decodeEntities } from '../util/character-references.js';
import type { ReleaseDate } from '../types.js';

/**
 * Where a kit's files are, as the files that travel without the kit (the e-mail, the ninjs
 * document, the feeds) link to them: absolute under the base URL when there is one, else
 * relative to the kit's folder, the only address a kit has before it is published.
 */
export interface KitLinks {
  /** The kit's page (its folder, as the page's canonical link names it). */
  page: string;
  pdf: string;
  text: string;
  zip: string;
  /** A file of the kit, by its path inside the kit (`assets/photo.jpg`). */
  file(kitPath: string): string;
  /** True when the links are absolute. */
  absolute: boolean;
}

export function kitLinks(slug: string, baseUrl: string | undefined): KitLinks {
  if (baseUrl === undefined) {
    return {
      page: 'index.html',
      pdf: `${slug}.pdf`,
      text: `${slug}.txt`,
      zip: `../${slug}.zip`,
      file: (kitPath) => kitPath,
      absolute: false,
    };
  }
  const folder = new URL(`${slug}/`, baseUrl);
  const file = (kitPath: string): string => new URL(kitPath, folder).href;
  return {
    page: folder.href,
    pdf: file(`${slug}.pdf`),
    text: file(`${slug}.txt`),
    zip: new URL(`${slug}.zip`, baseUrl).href,
    file,
    absolute: true,
  };
}

/** A stable identifier of the release: its page's URL, or a URN when it has no address yet. */
export function releaseUri(slug: string, baseUrl: string | undefined): string {
  return baseUrl === undefined ? `urn:presskit:${slug}` : new URL(`${slug}/`, baseUrl).href;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Our own rendered HTML (every attribute value escaped by the Markdown renderer) with its
 * in-kit `href` and `src` made absolute: a mail client or feed reader has no kit folder to
 * resolve them against. Without a base URL the HTML is returned as it is.
 */
export function absoluteLinks(html: string, links: KitLinks): string {
  if (!links.absolute) return html;
  return html.replace(/ (href|src)="([^"]*)"/g, (whole, name: string, value: string) => {
    const raw = decodeEntities(value);
    if (SCHEME.test(raw) || raw.startsWith('//')) return whole;
    const target = raw.startsWith('#') ? `${links.page}${raw}` : links.file(raw);
    return ` ${name}="${escapeHtml(target)}"`;
  });
}

/**
 * RFC 3339 date-time of a release date, in the offset the author wrote (a plain date is
 * midnight UTC, as everywhere else in presskit).
 */
export function rfc3339(date: ReleaseDate): string {
  const shifted = new Date(date.instant.getTime() + date.offsetMinutes * 60_000);
  const stamp = shifted.toISOString().replace(/\.\d{3}Z$/, '');
  if (date.offsetMinutes === 0) return `${stamp}Z`;
  const sign = date.offsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(date.offsetMinutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${stamp}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
