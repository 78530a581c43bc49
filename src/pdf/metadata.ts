import { createHash } from 'node:crypto';
import {
  ParseSpeeds,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
} from 'pdf-lib/dist/pdf-lib.esm.min.js';
import type { PDFContext, PDFObject, PDFRawStream, SaveOptions } from 'pdf-lib';
import { contentStreamUpdates } from './content-streams.js';
import { renumberNodeIds } from './node-ids.js';
import { structureFixes } from './structure.js';
import { outlineTitleUpdates } from './outline-titles.js';
import { qrCodeUpdates, replaceQrStandIns } from './qr-codes.js';
import type { QrModules } from '../contacts/qr.js';
import type { PdfRevision } from './revision.js';
import {
  appendUpdate,
  nextObjectNumber,
  objectRange,
  readObject,
  readRevision,
} from './revision.js';

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  /** BCP 47 tag, e.g. `fr-BE`. */
  lang: string;
  /**
   * The bookmarks' titles in document order, in logical order, when Chrome's would be
   * wrong (right-to-left headings, see `outlineTitleUpdates`).
   */
  outlineTitles?: readonly string[];
  /** Creation and modification date: from SOURCE_DATE_EPOCH or the release date, never the clock. */
  date: Date;
  /** The generating tool, e.g. `presskit 0.1.0`. */
  creator: string;
  /**
   * The QR codes the print version shows as stand-ins, by the index each stand-in carries
   * (html/qr-stand-in.ts): drawn into the PDF in their place.
   */
  qrCodes?: readonly QrModules[];
}

/**
 * Fixed options so that the same document always serialises to the same bytes. Object
 * streams cost some milliseconds to write but keep the file about a quarter smaller.
 */
const SAVE_OPTIONS: SaveOptions = {
  useObjectStreams: true,
  addDefaultPage: false,
  // pdf-lib otherwise pauses on a timer every 50 objects, for a browser's sake: here it
  // only makes every PDF wait some milliseconds for nothing.
  objectsPerTick: Infinity,
};

/**
 * Chrome's own clock times, which change between equal runs (as its node ids do: see
 * pdf-node-ids.ts).
 */
const CHROME_DATES = /\/(?:CreationDate|ModDate)\s*\((D:[^)]*)\)/g;

/**
 * Chrome writes only /Title and its own clock time. This sets the rest of the Info
 * dictionary, /Lang, DisplayDocTitle and an XMP packet (PDF/UA reads dc:title from XMP),
 * and a file /ID derived from the content, so equal input gives equal bytes.
 *
 * Chrome's file is extended with an incremental update (the new Info, Catalog and XMP
 * objects appended): its structure tree, outline and pages stay byte for byte as Chrome
 * wrote them, and nothing is parsed but the two objects replaced. A file of another
 * layout is rewritten whole by pdf-lib instead, which gives the same metadata. In Chrome's
 * file the structure tree's node ids are renumbered first, in place: no offset moves.
 */
export async function setPdfMetadata(printed: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  if (Number.isNaN(meta.date.getTime())) throw new RangeError('PDF metadata date is invalid');
  // One copy, written over in place from here on: the caller's bytes stay as they were.
  const pdf = Buffer.from(printed);
  const revision = readRevision(pdf);
  // Only in what Chrome wrote: its literal strings are escaped, which no other file promises.
  if (revision) renumberNodeIds(pdf);
  return (revision && appendMetadata(pdf, revision, meta)) ?? rewriteWithMetadata(pdf, meta);
}

/** The update appended to `pdf`, read as `chrome`; `pdf` gets the document's date in place. */
function appendMetadata(
  pdf: Buffer,
  chrome: PdfRevision,
  meta: PdfMetadata,
): Uint8Array | undefined {
  const rootRef = chrome.trailer.get(PDFName.of('Root'));
  const infoRef = chrome.trailer.get(PDFName.of('Info'));
  if (!(rootRef instanceof PDFRef) || !(infoRef instanceof PDFRef)) return undefined;
  const catalog = readObject(chrome, rootRef);
  const oldInfo = readObject(chrome, infoRef);
  if (!(catalog instanceof PDFDict) || !(oldInfo instanceof PDFDict)) return undefined;
  // The replaced Info object stays in the file: its clock times become the document's
  // date (same length, so no offset moves), and equal input gives equal bytes.
  const infoRange = objectRange(chrome, infoRef);
  if (!infoRange || !fixClockTimes(pdf, infoRange, meta.date)) return undefined;
  const { context } = chrome;

  const producer = producerOf(oldInfo.get(PDFName.of('Producer')));
  const info = context.obj({});
  for (const [key, value] of infoEntries(meta, producer)) info.set(PDFName.of(key), value);

  let next = nextObjectNumber(chrome);
  const xmpRef = PDFRef.of(next++);
  const xmp = xmpStream(context, meta, producer);
  // PDF/UA: the tags fixed, page furniture marked and unused soft hyphens out of the text
  // (see structure.ts and content-streams.ts).
  const fixes = new Map([
    ...structureFixes(chrome, catalog, () => PDFRef.of(next++)),
    ...contentStreamUpdates(chrome, catalog),
    ...qrCodeUpdates(chrome, catalog, meta.qrCodes ?? []),
  ]);
  if (fixes.has(rootRef) || fixes.has(infoRef)) return undefined;
  const updatedCatalog = catalog.clone(context);
  updatedCatalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  updatedCatalog.set(PDFName.of('Metadata'), xmpRef);
  const preferences = updatedCatalog.get(PDFName.of('ViewerPreferences'));
  if (preferences !== undefined && !(preferences instanceof PDFDict)) return undefined;
  const viewer = preferences?.clone(context) ?? context.obj({});
  viewer.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  updatedCatalog.set(PDFName.of('ViewerPreferences'), viewer);

  const id = fileId(pdf, meta);
  const outline = meta.outlineTitles
    ? outlineTitleUpdates(chrome, catalog, meta.outlineTitles)
    : new Map<PDFRef, PDFObject>();
  return appendUpdate(
    chrome,
    new Map<PDFRef, PDFObject>([
      ...fixes,
      [infoRef, info],
      [rootRef, updatedCatalog],
      [xmpRef, xmp],
      ...outline,
    ]),
    new Map([['ID', context.obj([id, id])]]),
  );
}

/** The whole file parsed and written again, for PDFs not laid out as Chrome writes them. */
async function rewriteWithMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const withoutClock = Buffer.from(
    Buffer.from(pdf).toString('latin1').replace(CHROME_DATES, ''),
    'latin1',
  );
  const id = fileId(withoutClock, meta);
  const doc = await PDFDocument.load(pdf, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  const { context } = doc;
  replaceQrStandIns(context, meta.qrCodes ?? []);
  const existing = context.trailerInfo.Info;
  const info = existing ? context.lookup(existing, PDFDict) : context.obj({});
  if (!existing) context.trailerInfo.Info = context.register(info);
  const producer = producerOf(info.get(PDFName.of('Producer')));
  for (const [key, value] of infoEntries(meta, producer)) info.set(PDFName.of(key), value);
  doc.setLanguage(meta.lang);
  doc.catalog.getOrCreateViewerPreferences().setDisplayDocTitle(true);
  const xmp = xmpStream(doc.context, meta, producer);
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save(SAVE_OPTIONS);
}

/** The Info dictionary's entries, encoded as pdf-lib's own setters encode them. */
function infoEntries(meta: PdfMetadata, producer: string): [string, PDFObject][] {
  const text = (value: string): PDFHexString => PDFHexString.fromText(value);
  return [
    ['Title', text(meta.title)],
    ...(meta.author !== undefined ? [['Author', text(meta.author)] as [string, PDFObject]] : []),
    ...(meta.subject !== undefined ? [['Subject', text(meta.subject)] as [string, PDFObject]] : []),
    ...(meta.keywords.length > 0
      ? [['Keywords', text(meta.keywords.join(', '))] as [string, PDFObject]]
      : []),
    ['Creator', text(meta.creator)],
    ['Producer', text(producer)],
    ['CreationDate', PDFString.fromDate(meta.date)],
    ['ModDate', PDFString.fromDate(meta.date)],
  ];
}

/** Chrome's producer (`Skia/PDF m…`), then the library that wrote the metadata. */
function producerOf(chromeProducer: PDFObject | undefined): string {
  const chrome =
    chromeProducer instanceof PDFString || chromeProducer instanceof PDFHexString
      ? chromeProducer.decodeText()
      : '';
  return [chrome, 'pdf-lib'].filter(Boolean).join('; ');
}

function xmpStream(context: PDFContext, meta: PdfMetadata, producer: string): PDFRawStream {
  // Encoded here: pdf-lib would write a string's UTF-16 code units as single bytes.
  return context.stream(new TextEncoder().encode(xmpPacket(meta, producer)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
}

/**
 * The /ID is a hash of what the document is made from (Chrome's output with its clock times
 * fixed or removed, and the metadata): stable for equal input, different for any change,
 * as the PDF spec intends, and known before the file is written.
 */
function fileId(bytes: Uint8Array, meta: PdfMetadata): PDFHexString {
  const hash = createHash('sha256').update(bytes).update(JSON.stringify(meta));
  return PDFHexString.of(hash.digest('hex').slice(0, 32));
}

/**
 * Makes the /CreationDate and /ModDate of the Info object at `range` read `date` instead of
 * Chrome's clock, in place, in Chrome's own format so the length stays the same. False
 * (and nothing written) if they are not written that way.
 */
function fixClockTimes(bytes: Buffer, range: { start: number; end: number }, date: Date): boolean {
  const text = bytes.toString('latin1', range.start, range.end);
  const fixed = `D:${date.toISOString().replace(/\D/g, '').slice(0, 14)}+00'00'`;
  const clocks = [...text.matchAll(CHROME_DATES)];
  const at = clocks.map((match) => {
    const clock = match[1] ?? '';
    if (clock.length !== fixed.length || match.index === undefined) return undefined;
    return range.start + match.index + match[0].length - 1 - clock.length;
  });
  if (at.some((offset) => offset === undefined)) return false;
  for (const offset of at) bytes.write(fixed, offset ?? 0, 'latin1');
  return true;
}

/** An XMP packet mirroring the Info dictionary, in the Dublin Core, PDF and XMP schemas. */
export function xmpPacket(meta: PdfMetadata, producer: string): string {
  const date = xmpDate(meta.date);
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    '  xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '  xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"',
    '  xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${langAlt(meta.title, meta.lang)}</dc:title>`,
    ...(meta.author !== undefined ? [`<dc:creator>${seq(meta.author)}</dc:creator>`] : []),
    ...(meta.subject !== undefined
      ? [`<dc:description>${langAlt(meta.subject, meta.lang)}</dc:description>`]
      : []),
    ...(meta.keywords.length > 0
      ? [
          `<dc:subject>${bag(...meta.keywords)}</dc:subject>`,
          `<pdf:Keywords>${xmlText(meta.keywords.join(', '))}</pdf:Keywords>`,
        ]
      : []),
    `<dc:language>${bag(meta.lang)}</dc:language>`,
    `<pdf:Producer>${xmlText(producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xmlText(meta.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    // ISO 14289-1, 5: the file claims PDF/UA-1 (what presskit checks is in the README).
    '<pdfuaid:part>1</pdfuaid:part>',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ];
  return lines.join('\n');
}

/** x-default first (what readers show), then the same text tagged with the document language. */
function langAlt(text: string, lang: string): string {
  const value = xmlText(text);
  return (
    `<rdf:Alt><rdf:li xml:lang="x-default">${value}</rdf:li>` +
    `<rdf:li xml:lang="${xmlText(lang)}">${value}</rdf:li></rdf:Alt>`
  );
}

function seq(...items: string[]): string {
  return `<rdf:Seq>${items.map((item) => `<rdf:li>${xmlText(item)}</rdf:li>`).join('')}</rdf:Seq>`;
}

function bag(...items: string[]): string {
  return `<rdf:Bag>${items.map((item) => `<rdf:li>${xmlText(item)}</rdf:li>`).join('')}</rdf:Bag>`;
}

/** Second precision in UTC, e.g. `2016-10-05T00:00:00Z`. */
function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Escapes markup and drops characters XML 1.0 forbids (controls, lone surrogates). */
function xmlText(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
