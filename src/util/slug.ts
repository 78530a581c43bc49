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
