import type { ImportedContact } from './contact-line.js';
import { parseContactLine } from './contact-line.js';
import type { CommuniqueWords } from './words.js';
import { COMMUNIQUE_WORDS, wordsOf } from './words.js';

/** A paragraph of the source: its text as read (for recognising) and as Markdown (for the body). */
export interface SourceBlock {
  text: string;
  markdown: string;
}

/** What was read from a communiqué, field by field; absent = not found in the text. */
export interface ImportedCommunique {
  lang?: string;
  kind?: string;
  region?: string;
  title?: string;
  dateline?: string;
  /** Markdown paragraphs. */
  body: string[];
  contacts: ImportedContact[];
}

// "Belgique - Le gouvernement…": a short place, a dash between spaces, then the lead.
const DATELINE = /^([^.!?\n]{1,60}?)\s+[-–—]\s+(\S[\s\S]*)$/u;
const SHORT_LINE = 80;

/**
 * Reads the shape IOM's communiqués have (the seed): a label line, a region line, the
 * headline, a "Place - " dateline opening the first paragraph, the body, and a closing
 * "for more information, contact …" sentence. Each part is optional; what is not found is
 * left out, for the report to name.
 */
export function readCommunique(blocks: readonly SourceBlock[], lang?: string): ImportedCommunique {
  const words = lang !== undefined ? wordsOf(lang) : guessWords(blocks);
  const result: ImportedCommunique = {
    body: [],
    contacts: [],
    ...(lang !== undefined ? { lang } : words ? { lang: words.lang } : {}),
  };
  const lines = [...blocks];
  // The closing contact sentence, wherever it is among the last paragraphs.
  if (words) {
    for (let index = lines.length - 1; index >= Math.max(0, lines.length - 3); index--) {
      const block = lines[index];
      const contacts = block && parseContactLine(block.text, words);
      if (contacts) {
        result.contacts = contacts;
        lines.splice(index, 1);
        break;
      }
    }
  }
  const leadIndex = lines.findIndex((block, index) => index > 0 && DATELINE.test(block.text));
  const headerEnd = leadIndex > 0 ? leadIndex : Math.min(1, lines.length);
  const header = lines.slice(0, headerEnd).flatMap(splitLines);
  const title = header.pop();
  if (title) result.title = title.text;
  readLabels(header, words, result);
  const body = lines.slice(headerEnd);
  const lead = body[0] && DATELINE.exec(body[0].text);
  if (lead?.[1] && body[0]) {
    result.dateline = lead[1].trim();
    body[0] = { text: lead[2] ?? '', markdown: stripDateline(body[0].markdown, lead[1]) };
  }
  result.body = body.map((block) => block.markdown).filter((markdown) => markdown !== '');
  return result;
}

/** The header block "Communiqué\nGlobal" is two lines of one paragraph. */
function splitLines(block: SourceBlock): SourceBlock[] {
  const texts = block.text.split('\n');
  const markdowns = block.markdown.split('\n');
  if (texts.length !== markdowns.length) return [block];
  return texts.map((text, index) => ({ text, markdown: markdowns[index] ?? text }));
}

function readLabels(
  header: SourceBlock[],
  words: CommuniqueWords | undefined,
  result: ImportedCommunique,
): void {
  const short = header.filter((line) => line.text.length <= SHORT_LINE);
  const [first, second] = short;
  if (!first) return;
  const isKind = (text: string): boolean =>
    (words ?? COMMUNIQUE_WORDS[0])?.kinds.includes(text.trim().toLowerCase()) ?? false;
  if (short.length >= 2 && second) {
    result.kind = first.text.trim();
    result.region = second.text.trim();
  } else if (isKind(first.text)) {
    result.kind = first.text.trim();
  } else {
    result.region = first.text.trim();
  }
}

function stripDateline(markdown: string, place: string): string {
  const index = markdown.indexOf(place.trim());
  const rest = index >= 0 ? markdown.slice(index + place.trim().length) : markdown;
  return rest.replace(/^\s+[-–—]\s+/u, '');
}

/** The language of the label or the closing sentence, the two places a communiqué names it. */
function guessWords(blocks: readonly SourceBlock[]): CommuniqueWords | undefined {
  const first = blocks[0]?.text.split('\n')[0]?.trim().toLowerCase();
  const byKind = COMMUNIQUE_WORDS.find(
    (words) => first !== undefined && words.kinds.includes(first),
  );
  if (byKind) return byKind;
  const tail = blocks.slice(-3);
  return COMMUNIQUE_WORDS.find((words) =>
    tail.some((block) => words.contactIntro.test(block.text)),
  );
}
