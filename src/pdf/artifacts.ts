/**
 * Chrome leaves some of what it paints outside any marked content: the page background and
 * the `@page` margin boxes (the page numbers). PDF/UA-1 (7.1, and Matterhorn 01-005) wants
 * all content either tagged or marked as an artifact; page furniture is an artifact. Every
 * graphics object painted outside marked content is wrapped in `/Artifact BMC … EMC`.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef } from 'pdf-lib/dist/pdf-lib.esm.min.js';
import type { PdfRevision } from './revision.js';
import { readObject } from './revision.js';

const OPEN = Buffer.from('/Artifact BMC\n', 'latin1');
const CLOSE = Buffer.from('\nEMC', 'latin1');

const PATH = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

/**
 * The new content stream of every page whose content had something painted outside marked
 * content, by the stream's reference. A stream that is not one Flate-encoded stream, or
 * that holds an inline image, is left as it is.
 */
export function artifactFixes(
  revision: PdfRevision,
  catalog: PDFDict,
  /** Content streams already rewritten in this update, read instead of Chrome's. */
  rewritten: ReadonlyMap<PDFRef, PDFObject> = new Map(),
): Map<PDFRef, PDFObject> {
  const fixes = new Map<PDFRef, PDFObject>();
  for (const page of pageDicts(revision, catalog.get(PDFName.of('Pages')), new Set())) {
    const ref = page.get(PDFName.of('Contents'));
    if (!(ref instanceof PDFRef)) continue;
    const stream = rewritten.get(ref) ?? readObject(revision, ref);
    if (!(stream instanceof PDFRawStream)) continue;
    if (stream.dict.get(PDFName.of('Filter')) !== PDFName.of('FlateDecode')) continue;
    if (stream.dict.has(PDFName.of('DecodeParms'))) continue;
    const marked = markArtifacts(inflateSync(stream.contents));
    if (!marked) continue;
    // Node's zlib, not pdf-lib's pako: the same bytes for the same input, ten times faster.
    fixes.set(ref, revision.context.stream(deflateSync(marked), { Filter: 'FlateDecode' }));
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
 * One token of a content stream (ISO 32000-1, 7.2 and 7.8.2), or white space or a comment.
 * A literal string with nested parentheses matches nothing, and the stream is then left
 * as it is: Chrome writes text as hex strings.
 */
const TOKEN =
  /[\0\t\n\f\r ]+|%[^\r\n]*|\((?:[^()\\]|\\[^])*\)|<<|>>|<[0-9A-Fa-f\0\t\n\f\r ]*>|[[\]{}]|\/[^\0\t\n\f\r ()<>[\]{}/%]*|[^\0\t\n\f\r ()<>[\]{}/%]+/y;
const OPERAND = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)|true|false|null)$/;

/**
 * `content` with every graphics object painted at marked-content depth 0 (a path up to its
 * painting operator, a text object, an XObject or shading) wrapped as an artifact; undefined
 * when there is none, or the stream cannot be read safely.
 */
export function markArtifacts(content: Buffer): Buffer | undefined {
  const text = content.toString('latin1');
  const inserts: number[] = [];
  let depth = 0;
  let operandsAt: number | undefined;
  let pathAt: number | undefined;
  let textAt: number | undefined;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) return undefined;
    const token = match[0];
    const first = token.charCodeAt(0);
    // White space (all codes up to the space) and comments separate tokens only.
    if (first <= 32 || first === 37) continue;
    // Strings, names, arrays, dictionaries and numbers are operands.
    if (
      first === 40 ||
      first === 60 ||
      first === 62 ||
      first === 47 ||
      first === 91 ||
      first === 93
    ) {
      operandsAt ??= start;
      continue;
    }
    if (OPERAND.test(token)) {
      operandsAt ??= start;
      continue;
    }
    const opAt = operandsAt ?? start;
    const end = start + token.length;
    operandsAt = undefined;
    if (token === 'BDC' || token === 'BMC') {
      if (depth === 0 && (textAt !== undefined || pathAt !== undefined)) return undefined;
      depth++;
    } else if (token === 'EMC') {
      if (depth === 0) return undefined;
      depth--;
    } else if (token === 'BI' || token === 'ID') {
      return undefined;
    } else if (depth > 0) {
      continue;
    } else if (token === 'BT') {
      textAt = opAt;
    } else if (textAt !== undefined) {
      if (token === 'ET') {
        inserts.push(textAt, end);
        textAt = undefined;
      }
    } else if (PATH.has(token)) {
      pathAt ??= opAt;
    } else if (PAINT.has(token)) {
      inserts.push(pathAt ?? opAt, end);
      pathAt = undefined;
    } else if (token === 'n') {
      pathAt = undefined;
    } else if (token === 'Do' || token === 'sh') {
      inserts.push(opAt, end);
    }
  }
  if (inserts.length === 0 || depth !== 0 || textAt !== undefined) return undefined;
  const parts: Buffer[] = [];
  let from = 0;
  inserts.forEach((at, index) => {
    parts.push(content.subarray(from, at), index % 2 === 0 ? OPEN : CLOSE);
    from = at;
  });
  parts.push(content.subarray(from));
  return Buffer.concat(parts);
}
