import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { renderSocialCardHtml } from '../../src/html/social-card.js';
import { loadTheme } from '../../src/html/templates.js';
import { renderSocialCard } from '../../src/media/social-card.js';
import { SOCIAL_CARD } from '../../src/media/settings.js';
import { preparePrintPage } from '../../src/pdf/print-page.js';
import { examineRelease } from '../../src/release/schema.js';
import { loadRelease } from '../../src/release/load.js';
import type { Release } from '../../src/types.js';
import { BROWSER } from '../pdf/helpers.js';

async function release(frontmatter: string): Promise<Release> {
  const file = join(mkdtempSync(join(tmpdir(), 'presskit-card-')), 'card.md');
  writeFileSync(file, `---\n${frontmatter}\n---\n\nBody.\n`);
  const examined = examineRelease(await loadRelease(file, 'card.md'), 'card');
  if (!examined.release) throw new Error(JSON.stringify(examined.problems));
  return examined.release;
}

const LOGO = await sharp({
  create: { width: 300, height: 100, channels: 3, background: { r: 200, g: 30, b: 40 } },
})
  .png()
  .toBuffer();
const LOGO_SRC = `data:image/png;base64,${LOGO.toString('base64')}`;

async function cardHtml(frontmatter: string, logoSrc: string | undefined): Promise<string> {
  return renderSocialCardHtml({
    release: await release(frontmatter),
    theme: loadTheme(),
    logoSrc,
    width: SOCIAL_CARD.width,
    height: SOCIAL_CARD.height,
  });
}

const ENGLISH = `title: Acme Relief opens forty schools in the north
lang: en
date: 2026-11-27
organization:
  name: Acme Relief`;

describe('the social card', () => {
  // One browser, its pages prepared as the build's are (no script, only inline requests).
  const manager = new BrowserManager({
    executablePath: BROWSER,
    concurrency: 1,
    preparePage: preparePrintPage,
  });
  afterAll(() => manager.close());

  it('is a 1200 × 630 PNG with the headline, the logo and the accent rule, the same bytes each time', async () => {
    const html = await cardHtml(ENGLISH, LOGO_SRC);
    const png = await renderSocialCard(manager, html);
    expect(await renderSocialCard(manager, html)).toEqual(png);
    const dir = mkdtempSync(join(tmpdir(), 'presskit-card-'));
    writeFileSync(join(dir, 'card.png'), png);
    expect(execFileSync('file', ['-b', join(dir, 'card.png')], { encoding: 'utf8' })).toMatch(
      /^PNG image data, 1200 x 630,/,
    );
    const { data, info } = await sharp(png)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number): number[] => {
      const at = (y * info.width + x) * 3;
      return [data[at] ?? -1, data[at + 1] ?? -1, data[at + 2] ?? -1];
    };
    expect(pixel(600, 4)).toEqual([10, 74, 133]); // the accent rule, #0a4a85
    expect(pixel(150, 120)).toEqual([200, 30, 40]); // the logo, top left
    expect(pixel(1150, 120)).toEqual([255, 255, 255]);
    // The headline: dark ink across the middle band, none below the footer line.
    let ink = 0;
    for (let x = 80; x < 1120; x++)
      for (let y = 250; y < 450; y++) if ((pixel(x, y)[0] ?? 255) < 80) ink++;
    expect(ink).toBeGreaterThan(10_000);
  });

  it('shows the organisation by name when it has no logo, and headlines in Arabic right to left', async () => {
    const arabic = await cardHtml(
      'title: افتتاح أربعين مدرسة في الشمال\nlang: ar\ndate: 2026-11-27\norganization:\n  name: إغاثة',
      undefined,
    );
    expect(arabic).toContain('dir="rtl"');
    expect(arabic).toContain('<span>إغاثة</span>');
    // Amiri, the Arabic face, is among the card's fonts: no system fallback.
    expect(arabic).toMatch(/font-family:\s*'?Amiri/);
    const png = await renderSocialCard(manager, arabic);
    // Not blank (a clipped shot of a right-to-left document was): the accent rule, and the
    // headline's ink starting from the right.
    const { data, info } = await sharp(png)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(1200);
    expect([...data.subarray((4 * 1200 + 600) * 3, (4 * 1200 + 600) * 3 + 3)]).toEqual([
      10, 74, 133,
    ]);
    const ink = (from: number, to: number): number => {
      let count = 0;
      for (let x = from; x < to; x++)
        for (let y = 250; y < 470; y++) if ((data[(y * 1200 + x) * 3] ?? 255) < 80) count++;
      return count;
    };
    expect(ink(900, 1120)).toBeGreaterThan(2_000);
    expect(ink(0, 80)).toBe(0);
  });

  it('loads nothing from the network, and gives the page back at its own viewport', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const { port } = address;
    try {
      const before = await manager.withPage(async (page) => page.viewport());
      const html = (await cardHtml(ENGLISH, `http://127.0.0.1:${port}/logo.png`)).replace(
        '</body>',
        `<iframe src="http://127.0.0.1:${port}/frame"></iframe><link rel="stylesheet" href="http://127.0.0.1:${port}/x.css"></body>`,
      );
      await renderSocialCard(manager, html);
      expect(requests).toBe(0);
      expect(await manager.withPage(async (page) => page.viewport())).toEqual(before);
    } finally {
      server.close();
    }
  });
});
