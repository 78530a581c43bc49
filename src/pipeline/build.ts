import { PresskitError } from '../errors.js';
import { lazyBrowser } from '../pdf/lazy-browser.js';
import type { BuildOptions, BuildReport } from './options.js';
import { defaultConcurrency } from '../project/settings.js';

/**
 * Builds the press kit of every release under `options.paths`. A release that fails
 * leaves no output and does not stop the others; the report says what happened to each.
 * Throws PresskitError only for problems that stop the whole run (bad config, bad paths).
 *
 * This module loads almost nothing, and the rest of presskit only when called: `--help`,
 * `check` and the library's other uses do not pay for the build's modules.
 */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const concurrency = options.concurrency ?? defaultConcurrency();
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new PresskitError('E_USAGE', {
      file: 'options',
      field: 'concurrency',
      message: `must be a positive whole number, got ${concurrency}`,
    });
  }
  const browser =
    options.browserSession?.borrowed ??
    lazyBrowser(options.browser, options.env ?? process.env, concurrency);
  try {
    // Forced, so something will print (unless nothing is found, and then it is closed at
    // once): Chromium starts before the rest of presskit loads, and boots while it does.
    if (options.force) await browser.warmUp();
    const { runBuild } = await import('./run-build.js');
    return await runBuild(options, concurrency, browser);
  } finally {
    await browser.close();
  }
}
