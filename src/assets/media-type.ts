/** What a file's extension promises, and how to recognise the bytes that keep the promise. */
interface MediaKind {
  mediaType: string;
  label: string;
  isImage: boolean;
  matches(head: Buffer): boolean;
}

const startsWith = (head: Buffer, ...bytes: number[]): boolean =>
  bytes.every((byte, index) => head[index] === byte);
const ascii = (head: Buffer, offset: number, text: string): boolean =>
  head.subarray(offset, offset + text.length).toString('latin1') === text;
const isZip = (head: Buffer): boolean => startsWith(head, 0x50, 0x4b, 0x03, 0x04);
const isText = (head: Buffer): boolean => !head.includes(0);

const JPEG: MediaKind = {
  mediaType: 'image/jpeg',
  label: 'JPEG',
  isImage: true,
  matches: (h) => startsWith(h, 0xff, 0xd8, 0xff),
};
const office = (mediaType: string, label: string): MediaKind => ({
  mediaType,
  label,
  isImage: false,
  matches: isZip,
});

const KINDS: Record<string, MediaKind> = {
  jpg: JPEG,
  jpeg: JPEG,
  png: {
    mediaType: 'image/png',
    label: 'PNG',
    isImage: true,
    matches: (h) => startsWith(h, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  },
  gif: {
    mediaType: 'image/gif',
    label: 'GIF',
    isImage: true,
    matches: (h) => ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a'),
  },
  webp: {
    mediaType: 'image/webp',
    label: 'WebP',
    isImage: true,
    matches: (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP'),
  },
  svg: {
    mediaType: 'image/svg+xml',
    label: 'SVG',
    isImage: true,
    // `<svg:svg` too: a root may carry a prefix bound to the SVG namespace.
    matches: (h) => isText(h) && /<(?:[a-z_][\w.-]*:)?svg[\s>/]/i.test(h.toString('utf8')),
  },
  pdf: {
    mediaType: 'application/pdf',
    label: 'PDF',
    isImage: false,
    matches: (h) => ascii(h, 0, '%PDF-'),
  },
  docx: office('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'),
  xlsx: office('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel'),
  pptx: office(
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'PowerPoint',
  ),
  odt: office('application/vnd.oasis.opendocument.text', 'OpenDocument'),
  zip: office('application/zip', 'ZIP'),
  mp4: {
    mediaType: 'video/mp4',
    label: 'MP4',
    isImage: false,
    matches: (h) => ascii(h, 4, 'ftyp'),
  },
  mp3: {
    mediaType: 'audio/mpeg',
    label: 'MP3',
    isImage: false,
    matches: (h) => ascii(h, 0, 'ID3') || (h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0),
  },
  txt: { mediaType: 'text/plain', label: 'Text', isImage: false, matches: isText },
  csv: { mediaType: 'text/csv', label: 'CSV', isImage: false, matches: isText },
};

export const SNIFF_BYTES = 4096;

export type MediaVerdict =
  { ok: true; mediaType: string; label: string; isImage: boolean } | { ok: false; reason: string };

/** Checks that a file's first bytes are what its extension says. */
export function checkMediaType(extension: string, head: Buffer): MediaVerdict {
  const kind = KINDS[extension.toLowerCase()];
  if (!kind) {
    return {
      ok: false,
      reason: `file type ".${extension}" is not supported (use ${Object.keys(KINDS).join(', ')})`,
    };
  }
  if (!kind.matches(head)) {
    return { ok: false, reason: `the file's content is not ${kind.label}, as its extension says` };
  }
  return { ok: true, mediaType: kind.mediaType, label: kind.label, isImage: kind.isImage };
}
