import { Marked } from 'marked';
import type { Token, Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render.js';
import {
  MAX_MARKDOWN_DEPTH,
  markdownDepthProblem,
  tooDeepLine,
  withinStack,
} from '../../src/markdown/depth.js';
import { markdownToTextBlocks } from '../../src/markdown/text-blocks.js';
import { expectError, thrown } from '../release/helpers.js';

/** The deepest the depth check lets `source` through at: its count of nesting. */
function counted(source: string): number {
  let depth = 0;
  while (tooDeepLine(source, depth) !== undefined) depth++;
  return depth;
}

/** How deep marked itself nests block quotes and lists in `source`. */
function markedDepth(source: string): number {
  const deepest = (tokens: Token[]): number =>
    Math.max(
      0,
      ...tokens.map((token) => {
        if (token.type === 'blockquote') return 1 + deepest(token.tokens ?? []);
        if (token.type === 'list')
          return (
            1 + Math.max(0, ...token.items.map((item: Tokens.ListItem) => deepest(item.tokens)))
          );
        return 'tokens' in token && token.tokens ? deepest(token.tokens) : 0;
      }),
    );
  return deepest(new Marked({ gfm: true }).lexer(source));
}

/** Nested lists, one level per line, each indented under the one before. */
const indentedList = (levels: number, marker = '-'): string =>
  Array.from(
    { length: levels },
    (_, level) => `${' '.repeat((marker.length + 1) * level)}${marker} item`,
  ).join('\n');

describe('tooDeepLine: counts block nesting as marked does, before it lexes', () => {
  it.each([
    ['block quotes', '>'.repeat(7) + ' text', 7],
    ['spaced block quotes', '> '.repeat(7) + 'text', 7],
    ['lists on one line', '- '.repeat(7) + 'text', 7],
    ['ordered lists on one line', '1. '.repeat(7) + 'text', 7],
    ['quotes and lists', '> - '.repeat(4) + 'text', 8],
    ['indented list levels', indentedList(7), 7],
    ['lists inside a quote, indented', '> - a\n>   - b\n>     - c', 4],
  ])('%s', (_label, source, depth) => {
    expect(markedDepth(source)).toBe(depth);
    expect(counted(source)).toBe(depth);
  });

  it('counts a tab as four columns: up to two list levels', () => {
    // `\t- c` may sit under `- a` and `  - b`: a tab can stand for two levels.
    expect(markedDepth('- a\n  - b\n\t- c')).toBe(3);
    expect(counted('- a\n  - b\n\t- c')).toBe(3);
    expect(markedDepth('- a\n\t- b\n\t\t- c')).toBe(3);
    expect(counted('- a\n\t- b\n\t\t- c')).toBe(5);
  });

  it.each([
    ['a rule of dashes', '- '.repeat(500)],
    ['a rule of stars', '* '.repeat(500)],
    ['a rule of underscores', '_ '.repeat(500)],
    ['an indented paragraph line', ' '.repeat(500) + 'text'],
    ['indentation inside a quote', '> ' + ' '.repeat(500) + 'code'],
    ['markers after text', 'text ' + '> - '.repeat(500)],
    ['a date-like number', '2026. was the year'],
  ])('does not count %s as nesting', (_label, source) => {
    expect(markedDepth(source)).toBeLessThanOrEqual(1);
    expect(counted(source)).toBeLessThanOrEqual(1);
  });

  it('names the 1-based line where the nesting goes too deep', () => {
    const source = ['Intro.', '', '> '.repeat(3) + 'ok', '', '>'.repeat(4) + ' deep'].join('\n');
    expect(tooDeepLine(source, 3)).toBe(5);
    expect(tooDeepLine(source, 4)).toBeUndefined();
  });

  it('reads a lone CR as a line break, as marked does', () => {
    // A YAML string (the boilerplate) can hold one; each line opens one level more.
    const source = indentedList(6).replaceAll('\n', '\r');
    expect(markedDepth(source)).toBe(6);
    expect(tooDeepLine(source, 5)).toBe(6);
  });

  it('is never below marked on random mixes of markers, indentation and blocks', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(choices: readonly T[]): T =>
      choices[Math.floor(random() * choices.length)] as T;
    const prefixes = ['>', '> ', '- ', '* ', '+ ', '1. ', '10) ', ' ', '  ', '   ', '\t', '-\t'];
    const contents = ['text', '- - -', '***', '', '```', '# title', '| a |', '-', '1.', '<div>'];
    let deepest = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 20) }, () => {
        const prefix = Array.from({ length: Math.floor(random() * 10) }, () => pick(prefixes)).join(
          '',
        );
        return prefix + pick(contents);
      });
      const source = lines.join(pick(['\n', '\r\n', '\r']));
      const depth = markedDepth(source);
      deepest = Math.max(deepest, depth);
      expect(counted(source), JSON.stringify(source)).toBeGreaterThanOrEqual(depth);
    }
    // The mixes did nest: the comparison was not between empty documents.
    expect(deepest).toBeGreaterThan(5);
  });
});

describe('markdownDepthProblem', () => {
  it('refuses beyond the limit with the line in the file and the field', () => {
    const deep = 'First line.\n\n' + '>'.repeat(2000) + ' deep';
    expect(markdownDepthProblem(deep, { file: 'r.md', field: 'body', firstLine: 8 })).toEqual({
      file: 'r.md',
      field: 'body',
      line: 10,
      message: expect.stringMatching(/nested more than 100 levels deep/),
    });
  });

  it(`lets ${MAX_MARKDOWN_DEPTH} levels through, and a line-less problem without a first line`, () => {
    const place = { file: 'r.md', field: 'boilerplate' };
    expect(markdownDepthProblem('> '.repeat(MAX_MARKDOWN_DEPTH) + 'x', place)).toBeUndefined();
    const problem = markdownDepthProblem(indentedList(MAX_MARKDOWN_DEPTH + 1), place);
    expect(problem?.field).toBe('boilerplate');
    expect(problem).not.toHaveProperty('line');
  });

  it('lets marked render the deepest Markdown it allows', () => {
    // The limit stands well below where marked overflows (about 1,100 levels, cold).
    const source = '> - '.repeat(MAX_MARKDOWN_DEPTH / 2) + 'text';
    expect(tooDeepLine(source)).toBeUndefined();
    const html = renderMarkdown(source, {
      file: 'r.md',
      firstLine: 1,
      lang: 'en',
      imageSrc: () => undefined,
    });
    expect(html.match(/<blockquote>/g)).toHaveLength(MAX_MARKDOWN_DEPTH / 2);
  });
});

describe('withinStack: inline nesting that still overflows is the text’s problem', () => {
  // Emphasis inside emphasis: the depth check counts blocks only.
  const emphasis = '*a '.repeat(5000) + 'x' + ' a*'.repeat(5000);

  it('renderMarkdown refuses it for its field, without a crash', () => {
    const error = thrown(() =>
      renderMarkdown(emphasis, {
        file: 'r.md',
        field: 'boilerplate',
        firstLine: 3,
        lang: 'en',
        imageSrc: () => undefined,
      }),
    );
    const problem = expectError(error, 'E_MARKDOWN', 'r.md');
    expect(problem.field).toBe('boilerplate');
    expect(problem.message).toMatch(/nested too deeply to render/);
  });

  it('guards the text version too', () => {
    const place = { file: 'r.md', field: 'body' };
    const error = thrown(() => withinStack(() => markdownToTextBlocks(emphasis, 'en'), place));
    expect(expectError(error, 'E_MARKDOWN', 'r.md').field).toBe('body');
  });

  it('lets other errors through as they are', () => {
    const bug = new TypeError('a bug');
    expect(() =>
      withinStack(
        () => {
          throw bug;
        },
        { file: 'r.md', field: 'body' },
      ),
    ).toThrow(bug);
  });
});
