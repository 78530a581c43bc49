/**
 * A QR code that carries a whole vCard, so a journalist can add the contact by pointing a
 * phone at the printed page or the screen.
 */
import QRCode from 'qrcode';

/**
 * Inline SVG of `vcard` encoded as UTF-8 bytes, error correction M (15 %, enough for print
 * smudges without growing the code much), with the standard 4-module quiet zone.
 *
 * The SVG has a viewBox in modules and no pixel width or height, so CSS sizes it without
 * resampling, and `shape-rendering="crispEdges"` keeps module edges sharp. The caller adds
 * `role="img"` and an accessible label. Rejects when the text is too long for any QR version.
 */
export async function vcardQrSvg(vcard: string): Promise<string> {
  const svg = await QRCode.toString(vcard, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  // qrcode writes these today; a future version that changes them must not slip through.
  if (!svg.includes('viewBox=') || / (?:width|height)="/u.test(svg.slice(0, svg.indexOf('>')))) {
    throw new Error('qrcode produced an SVG without a viewBox or with a fixed size');
  }
  return svg.includes('shape-rendering=')
    ? svg
    : svg.replace('<svg ', '<svg shape-rendering="crispEdges" ');
}
