import { PDFDict, PDFHexString, PDFName, PDFRef } from 'pdf-lib/dist/pdf-lib.esm.min.js';
import type { PDFObject } from 'pdf-lib';
import type { PdfRevision } from './revision.js';
import { readObject } from './revision.js';

/**
 * Chrome titles a bookmark with its heading's words in the order they are laid out on the
 * line, so a right-to-left heading's bookmark reads backwards ("السودان في ... المنظمة").
 * This gives each outline item, in document order, the heading text in logical order:
 * the replaced items for an incremental update, or none when the outline and `titles` do
 * not match one to one (the outline is then left as Chrome wrote it).
 */
export function outlineTitleUpdates(
  chrome: PdfRevision,
  catalog: PDFDict,
  titles: readonly string[],
): Map<PDFRef, PDFObject> {
  const updates = new Map<PDFRef, PDFObject>();
  const outlines = catalog.get(PDFName.of('Outlines'));
  const root = outlines instanceof PDFRef ? readObject(chrome, outlines) : undefined;
  if (!(root instanceof PDFDict)) return updates;
  const items: [PDFRef, PDFDict][] = [];
  const seen = new Set<string>();
  const walk = (first: PDFObject | undefined): boolean => {
    for (let ref = first; ref !== undefined;) {
      if (!(ref instanceof PDFRef) || seen.has(ref.tag) || items.length > titles.length) {
        return false;
      }
      seen.add(ref.tag);
      const item = readObject(chrome, ref);
      if (!(item instanceof PDFDict)) return false;
      items.push([ref, item]);
      if (!walk(item.get(PDFName.of('First')))) return false;
      ref = item.get(PDFName.of('Next'));
    }
    return true;
  };
  if (!walk(root.get(PDFName.of('First'))) || items.length !== titles.length) return updates;
  items.forEach(([ref, item], index) => {
    const updated = item.clone(chrome.context);
    updated.set(PDFName.of('Title'), PDFHexString.fromText(titles[index] ?? ''));
    updates.set(ref, updated);
  });
  return updates;
}
