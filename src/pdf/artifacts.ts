/**
 * Chrome leaves some of what it paints outside any marked content: the page background and
 * the `@page` margin boxes (the page numbers). PDF/UA-1 (7.1, and Matterhorn 01-005) wants
 * all content either tagged or marked as an artifact; page furniture is an artifact. Every
 * graphics object painted outside marked content is wrapped in `/Artifact BMC … EMC`.
 */
import { inflateSync } from 'node:zlib';
import type { PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef } from 'pdf-lib/dist/pdf-lib.esm.min.js';
import type { PdfRevision } from './revision.js';
import { readObject } from './revision.js';

const OPEN = Buffer.from('/Artifact BMC\n', 'latin1');
const CLOSE = Buffer.from('\nEMC', 'latin1');

const PATH = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
/** PDF's white-space and delimiter characters (ISO 32000-1, 7.2.2), by code. */
const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((char) => char.charCodeAt(0)));

/**
 * The new content stream of every page whose content had something painted outside marked
 * content, by the stream's reference. A stream that is not one Flate-encoded stream, or
 * that holds an inline image, is left as it is.
 */
export function artifactFixes(revision: PdfRevision, catalog: PDFDict): Map<PDFRef, PDFObject> {
  const fixes = new Map<PDFRef, PDFObject>();
  for (const page of pageDicts(revision, catalog.get(PDFName.of('Pages')), new Set())) {
    const ref = page.get(PDFName.of('Contents'));
    if (!(ref instanceof PDFRef)) continue;
    const stream = readObject(revision, ref);
    if (!(stream instanceof PDFRawStream)) continue;
    if (stream.dict.get(PDFName.of('Filter')) !== PDFName.of('FlateDecode')) continue;
    if (stream.dict.has(PDFName.of('DecodeParms'))) continue;
    const marked = markArtifacts(inflateSync(stream.contents));
    if (!marked) continue;
    fixes.set(ref, revision.context.flateStream(marked, {}));
  }
  return fixes;
}

function* pageDicts(
  revision: PdfRevision,
  ref: PDFObject | undefined,
  seen: Set<PDFRef>,
): Generator<PDFDict> {
  if (!(ref instanceof PDFRef) || seen.has(ref)) return;
  seen.add(ref);
  const node = readObject(revision, ref);
  if (!(node instanceof PDFDict)) return;
  const kids = node.get(PDFName.of('Kids'));
  if (kids instanceof PDFArray) {
    for (const kid of kids.asArray()) yield* pageDicts(revision, kid, seen);
  } else {
    yield node;
  }
}

/**
 * `content` with every graphics object painted at marked-content depth 0 (a path up to its
 * painting operator, a text object, an XObject or shading) wrapped as an artifact; undefined
 * when there is none, or the stream cannot be read safely.
 */
export function markArtifacts(content: Buffer): Buffer | undefined {
  const text = content.toString('latin1');
  const inserts: { at: number; bytes: Buffer }[] = [];
  const wrap = (start: number, end: number): void => {
    inserts.push({ at: start, bytes: OPEN }, { at: end, bytes: CLOSE });
  };
  let depth = 0;
  let operandsAt: number | undefined;
  let pathAt: number | undefined;
  let textAt: number | undefined;
  let at = 0;
  while (at < text.length) {
    const char = text[at] ?? '';
    if (WHITE.has(text.charCodeAt(at))) {
      at++;
      continue;
    }
    const start = at;
    if (char === '%') {
      const eol = text.slice(at).search(/[\r\n]/);
      at = eol < 0 ? text.length : at + eol;
      continue;
    }
    if (char === '(') at = skipLiteral(text, at);
    else if (text.startsWith('<<', at) || text.startsWith('>>', at)) at += 2;
    else if (char === '<') at = text.indexOf('>', at) + 1;
    else if (char === '[' || char === ']' || char === '{' || char === '}') at++;
    else if (char === '/') at = endOfToken(text, at + 1);
    else {
      at = endOfToken(text, at);
      const word = text.slice(start, at);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || ['true', 'false', 'null'].includes(word)) {
        operandsAt ??= start;
        continue;
      }
      const opAt = operandsAt ?? start;
      operandsAt = undefined;
      if (word === 'BI' || word === 'ID') return undefined;
      if (word === 'BDC' || word === 'BMC') {
        if (depth === 0 && (textAt !== undefined || pathAt !== undefined)) return undefined;
        depth++;
      } else if (word === 'EMC') {
        if (depth === 0) return undefined;
        depth--;
      } else if (depth === 0) {
        if (word === 'BT') textAt = opAt;
        else if (word === 'ET' && textAt !== undefined) {
          wrap(textAt, at);
          textAt = undefined;
        } else if (textAt !== undefined) {
          // Inside a text object, which is wrapped whole.
        } else if (PATH.has(word)) pathAt ??= opAt;
        else if (PAINT.has(word)) {
          wrap(pathAt ?? opAt, at);
          pathAt = undefined;
        } else if (word === 'n') pathAt = undefined;
        else if (word === 'Do' || word === 'sh') wrap(opAt, at);
      }
      continue;
    }
    if (at <= start) return undefined;
    operandsAt ??= start;
  }
  if (inserts.length === 0 || depth !== 0 || textAt !== undefined) {
    return undefined;
  }
  const parts: Buffer[] = [];
  let from = 0;
  for (const insert of inserts) {
    parts.push(content.subarray(from, insert.at), insert.bytes);
    from = insert.at;
  }
  parts.push(content.subarray(from));
  return Buffer.concat(parts);
}

function endOfToken(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (WHITE.has(code) || DELIMITERS.has(code)) break;
    at++;
  }
  return at;
}

/** The end of the literal string opening at `from`: nested parentheses, backslash escapes. */
function skipLiteral(text: string, from: number): number {
  let nesting = 0;
  for (let at = from; at < text.length; at++) {
    const char = text[at];
    if (char === '\\') at++;
    else if (char === '(') nesting++;
    else if (char === ')' && --nesting === 0) return at + 1;
  }
  return from;
}
