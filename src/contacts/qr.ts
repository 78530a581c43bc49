/**
 * A QR code that carries a whole vCard, so a journalist can add the contact by pointing a
 * phone at the printed page or the screen.
 */
import QRCode from 'qrcode';

const QUIET_ZONE = 4;

/**
 * Inline SVG of `vcard` encoded as UTF-8 bytes, error correction M (15 %, enough for print
 * smudges without growing the code much), with the standard 4-module quiet zone.
 *
 * Modules are drawn as filled rectangles, one per horizontal run, not as strokes: a stroked
 * path (what `qrcode`'s own SVG writer emits) comes out of Chrome's PDF printer as hairlines
 * that scanners cannot read. The SVG has a viewBox in modules and no fixed size, so CSS sizes
 * it without resampling; `shape-rendering="crispEdges"` keeps edges sharp on screen.
 * Rejects when the text is too long for any QR version.
 */
export async function vcardQrSvg(vcard: string): Promise<string> {
  // One byte-mode segment: a vCard is mostly letters, where splitting into numeric and
  // alphanumeric runs saves a few modules at best, and searching for the split was half
  // the time of making the code.
  const bytes = Buffer.from(vcard, 'utf8');
  const qr = QRCode.create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const dark = (x: number, y: number): boolean => qr.modules.get(x, y) === 1;
  const runs: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!dark(x, y)) continue;
      let end = x;
      while (end + 1 < size && dark(end + 1, y)) end++;
      runs.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${end - x + 1}v1h${x - end - 1}z`);
      x = end;
    }
  }
  const total = size + 2 * QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="${total}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join('')}"/></svg>`
  );
}
