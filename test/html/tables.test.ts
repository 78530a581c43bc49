import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runAxe, withFile } from './chromium.js';
import type { BuiltProject } from './fixtures.js';
import { buildProject } from './fixtures.js';

const WIDE_COLUMNS = [
  'Harbour',
  'Volunteers',
  'Bottles',
  'Nets',
  'Tyres',
  'Trolleys',
  'Weight (kg)',
];

/** A table far wider than a phone, with left, centred and right-aligned columns. */
const RELEASE = `---
title: Clean-up figures by harbour
lang: en
date: 2026-11-27
---

The figures for every harbour.

| ${WIDE_COLUMNS.join(' | ')} |
| :--- | :---: | ---: | ---: | ---: | ---: | ---: |
| Portsmouth-on-the-Solent | 1,204 | 84,500 | 14 | 9 | 3 | 2,310.25 |
| Southampton Water | 830 | 61,200 | 9 | 12 | 1 | 1,904.5 |

The end.
`;

let browser: Browser;
let project: BuiltProject;

beforeAll(async () => {
  [browser, project] = await Promise.all([
    launchChromium(),
    buildProject('presskit-html-tables-', async (root) => {
      await mkdir(join(root, 'releases'), { recursive: true });
      await writeFile(join(root, 'releases', 'figures.md'), RELEASE);
    }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([browser?.close(), project?.cleanup()]);
});

const page = (): string => join(project.kitDir('figures'), 'index.html');

describe('tables', () => {
  it('keep GFM alignment as classes the theme applies, not the obsolete align attribute', async () => {
    const cells = await withFile(browser, page(), {}, (tab) =>
      tab.$$eval('tbody tr:first-child td', (tds) =>
        tds.map((td) => ({
          align: td.getAttribute('align'),
          textAlign: getComputedStyle(td).textAlign,
        })),
      ),
    );
    expect(cells.map((cell) => cell.align)).toEqual(Array(7).fill(null));
    // Unaligned columns start where the text's direction starts (left here, right in Arabic).
    expect(cells.map((cell) => cell.textAlign)).toEqual([
      'start',
      'center',
      'right',
      'right',
      'right',
      'right',
      'right',
    ]);
  });

  it('are valid HTML (html-validate, recommended and document presets)', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended', 'html-validate:document'],
    });
    const report = await validator.validateFile(page());
    expect(report.results.flatMap((result) => result.messages.map((m) => m.message))).toEqual([]);
  });

  it.each([320, 375])(
    'scroll inside their own box at %i px: the page is never wider than the phone',
    async (width) => {
      const seen = await withFile(browser, page(), { width, bypassCsp: true }, async (tab) => {
        const sizes = await tab.evaluate(() => {
          const box = document.querySelector('.table-scroll');
          return {
            page: document.documentElement.scrollWidth,
            viewport: window.innerWidth,
            boxScrolls: box ? box.scrollWidth > box.clientWidth : false,
            focusable: box instanceof HTMLElement && box.tabIndex === 0,
            name: box?.getAttribute('aria-label'),
          };
        });
        return { sizes, axe: await runAxe(tab) };
      });
      expect(seen.sizes.page).toBeLessThanOrEqual(seen.sizes.viewport);
      expect(seen.sizes.viewport).toBe(width);
      // The control: the table is wider than the phone, and its box is what scrolls.
      expect(seen.sizes.boxScrolls).toBe(true);
      expect(seen.sizes.focusable).toBe(true);
      expect(seen.sizes.name).toBe(`Table: ${WIDE_COLUMNS.join(', ')}`);
      expect(seen.axe.violations).toEqual([]);
    },
  );
});
