import { PresskitError } from '../errors.js';
import { readText } from './read-text.js';
import type { YamlSource } from './yaml-source.js';
import { parseYaml } from './yaml-source.js';

/** A release file split into unchecked frontmatter and Markdown body. */
export interface RawRelease {
  sourceFile: string;
  displayPath: string;
  frontmatter: YamlSource;
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
}

/** A file's frontmatter text and body, cut at its fences; nothing parsed yet. */
interface Fenced {
  yamlText: string;
  body: string;
  bodyLine: number;
}

const OPENING_FENCE = /^---([^\n]*)\n/;
/** A line of `---` alone (trailing blanks allowed) closes the frontmatter, as in Jekyll and Hugo. */
const CLOSING_FENCE = /\n---[ \t]*(?:\n|$)/g;

/**
 * Cuts a release at its fences. Written here rather than taken from gray-matter, which
 * presskit used before: gray-matter evaluates `---js` frontmatter with eval()
 * (CVE-2022-25863), and cutting at two fences is all presskit asked of it; it cost about
 * 85 µs a release and brought js-yaml's 100 kB into every run. Undefined if no fence closes
 * the frontmatter that `fence` (OPENING_FENCE's match) opens.
 */
function cutAtFences(text: string, fence: RegExpExecArray): Fenced | undefined {
  CLOSING_FENCE.lastIndex = fence[0].length - 1;
  const closing = CLOSING_FENCE.exec(text);
  if (!closing) return undefined;
  const bodyStart = closing.index + closing[0].length;
  return {
    // An empty frontmatter's closing fence starts at the opening fence's own newline.
    yamlText: text.slice(fence[0].length, Math.max(fence[0].length, closing.index)),
    body: text.slice(bodyStart),
    bodyLine: countLines(text, bodyStart) + 1,
  };
}

export async function loadRelease(sourceFile: string, displayPath: string): Promise<RawRelease> {
  const text = await readText(sourceFile, displayPath);
  return splitRelease(text, sourceFile, displayPath);
}

export function splitRelease(text: string, sourceFile: string, displayPath: string): RawRelease {
  const fail = (message: string, line?: number): PresskitError =>
    new PresskitError('E_FRONTMATTER', { file: displayPath, message, ...(line ? { line } : {}) });

  if (text.trim() === '') throw fail('empty file: expected YAML frontmatter between --- lines');
  const fence = OPENING_FENCE.exec(text);
  if (!fence) throw fail('no frontmatter: the file must start with a line "---"', 1);
  const language = (fence[1] ?? '').trim();
  if (language !== '' && language.toLowerCase() !== 'yaml') {
    throw fail(`frontmatter language "${language}" is refused: only YAML is read, never code`, 1);
  }
  const fenced = cutAtFences(text, fence);
  if (!fenced) throw fail('frontmatter is not closed: add a line "---" after it', 1);
  const { yamlText, body, bodyLine } = fenced;
  // The YAML starts on line 2, after the opening fence.
  const frontmatter = parseYaml(yamlText, displayPath, 2);
  return { sourceFile, displayPath, frontmatter, body, bodyLine };
}

/**
 * The body of a release whose frontmatter is not valid YAML: its own checks can still run,
 * so that the body's problems come in the same run. Undefined if it has no closed fence.
 */
export async function loadBody(
  sourceFile: string,
  displayPath: string,
): Promise<Pick<RawRelease, 'body' | 'bodyLine' | 'displayPath'> | undefined> {
  const text = await readText(sourceFile, displayPath);
  const fence = OPENING_FENCE.exec(text);
  const fenced = fence ? cutAtFences(text, fence) : undefined;
  return fenced && { displayPath, body: fenced.body, bodyLine: fenced.bodyLine };
}

/** Newlines in the first `end` characters of `text`. */
function countLines(text: string, end: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}
