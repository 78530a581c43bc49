import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QR_MAX_BYTES, qrOverflowBytes, vcardQrSvg } from '../../src/contacts/qr.js';

const work = mkdtempSync(join(tmpdir(), 'presskit-qr-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Renders the SVG in Chromium, as a browser would show it inline, and decodes the screenshot
 * with zbar. `-Sbinary` makes zbar print the payload bytes as they are instead of
 * guessing a character set; it then adds no trailing newline.
 */
function decodeSvg(svg: string, name: string): Buffer {
  const modules = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  expect(modules).toBeGreaterThan(20);
  const size = modules * 6;
  const html = join(work, `${name}.html`);
  const png = join(work, `${name}.png`);
  writeFileSync(
    html,
    `<!doctype html><html><body style="margin:0;background:#fff">` +
      `<div style="width:${size}px;height:${size}px">${svg}</div></body></html>`,
  );
  execFileSync(
    '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      `--user-data-dir=${join(work, `profile-${name}`)}`,
      `--window-size=${size},${size}`,
      `--screenshot=${png}`,
      `file://${html}`,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return execFileSync('/usr/bin/zbarimg', ['--raw', '-q', '-Sbinary', png], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('vcardQrSvg', () => {
  const vectors = ['A', 'B', 'C'].map((name) => ({
    name,
    vcard: readFileSync(`/work/shared/spec/vcard/vector-${name}.vcf`, 'utf8'),
  }));

  it('is a crisp, scalable SVG: viewBox, crispEdges, no pixel size', async () => {
    const svg = await vcardQrSvg(vectors[0]?.vcard ?? '');
    const openingTag = svg.slice(0, svg.indexOf('>') + 1);
    expect(openingTag).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
    expect(openingTag).toContain('shape-rendering="crispEdges"');
    expect(openingTag).not.toMatch(/\s(?:width|height)=/);
    // Modules are filled rectangles (strokes print as hairlines), and the quiet zone keeps
    // every dark module at least 4 modules in from each edge.
    expect(svg).not.toContain('stroke');
    const modules = /<path fill="#000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    const starts = [...modules.matchAll(/M(\d+) (\d+)/g)];
    expect(starts.length).toBeGreaterThan(20);
    expect(Math.min(...starts.map((match) => Number(match[1])))).toBe(4);
    expect(Math.min(...starts.map((match) => Number(match[2])))).toBe(4);
  });

  it.each(['A', 'B', 'C'])(
    'decodes (zbarimg) to vector %s exactly, accents included',
    async (name) => {
      const vcard = vectors.find((vector) => vector.name === name)?.vcard ?? '';
      expect(vcard).toMatch(/^BEGIN:VCARD\r\n/);
      const decoded = decodeSvg(await vcardQrSvg(vcard), name);
      expect(decoded.equals(Buffer.from(vcard, 'utf8'))).toBe(true);
    },
    180_000,
  );

  it('rejects text too long for any QR code', async () => {
    await expect(vcardQrSvg('x'.repeat(5000))).rejects.toThrow();
  });
});

describe('QR_MAX_BYTES: what build and check hold a card to is what qr can encode', () => {
  it('encodes QR_MAX_BYTES bytes, not one more', async () => {
    // Accents are two bytes each in UTF-8: the limit is in bytes, not characters.
    const fits = 'é'.repeat((QR_MAX_BYTES - 1) / 2) + 'x';
    expect(Buffer.byteLength(fits)).toBe(QR_MAX_BYTES);
    expect(qrOverflowBytes(fits)).toBe(0);
    const svg = await vcardQrSvg(fits);
    // Version 40: 177 modules, and the quiet zone on both sides.
    expect(svg).toContain('viewBox="0 0 185 185"');
    expect(decodeSvg(svg, 'largest').equals(Buffer.from(fits, 'utf8'))).toBe(true);
    expect(qrOverflowBytes(`${fits}y`)).toBe(1);
    await expect(vcardQrSvg(`${fits}y`)).rejects.toThrow(/capacity/i);
  }, 180_000);

  it('counts the overflow in bytes', () => {
    expect(qrOverflowBytes('é'.repeat(QR_MAX_BYTES))).toBe(QR_MAX_BYTES);
    expect(qrOverflowBytes('')).toBe(0);
  });
});
