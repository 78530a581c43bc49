import { decodeHTMLStrict } from 'entities';

/**
 * Decodes character references as HTML5 and CommonMark do: every named reference of the
 * HTML5 list (`&Eacute;`, `&oelig;`, `&trade;`), with its semicolon, and numeric ones.
 * Text without a semicolon (`AT&T`, `&copy2026`) stays as written.
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}
