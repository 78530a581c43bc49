import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import type AxeCore from 'axe-core';
import { findBrowser } from '../../src/browser/find.js';
import { headlessMode } from '../../src/browser/launch-args.js';

const require = createRequire(import.meta.url);

declare global {
  interface Window {
    /** Present once AXE_SOURCE is injected. */
    axe: typeof AxeCore;
  }
}

/** axe-core's browser bundle, injected into pages as a script. */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The machine's Chromium, as presskit finds it. No host resolves, so a page that tried to
 * reach the network would fail fast instead of leaving the machine.
 */
export function launchChromium(): Promise<Browser> {
  const executablePath = findBrowser();
  return puppeteer.launch({
    executablePath,
    headless: headlessMode(executablePath),
    pipe: true,
    args: [
      '--disable-gpu',
      '--font-render-hinting=none',
      '--host-resolver-rules=MAP * ~NOTFOUND',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
}

export interface OpenOptions {
  width?: number;
  /** Ignore the page's CSP, so that a test can inject axe. */
  bypassCsp?: boolean;
}

/** A fresh page (no state left by another test) showing `file` from `file://`. */
export async function openFile(
  browser: Browser,
  file: string,
  options: OpenOptions = {},
): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  if (options.bypassCsp) await page.setBypassCSP(true);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return page;
}

/** Runs `fn` on a fresh page and closes the page whatever happens. */
export async function withFile<T>(
  browser: Browser,
  file: string,
  options: OpenOptions,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await openFile(browser, file, options);
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

export interface AxeSummary {
  violations: { id: string; help: string; nodes: string[] }[];
  passes: number;
}

/** axe-core's WCAG A/AA rules on the page as it is shown (the page must bypass its CSP). */
export async function runAxe(page: Page): Promise<AxeSummary> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      violations: results.violations.map((violation) => ({
        id: violation.id,
        help: violation.help,
        nodes: violation.nodes.map(
          (node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`,
        ),
      })),
      passes: results.passes.length,
    };
  }, WCAG_TAGS);
}
