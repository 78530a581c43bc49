import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsafeSvgReason } from '../../src/assets/svg-safety.js';
import { launchChromium } from '../html/chromium.js';
import { ILLUSTRATOR_LOGO, INKSCAPE_LOGO, PLAIN_SVG, inSvg } from './svg-fixtures.js';

/**
 * Chromium, not presskit, tells what an SVG does when opened on its own: the vectors the
 * sanitiser refuses do run or fetch there, and the files it accepts show as SVG and do neither.
 */
interface Opened {
  isSvg: boolean;
  ran: boolean;
  fetched: string[];
}

let browser: Browser;
let folder: string;

beforeAll(async () => {
  browser = await launchChromium();
  folder = await mkdtemp(join(tmpdir(), 'presskit-svg-'));
}, 60_000);

afterAll(async () => {
  await browser.close();
  await rm(folder, { recursive: true, force: true });
});

async function open(name: string, svg: string, click = false): Promise<Opened> {
  const file = join(folder, `${name}.svg`);
  await writeFile(file, svg);
  const page = await browser.newPage();
  await page.setViewport({ width: 400, height: 400 });
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (/^https?:/.test(request.url())) fetched.push(request.url());
  });
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    if (click) await page.click('rect');
    await new Promise((done) => setTimeout(done, 100));
    const seen = await page.evaluate(() => ({
      isSvg:
        document.documentElement instanceof SVGSVGElement &&
        document.getElementsByTagNameNS('*', 'parsererror').length === 0,
      ran: document.documentElement.getAttribute('data-ran') === 'yes',
    }));
    return { ...seen, fetched };
  } finally {
    await page.close();
  }
}

const RUN = "document.documentElement.setAttribute('data-ran','yes')";
const SVG = 'http://www.w3.org/2000/svg';

describe('SVG in Chromium', () => {
  it.each([
    ['svg-script', `<svg xmlns="${SVG}" xmlns:svg="${SVG}"><svg:script>${RUN}</svg:script></svg>`],
    ['h-script', inSvg(`<h:script xmlns:h="http://www.w3.org/1999/xhtml">${RUN}</h:script>`)],
    ['handler', `<svg xmlns="${SVG}" onload="${RUN}"/>`],
  ])('%s: runs when Chromium opens it, and presskit refuses it', async (name, svg) => {
    expect((await open(name, svg)).ran).toBe(true);
    expect(await unsafeSvgReason(Buffer.from(svg))).toMatch(/^SVG contains /);
  });

  it.each([
    ['a-javascript', inSvg(`<a href="javascript:${RUN}"><rect width="9" height="9"/></a>`)],
    [
      'set-href',
      inSvg(
        `<a><set attributeName="href" to="javascript:${RUN}"/><rect width="9" height="9"/></a>`,
      ),
    ],
    [
      'animate-values',
      inSvg(
        `<a><animate attributeName="href" values="javascript:${RUN}" dur="9s"/>` +
          '<rect width="9" height="9"/></a>',
      ),
    ],
  ])('%s: runs in Chromium on a click, and presskit refuses it', async (name, svg) => {
    expect((await open(name, svg, true)).ran).toBe(true);
    expect(await unsafeSvgReason(Buffer.from(svg))).toMatch(/^SVG contains /);
  });

  it.each([
    [
      'css-url',
      inSvg('<rect width="9" height="9" style="fill:url(http://tracker.example/p.svg#g)"/>'),
    ],
    [
      'style-import',
      inSvg(
        '<style>@import url(http://tracker.example/a.css);</style><rect width="1" height="1"/>',
      ),
    ],
    ['image', inSvg('<image width="9" height="9" href="http://tracker.example/x.png"/>')],
  ])('%s: fetches from the network in Chromium, and presskit refuses it', async (name, svg) => {
    expect((await open(name, svg)).fetched).toEqual([expect.stringContaining('tracker.example')]);
    expect(await unsafeSvgReason(Buffer.from(svg))).toMatch(/^SVG contains /);
  });

  it.each([
    ['plain', PLAIN_SVG],
    ['inkscape', INKSCAPE_LOGO],
    ['illustrator', ILLUSTRATOR_LOGO],
  ])(
    '%s: presskit accepts it, and Chromium shows it as SVG, running and fetching nothing',
    async (name, svg) => {
      expect(await unsafeSvgReason(Buffer.from(svg))).toBeUndefined();
      expect(await open(name, svg)).toEqual({ isSvg: true, ran: false, fetched: [] });
    },
  );
});
