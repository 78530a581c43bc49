import type { Token, Tokens } from 'marked';
import { decodeEntities } from '../util/character-references.js';
import type { TypographyRun } from './typography.js';
import { applyTypographyToRuns } from './typography.js';

/** Inline tokens whose children are more inline text of the same run of prose. */
const CONTAINERS = new Set(['strong', 'em', 'del', 'link']);

/**
 * Typesets Markdown tokens in place, one block at a time, so that quote and spacing rules
 * see across emphasis and links ("« *Aucun* Etat »"). Code spans take part as verbatim
 * runs: rules see them but never change them. Text tokens come out decoded and typeset,
 * ready to be escaped by a renderer.
 */
export function typesetTokens(tokens: Token[], lang: string): void {
  for (const token of tokens) {
    if (token.type === 'code' || token.type === 'html') continue;
    if ('tokens' in token && Array.isArray(token.tokens) && isInlineBlock(token)) {
      typesetRun(token.tokens, lang);
    } else if ('tokens' in token && Array.isArray(token.tokens)) {
      typesetTokens(token.tokens, lang);
    }
    if (token.type === 'list') for (const item of token.items) typesetTokens(item.tokens, lang);
    if (token.type === 'table') {
      for (const cell of [...token.header, ...token.rows.flat()]) typesetRun(cell.tokens, lang);
    }
  }
}

function isInlineBlock(token: Token): boolean {
  return token.type === 'paragraph' || token.type === 'heading' || token.type === 'text';
}

function typesetRun(inline: Token[], lang: string): void {
  const leaves: { token: { text: string }; verbatim: boolean }[] = [];
  const collect = (list: Token[]): void => {
    for (const token of list) {
      if (token.type === 'text' && !('tokens' in token && token.tokens)) {
        leaves.push({ token: token as Tokens.Text, verbatim: false });
      } else if (token.type === 'codespan') {
        leaves.push({ token: token as Tokens.Codespan, verbatim: true });
      } else if (CONTAINERS.has(token.type) && 'tokens' in token && token.tokens) {
        collect(token.tokens);
      } else if (token.type === 'text' && 'tokens' in token && token.tokens) {
        collect(token.tokens);
      }
    }
  };
  collect(inline);
  const runs: TypographyRun[] = leaves.map(({ token, verbatim }) => ({
    text: verbatim ? token.text : decodeEntities(token.text),
    verbatim,
  }));
  const typeset = applyTypographyToRuns(runs, lang);
  leaves.forEach(({ token, verbatim }, index) => {
    if (!verbatim) token.text = typeset[index] ?? token.text;
  });
}
