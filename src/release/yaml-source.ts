import { LineCounter, parseDocument, isNode, isScalar } from 'yaml';
import type { Problem } from '../errors.js';
import { PresskitError } from '../errors.js';
import { yamlHint } from './yaml-hints.js';

/** Frontmatter larger than this is refused: it is metadata, not content. */
export const MAX_FRONTMATTER_BYTES = 64 * 1024;

export type FieldPath = readonly (string | number)[];

/** Parsed YAML that can still tell which line a field came from. */
export interface YamlSource {
  data: unknown;
  /** 1-based line in the original file of the field at `path`, when it exists. */
  lineOf(path: FieldPath): number | undefined;
  /** The source text of the scalar at `path` as written (quotes, escapes), and where it starts. */
  sourceOf(path: FieldPath): SourceText | undefined;
}

export interface SourceText {
  text: string;
  /** 1-based line and column in the file of the text's first character. */
  line: number;
  column: number;
}

/**
 * Parses YAML safely: the failsafe schema keeps every scalar a string exactly as written
 * (no octal, boolean or date coercion: the schema decides what a value means), and
 * alias expansion is capped so a "billion laughs" document is refused.
 *
 * `firstLine` is the 1-based line of the YAML text within its file.
 */
export function parseYaml(text: string, file: string, firstLine = 1): YamlSource {
  if (Buffer.byteLength(text) > MAX_FRONTMATTER_BYTES) {
    throw new PresskitError('E_YAML', {
      file,
      line: firstLine,
      message: `frontmatter is larger than ${MAX_FRONTMATTER_BYTES} bytes`,
    });
  }
  const deepLine = tooDeepLine(text);
  if (deepLine !== undefined) {
    throw new PresskitError('E_YAML', {
      file,
      line: deepLine + firstLine - 1,
      message: `YAML nested more than ${MAX_DEPTH} levels deep`,
    });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    schema: 'failsafe',
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const toFileLine = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    const quoteLine = unclosedQuoteLine(text);
    const describe = (error: (typeof doc.errors)[number]): Problem =>
      /closing.*quote/i.test(error.message) && quoteLine !== undefined
        ? {
            file,
            line: quoteLine + firstLine - 1,
            message: 'invalid YAML: this quoted value is never closed',
          }
        : {
            file,
            line: toFileLine(error.pos[0]),
            column: lineCounter.linePos(error.pos[0]).col,
            message: `invalid YAML: ${firstSentence(error.message)}`,
          };
    const lines = text.split('\n');
    const hinted = new Set<number>();
    const problems: Problem[] = [];
    for (const error of doc.errors) {
      // One plain hint per line where a common mistake explains the parser's error.
      const line = lineCounter.linePos(error.pos[0]).line;
      const hint = yamlHint(lines[line - 1] ?? '');
      if (hint) {
        if (!hinted.has(line))
          problems.push({
            file,
            line: line + firstLine - 1,
            field: hint.field,
            message: hint.message,
          });
        hinted.add(line);
        continue;
      }
      problems.push(describe(error));
    }
    throw new PresskitError('E_YAML', problems);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PresskitError('E_YAML', {
      file,
      line: firstLine,
      message: /alias/i.test(reason)
        ? 'too many YAML aliases (refused as a resource-exhaustion attack)'
        : `invalid YAML: ${firstSentence(reason)}`,
    });
  }
  return {
    data,
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) return toFileLine(node.range[0]);
      }
      return undefined;
    },
    sourceOf(path) {
      const node = doc.getIn(path, true);
      if (!isScalar(node) || !node.range) return undefined;
      const [start, end] = node.range;
      return {
        text: text.slice(start, end),
        line: toFileLine(start),
        column: lineCounter.linePos(start).col,
      };
    },
  };
}

/** Deeper than this is no press release; the parser would exhaust its stack. */
export const MAX_DEPTH = 64;

/**
 * The 1-based line where flow collections (`[`, `{`) nest deeper than MAX_DEPTH, if they do.
 * Block nesting needs indentation, which the size cap already bounds.
 */
function tooDeepLine(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') {
      line++;
      continue;
    }
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      // A quote opens a scalar only at its start, not inside a word (it's).
      if (i === 0 || /[\s[{,:]/.test(text[i - 1] ?? '')) quote = char;
    } else if (char === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (char === '[' || char === '{') {
      if (++depth > MAX_DEPTH) return line;
    } else if (char === ']' || char === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** An unclosed quote is reported where the input ends; the author needs where it opens. */
function unclosedQuoteLine(text: string): number | undefined {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const value =
      /^\s*(?:-\s+)?[^:#]*:\s+(["'])(.*)$/.exec(lines[index] ?? '') ??
      /^\s*-\s+(["'])(.*)$/.exec(lines[index] ?? '');
    if (!value) continue;
    const [, quote, rest = ''] = value;
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : rest.replace(/''/g, '').includes("'");
    if (!closed) return index + 1;
  }
  return undefined;
}

function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
