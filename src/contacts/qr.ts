/**
 * A QR code that carries a whole vCard, so a journalist can add the contact by pointing a
 * phone at the printed page or the screen.
 */
import encodeQR from 'qr';
import { memoized } from '../util/memo.js';

const QUIET_ZONE = 4;

/**
 * The most bytes a QR code holds in byte mode at error correction M: version 40's 2,331
 * (ISO/IEC 18004, table 7). test/contacts/qr.test.ts holds `qr` to it.
 */
export const QR_MAX_BYTES = 2331;

/** How many bytes `text` is over what one QR code holds: 0 when it fits. */
export function qrOverflowBytes(text: string): number {
  return Math.max(0, Buffer.byteLength(text, 'utf8') - QR_MAX_BYTES);
}

/**
 * Inline SVG of `vcard` encoded as UTF-8 bytes, error correction M (15 %, enough for print
 * smudges without growing the code much), with the standard 4-module quiet zone.
 *
 * Modules are drawn as filled rectangles, one per horizontal run, not as strokes: a stroked
 * path comes out of Chrome's PDF printer as hairlines that scanners cannot read. The SVG has
 * a viewBox in modules and no fixed size, so CSS sizes it without resampling;
 * `shape-rendering="crispEdges"` keeps edges sharp on screen.
 * Rejects when the text is too long for any QR version: check qrOverflowBytes first.
 */
export async function vcardQrSvg(vcard: string): Promise<string> {
  // The same press officers sign release after release: each card is encoded once.
  return qrSvgOf(vcard);
}

const qrSvgOf = memoized((vcard: string): string => {
  // One byte-mode segment: a vCard is mostly letters, where splitting into numeric and
  // alphanumeric runs would save a few modules at best. The mask is still the one with the
  // lowest ISO 18004 penalty; `qr` scores the eight with whole rows at a time, four times
  // as fast as `qrcode` did.
  const modules = encodeQR(vcard, 'raw', { ecc: 'medium', encoding: 'byte', border: QUIET_ZONE });
  const total = modules.length;
  const runs: string[] = [];
  modules.forEach((row, y) => {
    for (let x = 0; x < total; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end + 1]) end++;
      runs.push(`M${x} ${y}h${end - x + 1}v1h${x - end - 1}z`);
      x = end;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join('')}"/></svg>`
  );
}, 200);
