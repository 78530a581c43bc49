import { deflateSync, inflateSync } from 'node:zlib';
import type { PDFContext, PDFObject } from 'pdf-lib';
import { PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib/dist/pdf-lib.esm.min.js';
import type { QrModules } from '../contacts/qr.js';
import { qrRuns } from '../contacts/qr.js';
import { QR_STAND_IN_HEIGHT, QR_STAND_IN_WIDTH, qrStandInIndex } from '../html/qr-stand-in.js';
import { pageDicts, resolved } from './page-tree.js';
import type { PdfRevision } from './revision.js';

/** Form XObjects inside form XObjects: Chrome nests them for groups and opacity. */
const MAX_FORM_DEPTH = 8;

/**
 * The print version's QR stand-ins (html/qr-stand-in.ts), each replaced by a form XObject
 * that draws its code: the same object number, so the page's `/Xn Do` inside the Figure's
 * marked content now paints the code, in the box Chrome laid out for the image. A stand-in
 * whose index names no code is left as it is.
 */
export function qrCodeUpdates(
  revision: PdfRevision,
  catalog: PDFDict,
  codes: readonly QrModules[],
): Map<PDFRef, PDFObject> {
  const updates = new Map<PDFRef, PDFObject>();
  if (codes.length === 0) return updates;
  const seen = new Set<string>();
  const visit = (resources: PDFObject | undefined, depth: number): void => {
    const xobjects = resolved(revision, dictOf(revision, resources)?.get(PDFName.of('XObject')));
    if (!(xobjects instanceof PDFDict) || depth > MAX_FORM_DEPTH) return;
    for (const ref of xobjects.values()) {
      if (!(ref instanceof PDFRef) || seen.has(ref.tag)) continue;
      seen.add(ref.tag);
      const stream = resolved(revision, ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const subtype = stream.dict.get(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Form'))
        visit(stream.dict.get(PDFName.of('Resources')), depth + 1);
      const code = subtype === PDFName.of('Image') ? codes[standInIndex(stream) ?? -1] : undefined;
      if (code) updates.set(ref, qrForm(revision.context, code));
    }
  };
  for (const page of pageDicts(revision, catalog.get(PDFName.of('Pages')))) {
    visit(page.get(PDFName.of('Resources')), 0);
  }
  return updates;
}

function dictOf(revision: PdfRevision, value: PDFObject | undefined): PDFDict | undefined {
  const dict = resolved(revision, value);
  return dict instanceof PDFDict ? dict : undefined;
}

/** The index a stand-in image carries, as Chrome embeds it: raw or Flate-encoded RGB. */
function standInIndex(image: PDFRawStream): number | undefined {
  const number = (key: string): number | undefined => {
    const value = image.dict.get(PDFName.of(key));
    return value instanceof PDFNumber ? value.asNumber() : undefined;
  };
  if (number('Width') !== QR_STAND_IN_WIDTH || number('Height') !== QR_STAND_IN_HEIGHT) {
    return undefined;
  }
  if (number('BitsPerComponent') !== 8 || image.dict.has(PDFName.of('DecodeParms'))) {
    return undefined;
  }
  const filter = image.dict.get(PDFName.of('Filter'));
  if (filter === undefined) return qrStandInIndex(image.contents);
  if (filter !== PDFName.of('FlateDecode')) return undefined;
  try {
    return qrStandInIndex(inflateSync(image.contents));
  } catch {
    return undefined;
  }
}

/**
 * A form XObject drawing `modules` in the unit square, as the image it replaces fills it:
 * the white square, then one black rectangle per run of dark modules, as Chrome wrote the
 * code's SVG. Its matrix puts module rows top down, as an image's rows are painted.
 */
function qrForm(context: PDFContext, modules: QrModules): PDFRawStream {
  const size = modules.length;
  const content = formContent(modules);
  return PDFRawStream.of(
    context.obj({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, size, size],
      Matrix: [1 / size, 0, 0, -1 / size, 0, 1],
      Resources: {},
      Filter: 'FlateDecode',
      Length: content.length,
    }),
    content,
  );
}

/** Deflated once per code: the same contacts sign release after release. */
const formContents = new WeakMap<QrModules, Uint8Array>();

function formContent(modules: QrModules): Uint8Array {
  const kept = formContents.get(modules);
  if (kept) return kept;
  const size = modules.length;
  const runs = qrRuns(modules)
    .map(({ x, y, length }) => `${x} ${y} ${length} 1 re\n`)
    .join('');
  const content = deflateSync(`1 g\n0 0 ${size} ${size} re\nf\n0 g\n${runs}f\n`);
  formContents.set(modules, content);
  return content;
}

/** The same replacement in a document pdf-lib has parsed whole (a PDF not laid out as Chrome's). */
export function replaceQrStandIns(context: PDFContext, codes: readonly QrModules[]): void {
  if (codes.length === 0) return;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    if (object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const code = codes[standInIndex(object) ?? -1];
    if (code) context.assign(ref, qrForm(context, code));
  }
}
