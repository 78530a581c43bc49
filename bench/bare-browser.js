/**
 * Chromium launched the bare way, for the floor and for the phase table: plain puppeteer,
 * with the executable and the switches presskit's BrowserManager uses, so that comparisons
 * measure presskit's work and not a choice of flags. All but the switches that have the
 * shell draw frames only on demand (src/browser/frames.ts), which a bare script would not
 * pass, since they stop `page.screenshot()`: with `framesOnDemand`, those too, for the
 * bench's "floor with frames on demand" row.
 */
import { performance } from 'node:perf_hooks';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../lib/browser/find.js';
import { frameSwitches } from '../lib/browser/frames.js';
import { headlessMode, launchArgs } from '../lib/browser/launch-args.js';

/** The browser, and how long its launch took in milliseconds. */
export async function launchBareBrowser({ framesOnDemand = false } = {}) {
  const started = performance.now();
  const executablePath = findBrowser();
  const browser = await puppeteer.launch({
    executablePath,
    headless: headlessMode(executablePath),
    pipe: true,
    args: [...launchArgs(), ...(framesOnDemand ? frameSwitches(executablePath) : [])],
  });
  return { browser, launchMs: performance.now() - started };
}
