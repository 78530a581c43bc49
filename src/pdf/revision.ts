/**
 * Reading the last revision of a PDF and appending an incremental update to it
 * (ISO 32000-1, 7.5.6): new versions of some objects, a cross-reference section for them
 * and a trailer pointing back to the previous one. The bytes before stay as they are.
 * pdf-lib parses and serialises the objects; only the file's framing is written here.
 */
import type { PDFObject } from 'pdf-lib';
import type { PDFRef } from 'pdf-lib/dist/pdf-lib.esm.min.js';
import {
  PDFContext,
  PDFCrossRefSection,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFTrailerDict,
} from 'pdf-lib/dist/pdf-lib.esm.min.js';

export interface PdfRevision {
  bytes: Uint8Array;
  /** Where the last cross-reference table starts: the update's /Prev. */
  xrefOffset: number;
  /** Byte offset of every object in use, by object number. */
  offsets: ReadonlyMap<number, number>;
  trailer: PDFDict;
  context: PDFContext;
}

/**
 * The last revision of a file written as one body, one cross-reference table and one
 * trailer, as Chrome writes it. Anything else (cross-reference streams, a file updated
 * before, encryption) gives undefined: the caller then rewrites the whole file instead.
 */
export function readRevision(bytes: Uint8Array): PdfRevision | undefined {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!end) return undefined;
  const xrefOffset = Number(end[1]);
  if (latin1(bytes, xrefOffset, xrefOffset + 4) !== 'xref') return undefined;
  const trailerAt = view(bytes).indexOf('trailer', xrefOffset, 'latin1');
  if (trailerAt < 0) return undefined;
  const offsets = parseXrefTable(latin1(bytes, xrefOffset + 4, trailerAt));
  const context = PDFContext.create();
  const trailer = parseAt(bytes, trailerAt + 'trailer'.length, context);
  if (!offsets || !(trailer instanceof PDFDict)) return undefined;
  if (!(trailer.get(PDFName.of('Size')) instanceof PDFNumber)) return undefined;
  if (['Encrypt', 'Prev', 'XRefStm'].some((key) => trailer.has(PDFName.of(key)))) return undefined;
  return { bytes, xrefOffset, offsets, trailer, context };
}

/** The object `ref` as this revision has it, or undefined if it is not there as expected. */
export function readObject(revision: PdfRevision, ref: PDFRef): PDFObject | undefined {
  const range = objectRange(revision, ref);
  return range && parseAt(revision.bytes, range.bodyStart, revision.context);
}

/** Where the object `ref` is written: from its `N G obj` header to its `endobj`. */
export function objectRange(
  revision: PdfRevision,
  ref: PDFRef,
): { start: number; bodyStart: number; end: number } | undefined {
  const start = revision.offsets.get(ref.objectNumber);
  if (start === undefined) return undefined;
  const header = /^(\d+)\s+(\d+)\s+obj\b/.exec(latin1(revision.bytes, start, start + 40));
  if (
    !header?.[1] ||
    Number(header[1]) !== ref.objectNumber ||
    Number(header[2]) !== ref.generationNumber
  ) {
    return undefined;
  }
  const end = view(revision.bytes).indexOf('endobj', start, 'latin1');
  return end < 0 ? undefined : { start, bodyStart: start + header[0].length, end };
}

/** The revision's bytes followed by an update that replaces or adds `objects`. */
export function appendUpdate(
  revision: PdfRevision,
  objects: ReadonlyMap<PDFRef, PDFObject>,
  trailerEntries: ReadonlyMap<string, PDFObject>,
): Uint8Array {
  const parts: Uint8Array[] = [revision.bytes];
  let offset = revision.bytes.length;
  const push = (part: Uint8Array): void => {
    parts.push(part);
    offset += part.length;
  };
  // The update begins on a line of its own.
  if (revision.bytes[revision.bytes.length - 1] !== 0x0a) push(ascii('\n'));
  const xref = PDFCrossRefSection.create();
  // A cross-reference section lists its objects in ascending order.
  const sorted = [...objects].sort(([a], [b]) => a.objectNumber - b.objectNumber);
  let size = numberValue(revision.trailer.get(PDFName.of('Size')));
  for (const [ref, object] of sorted) {
    xref.addEntry(ref, offset);
    push(ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
    push(serialise(object));
    push(ascii('\nendobj\n'));
    size = Math.max(size, ref.objectNumber + 1);
  }
  const xrefStart = offset;
  const trailer = revision.trailer.clone(revision.context);
  for (const [key, value] of trailerEntries) trailer.set(PDFName.of(key), value);
  trailer.set(PDFName.of('Size'), PDFNumber.of(size));
  trailer.set(PDFName.of('Prev'), PDFNumber.of(revision.xrefOffset));
  push(serialise(xref));
  push(serialise(PDFTrailerDict.of(trailer)));
  push(ascii(`\nstartxref\n${xrefStart}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** The next object number free in this revision. */
export function nextObjectNumber(revision: PdfRevision): number {
  return numberValue(revision.trailer.get(PDFName.of('Size')));
}

/** Object number → offset of every object in use, from the entries between `xref` and `trailer`. */
function parseXrefTable(text: string): Map<number, number> | undefined {
  const tokens = text.trim().split(/\s+/);
  const offsets = new Map<number, number>();
  let index = 0;
  while (index < tokens.length) {
    const first = Number(tokens[index]);
    const count = Number(tokens[index + 1]);
    index += 2;
    if (!Number.isInteger(first) || !Number.isInteger(count)) return undefined;
    for (let entry = 0; entry < count; entry++, index += 3) {
      const [offset, , type] = tokens.slice(index, index + 3);
      if (type === 'n') offsets.set(first + entry, Number(offset));
      else if (type !== 'f') return undefined;
    }
  }
  return offsets;
}

function parseAt(bytes: Uint8Array, at: number, context: PDFContext): PDFObject | undefined {
  try {
    return PDFObjectParser.forBytes(bytes.subarray(at), context).parseObject();
  } catch {
    return undefined;
  }
}

function numberValue(object: PDFObject | undefined): number {
  return object instanceof PDFNumber ? object.asNumber() : 0;
}

function serialise(object: {
  sizeInBytes(): number;
  copyBytesInto(buffer: Uint8Array, offset: number): number;
}): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

function ascii(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return view(bytes).toString('latin1', start, end);
}

/** The same bytes as a Buffer, for its search and decoding, without a copy. */
function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
