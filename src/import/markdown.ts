import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import type { SourceBlock } from './communique.js';

let service: TurndownService | undefined;

/** One converter for the run: turndown with GitHub tables, ATX headings, `-` bullets. */
function turndown(): TurndownService {
  if (!service) {
    service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*' });
    service.use(gfm);
  }
  return service;
}

/** Plain text as Markdown that renders as the same text: `1. `, `*`, `_`, `#`, `<` escaped. */
export function escapeMarkdown(text: string): string {
  return turndown().escape(text).replace(/</gu, '\\<');
}

/** An HTML fragment (mammoth's) as Markdown paragraphs. */
export function htmlToBlocks(html: string): SourceBlock[] {
  return turndown()
    .turndown(html)
    .split(/\n{2,}/u)
    .map((markdown) => markdown.trim())
    .filter((markdown) => markdown !== '')
    .map((markdown) => ({ markdown, text: plainOf(markdown) }));
}

/** The words of a Markdown paragraph, for recognising its shape (a dateline, a contact line). */
function plainOf(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/u, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>~=])/gu, '$1')
    .replace(/(\*\*|__|\*|_)(.+?)\1/gu, '$2');
}

/** A plain-text file's paragraphs: blank lines apart, each line kept for the header's shape. */
export function textToBlocks(text: string): SourceBlock[] {
  return text
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .split(/\n[ \t]*\n/u)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0)
    .map((lines) => ({
      text: lines.join('\n'),
      markdown: lines.map(escapeMarkdown).join('\n'),
    }));
}
