import type { PDFObject } from 'pdf-lib';
import { PDFArray, PDFDict, PDFName, PDFRef } from 'pdf-lib/dist/pdf-lib.esm.min.js';
import type { PdfRevision } from './revision.js';
import { readObject } from './revision.js';

/** How deep a page tree may nest before it is taken for a loop (Chrome's is one level). */
const MAX_DEPTH = 32;

/** The page dictionaries of the tree under `ref` (the catalog's /Pages), in page order. */
export function* pageDicts(
  revision: PdfRevision,
  ref: PDFObject | undefined,
  seen: Set<PDFRef> = new Set(),
  depth = 0,
): Generator<PDFDict> {
  if (!(ref instanceof PDFRef) || seen.has(ref) || depth > MAX_DEPTH) return;
  seen.add(ref);
  const node = readObject(revision, ref);
  if (!(node instanceof PDFDict)) return;
  const kids = node.get(PDFName.of('Kids'));
  if (kids instanceof PDFArray) {
    for (const kid of kids.asArray()) yield* pageDicts(revision, kid, seen, depth + 1);
  } else {
    yield node;
  }
}

/** `value`, read from the revision when it is a reference. */
export function resolved(
  revision: PdfRevision,
  value: PDFObject | undefined,
): PDFObject | undefined {
  return value instanceof PDFRef ? readObject(revision, value) : value;
}
