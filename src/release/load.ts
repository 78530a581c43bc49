import matter from 'gray-matter';
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

const refuseCode = (): never => {
  // Reaching this means gray-matter tried to evaluate frontmatter as code.
  throw new Error('frontmatter engines other than YAML are disabled');
};

/**
 * gray-matter evaluates `---js` / `---javascript` frontmatter with eval() by default
 * (CVE-2022-25863); `engines: { js: false }` does not stop it. Throwing engines for both
 * names do, and YAML is handed back untouched so that `yaml` parses it safely instead.
 */
const matterOptions = {
  engines: {
    yaml: { parse: () => ({}), stringify: () => '' },
    js: { parse: refuseCode, stringify: refuseCode },
    javascript: { parse: refuseCode, stringify: refuseCode },
  },
};

const OPENING_FENCE = /^---([^\n]*)\n/;

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
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(fence[0].length - 1))) {
    throw fail('frontmatter is not closed: add a line "---" after it', 1);
  }

  const file = matter(text, matterOptions);
  if (file.language !== 'yaml') throw fail(`frontmatter language "${file.language}" is refused`, 1);
  // The YAML starts on line 2 (after the opening fence); gray-matter keeps its leading newline.
  const yamlText = file.matter.startsWith('\n') ? file.matter.slice(1) : file.matter;
  const frontmatter = parseYaml(yamlText, displayPath, 2);
  return { sourceFile, displayPath, frontmatter, ...bodyOf(text, file.content) };
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
  if (!OPENING_FENCE.test(text)) return undefined;
  // gray-matter only splits here: the YAML engine above parses nothing.
  return { displayPath, ...bodyOf(text, matter(text, matterOptions).content) };
}

function bodyOf(text: string, body: string): { body: string; bodyLine: number } {
  const bodyOffset = text.length - body.length;
  return { body, bodyLine: countLines(text.slice(0, bodyOffset)) + 1 };
}

function countLines(text: string): number {
  let lines = 0;
  for (const char of text) if (char === '\n') lines++;
  return lines;
}
