import { Marked } from 'marked';
import type { Token } from 'marked';
import { typesetTokens } from './typeset-tokens.js';

/**
 * Markdown to plain text blocks for wire services: no Markdown syntax left, links written
 * out as "label (url)" unless the label is the URL. Returns one string per block.
 */
export function markdownToTextBlocks(source: string, lang: string): string[] {
  const tokens = new Marked({ gfm: true }).lexer(source);
  typesetTokens(tokens, lang);
  return blocks(tokens);
}

function blocks(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'paragraph':
      case 'heading':
        out.push(inline(token.tokens ?? []));
        break;
      case 'blockquote':
        out.push(...blocks(token.tokens ?? []));
        break;
      case 'list':
        out.push(
          token.items
            .map((item: { tokens: Token[] }, index: number) => {
              const bullet = token.ordered ? `${Number(token.start || 1) + index}.` : '-';
              return `${bullet} ${blocks(item.tokens).join('\n')}`;
            })
            .join('\n'),
        );
        break;
      case 'code':
        out.push(token.text);
        break;
      case 'table':
        out.push(
          [token.header, ...token.rows]
            .map((row: { tokens: Token[] }[]) => row.map((cell) => inline(cell.tokens)).join(' | '))
            .join('\n'),
        );
        break;
      case 'hr':
        out.push('* * *');
        break;
      case 'html':
        out.push(token.text.trim());
        break;
      case 'text':
        out.push(token.tokens ? inline(token.tokens) : token.text);
        break;
      default:
        break;
    }
  }
  return out.filter((block) => block.trim() !== '');
}

function inline(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        // Decoded and typeset by typesetTokens. A soft line break is just a space: the
        // text version is wrapped anew.
        text += token.tokens ? inline(token.tokens) : token.text.replace(/[ \t]*\n[ \t]*/g, ' ');
        break;
      case 'escape':
        text += token.text;
        break;
      case 'strong':
      case 'em':
      case 'del':
        text += inline(token.tokens ?? []);
        break;
      case 'codespan':
        text += token.text;
        break;
      case 'br':
        text += '\n';
        break;
      case 'link': {
        const label = inline(token.tokens ?? []);
        const target = String(token.href).replace(/^mailto:|^tel:/, '');
        text += label === target || label === token.href ? label : `${label} (${target})`;
        break;
      }
      case 'image':
        text += token.text ? `[${token.text}]` : '';
        break;
      case 'html':
        text += token.text;
        break;
      default:
        text += 'raw' in token ? String(token.raw) : '';
    }
  }
  return text;
}
