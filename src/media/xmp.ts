/** The words a picture desk reads from a photo's file: caption, credit, copyright, alt text. */
export interface ImageWords {
  caption?: string | undefined;
  credit?: string | undefined;
  copyright?: string | undefined;
  alt?: string | undefined;
}

const NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
};

/**
 * An XMP packet with the IPTC Photo Metadata Core fields for these words: Description
 * (dc:description), Credit Line (photoshop:Credit), Copyright Notice (dc:rights, with
 * xmpRights:Marked) and Alt Text (Accessibility), or undefined when there are none. XMP
 * rather than IPTC IIM: it is UTF-8 by definition, and what IIM readers show too (the IPTC
 * standard maps the one onto the other; exiftool, Photo Mechanic, Lightroom read both).
 */
export function xmpPacket(words: ImageWords): string | undefined {
  const properties = [
    words.caption && langAlt('dc:description', words.caption),
    words.credit && `<photoshop:Credit>${escapeXml(words.credit)}</photoshop:Credit>`,
    words.copyright && langAlt('dc:rights', words.copyright),
    words.copyright && '<xmpRights:Marked>True</xmpRights:Marked>',
    words.alt && langAlt('Iptc4xmpCore:AltTextAccessibility', words.alt),
  ].filter((property): property is string => Boolean(property));
  if (properties.length === 0) return undefined;
  const xmlns = Object.entries(NAMESPACES)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about=""${xmlns}>`,
    ...properties,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
}

/** A language alternative: the text in the file's default language. */
function langAlt(name: string, value: string): string {
  return `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${name}>`;
}

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
