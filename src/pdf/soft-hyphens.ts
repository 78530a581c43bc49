import { deflateSync, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib/dist/pdf-lib.esm.min.js';
import type { PDFObject } from 'pdf-lib';
import type { PdfRevision } from './revision.js';
import { readObject } from './revision.js';

/** A marked-content span's replacement text, as Chrome writes it: UTF-16BE in hex. */
const ACTUAL_TEXT = /\/ActualText <FEFF((?:[0-9A-F]{4})*)>/g;
const SOFT_HYPHEN = '00AD';

/**
 * Hyphenated print (see markdown/hyphenate.ts) leaves a soft hyphen at every break
 * opportunity, and Chrome writes each unused one into the PDF's text as U+00AD: copied or
 * searched, "gouvernement" reads "gou\u00ADver\u00ADne\u00ADment". This gives those
 * marked-content spans (and ligatures that span one: "f\u00ADf") ActualText without it in
 * every page's content stream, so the text holds the words whole; the hyphen drawn where a line does break stays, as in any
 * hyphenated PDF. Returns the replaced streams for an incremental update.
 */
export function softHyphenUpdates(chrome: PdfRevision, catalog: PDFDict): Map<PDFRef, PDFObject> {
  const updates = new Map<PDFRef, PDFObject>();
  const seen = new Set<string>();
  const visit = (node: PDFObject | undefined, depth: number): void => {
    if (!(node instanceof PDFRef) || seen.has(node.tag) || depth > 32) return;
    seen.add(node.tag);
    const dict = readObject(chrome, node);
    if (!(dict instanceof PDFDict)) return;
    const kids = dict.get(PDFName.of('Kids'));
    if (kids instanceof PDFArray) {
      for (const kid of kids.asArray()) visit(kid, depth + 1);
      return;
    }
    const contents = dict.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (ref instanceof PDFRef) replaceIn(chrome, ref, updates);
    }
  };
  visit(catalog.get(PDFName.of('Pages')), 0);
  return updates;
}

function replaceIn(chrome: PdfRevision, ref: PDFRef, updates: Map<PDFRef, PDFObject>): void {
  const stream = readObject(chrome, ref);
  if (!(stream instanceof PDFRawStream)) return;
  if (stream.dict.get(PDFName.of('Filter')) !== PDFName.of('FlateDecode')) return;
  if (stream.dict.has(PDFName.of('DecodeParms'))) return;
  // latin1 maps each byte to one character and back: the rest of the stream is untouched.
  const content = inflateSync(stream.contents).toString('latin1');
  if (!content.includes(`${SOFT_HYPHEN}>`) && !content.includes(`${SOFT_HYPHEN}0`)) return;
  let changed = false;
  const text = content.replace(ACTUAL_TEXT, (span, hex: string) => {
    const units = (hex.match(/.{4}/g) ?? []).filter((unit) => unit !== SOFT_HYPHEN);
    if (units.length * 4 === hex.length) return span;
    changed = true;
    // No text left (a lone soft hyphen): an empty string, "this glyph is no text".
    return units.length === 0 ? '/ActualText ()' : `/ActualText <FEFF${units.join('')}>`;
  });
  if (!changed) return;
  const replaced = deflateSync(Buffer.from(text, 'latin1'));
  const dict = stream.dict.clone(chrome.context);
  dict.set(PDFName.of('Length'), PDFNumber.of(replaced.length));
  updates.set(ref, PDFRawStream.of(dict, replaced));
}
