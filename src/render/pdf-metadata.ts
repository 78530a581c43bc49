import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFDocument, PDFHexString, PDFName } from 'pdf-lib/dist/pdf-lib.esm.min.js';
import type { SaveOptions } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  /** BCP 47 tag, e.g. `fr-BE`. */
  lang: string;
  /** Creation and modification date: from SOURCE_DATE_EPOCH or the release date, never the clock. */
  date: Date;
  /** The generating tool, e.g. `presskit 0.1.0`. */
  creator: string;
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

/** Chrome's own clock times, the only part of its output that changes between equal runs. */
const CHROME_DATES = /\/(?:CreationDate|ModDate)\s*\(D:[^)]*\)/g;

/**
 * Chrome writes only /Title and its own clock time. This sets the rest of the Info
 * dictionary, /Lang, DisplayDocTitle and an XMP packet (PDF/UA reads dc:title from XMP),
 * and a file /ID derived from the content, so equal input gives equal bytes.
 * Chrome's structure tree and outline are kept: pdf-lib rewrites objects, not content.
 */
export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  if (Number.isNaN(meta.date.getTime())) throw new RangeError('PDF metadata date is invalid');
  // The /ID is a hash of what the document is made from (Chrome's output without its clock
  // times, and the metadata): stable for equal input, different for any change, as the PDF
  // spec intends, and known before the one save.
  const idSource = createHash('sha256')
    .update(Buffer.from(pdf).toString('latin1').replace(CHROME_DATES, ''), 'latin1')
    .update(JSON.stringify(meta));
  const id = PDFHexString.of(idSource.digest('hex').slice(0, 32));
  const doc = await PDFDocument.load(pdf, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  const producer = [doc.getProducer(), 'pdf-lib'].filter(Boolean).join('; ');

  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author !== undefined) doc.setAuthor(meta.author);
  if (meta.subject !== undefined) doc.setSubject(meta.subject);
  // pdf-lib joins keywords with spaces, which would merge multi-word keywords.
  if (meta.keywords.length > 0) doc.setKeywords([meta.keywords.join(', ')]);
  doc.setCreator(meta.creator);
  doc.setProducer(producer);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage(meta.lang);

  // Encoded here: pdf-lib would write a string's UTF-16 code units as single bytes.
  const xmp = doc.context.stream(new TextEncoder().encode(xmpPacket(meta, producer)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));

  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save(SAVE_OPTIONS);
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
