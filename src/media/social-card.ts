import type { Page } from 'puppeteer-core';
import type { BrowserManager } from '../browser/manager.js';
import { fontsReady } from '../browser/document-session.js';
import { setDocument, viewportPng } from '../browser/frames.js';
import { PresskitError } from '../errors.js';
import { seconds, withinDeadline } from '../util/deadline.js';
import { SOCIAL_CARD } from './settings.js';

/** A card is one screen of text and a logo; this only stops one that never renders. */
const TIMEOUT_MS = 30_000;

/**
 * The social card as a PNG, from `html` (html/social-card.ts), shot on a page of the
 * build's browser: the one that prints, already started, whose pages run no script and
 * load nothing but `data:` URLs and presskit's fonts (pdf/print-page.ts). The page goes
 * back to the pool at its own viewport, so the next print lays out as before.
 */
export function renderSocialCard(manager: BrowserManager, html: string): Promise<Buffer> {
  return manager.withPage(async (page) => {
    const work = shoot(page, html);
    return withinDeadline(work, TIMEOUT_MS, () => {
      throw new PresskitError('E_BROWSER', {
        file: 'chromium',
        message: `the social card did not render within ${seconds(TIMEOUT_MS)}`,
      });
    });
  });
}

async function shoot(page: Page, html: string): Promise<Buffer> {
  const before = page.viewport();
  await page.setViewport({ width: SOCIAL_CARD.width, height: SOCIAL_CARD.height });
  try {
    await setDocument(page, html, TIMEOUT_MS);
    // As before a print: a font still loading would shoot a fallback's glyphs. (DevTools
    // evaluates this; the page's own scripts stay off.)
    await fontsReady(page);
    // The viewport is the card: no clip, which Chrome places wrong in a right-to-left
    // document (an Arabic card came out blank).
    return await viewportPng(page);
  } finally {
    if (before) await page.setViewport(before);
  }
}
