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
  return qrSvgOf(vcard);
}

/** A QR code's modules, quiet zone included: rows from the top, `true` for a dark module. */
export type QrModules = readonly (readonly boolean[])[];

/** One dark run of a row: `length` modules from column `x` of row `y`. */
export interface QrRun {
  x: number;
  y: number;
  length: number;
}

/** The modules of `vcard`'s code (as `vcardQrSvg` draws it), for the PDF to draw its own way. */
export function vcardQrModules(vcard: string): QrModules {
  return modulesOf(vcard);
}

/** The dark modules as horizontal runs, row by row: one filled rectangle each. */
export function qrRuns(modules: QrModules): QrRun[] {
  const runs: QrRun[] = [];
  modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end + 1]) end++;
      runs.push({ x, y, length: end - x + 1 });
      x = end;
    }
  });
  return runs;
}

// The same press officers sign release after release: each card is encoded once.
const modulesOf = memoized(
  (vcard: string): QrModules =>
    // One byte-mode segment: a vCard is mostly letters, where splitting into numeric and
    // alphanumeric runs would save a few modules at best. The mask is still the one with
    // the lowest ISO 18004 penalty; `qr` scores the eight with whole rows at a time, four
    // times as fast as `qrcode` did.
    encodeQR(vcard, 'raw', { ecc: 'medium', encoding: 'byte', border: QUIET_ZONE }),
  200,
);

const qrSvgOf = memoized((vcard: string): string => {
  const modules = modulesOf(vcard);
  const total = modules.length;
  const path = qrRuns(modules)
    .map(({ x, y, length }) => `M${x} ${y}h${length}v1h${-length}z`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="#fff"/>` +
    `<path fill="#000" d="${path}"/></svg>`
  );
}, 200);
