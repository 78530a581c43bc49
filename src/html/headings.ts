import { decodeEntities } from '../util/character-references.js';

/**
 * The text of each heading of a page, in document order, as a reader would read it: tags
 * dropped, entities decoded, HTML white space collapsed, soft hyphens gone.
 */
export function headingTexts(html: string): string[] {
  const body = html.slice(Math.max(0, html.indexOf('<body')));
  return [...body.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((match) =>
    decodeEntities((match[2] ?? '').replace(/<[^>]*>/g, ''))
      .replace(/\u00AD/g, '')
      .replace(/[ \t\n\r\f]+/g, ' ')
      .trim(),
  );
}
