/** ASCII slugs for file and folder names that every zip tool and file system accepts. */

/** Letters that do not decompose into an ASCII base letter plus accents. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** `Amélie Dupré-Lefèvre` → `amelie-dupre-lefevre`; may be empty for non-Latin text. */
export function asciiSlug(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/gu, (char) => TRANSLITERATIONS[char] ?? '')
    // O'Neill → oneill rather than o-neill.
    .replace(/['’]/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return slug.slice(0, maxLength).replace(/-+$/u, '');
}

/**
 * Device names Windows refuses for a file or folder, with any extension and in any case:
 * a kit holding `con/` or `aux.png` cannot be unpacked there. Windows also drops trailing
 * dots and spaces, so `con.` and `con ` are the device too.
 */
export const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/iu;

export function isWindowsReserved(name: string): boolean {
  return WINDOWS_RESERVED.test(name.split('.', 1)[0]?.replace(/[. ]+$/u, '') ?? '');
}

/** `slug`, or `slug-<kind>` when Windows reserves it: `con` → `con-release`. */
export function unreservedSlug(slug: string, kind: string): string {
  return isWindowsReserved(slug) ? `${slug}-${kind}` : slug;
}
