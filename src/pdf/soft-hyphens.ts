/** A marked-content span's replacement text, as Chrome writes it: UTF-16BE in hex. */
const ACTUAL_TEXT = /\/ActualText <FEFF((?:[0-9A-F]{4})*)>/g;
const SOFT_HYPHEN = '00AD';

/**
 * Hyphenated print (see markdown/hyphenate.ts) leaves a soft hyphen at every break
 * opportunity, and Chrome writes each unused one into the PDF's text as U+00AD: copied or
 * searched, "gouvernement" reads "gou\u00ADver\u00ADne\u00ADment". This gives those
 * marked-content spans (and ligatures that span one: "f\u00ADf") ActualText without it, so
 * the text holds the words whole; the hyphen drawn where a line does break stays, as in any
 * hyphenated PDF. `content` is a content stream, one character per byte; undefined when it
 * has no such span.
 */
export function withoutSoftHyphens(content: string): string | undefined {
  if (!content.includes(`${SOFT_HYPHEN}>`) && !content.includes(`${SOFT_HYPHEN}0`)) {
    return undefined;
  }
  let changed = false;
  const text = content.replace(ACTUAL_TEXT, (span, hex: string) => {
    const units = (hex.match(/.{4}/g) ?? []).filter((unit) => unit !== SOFT_HYPHEN);
    if (units.length * 4 === hex.length) return span;
    changed = true;
    // No text left (a lone soft hyphen): an empty string, "this glyph is no text".
    return units.length === 0 ? '/ActualText ()' : `/ActualText <FEFF${units.join('')}>`;
  });
  return changed ? text : undefined;
}
