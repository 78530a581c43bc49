import { installHint, isHeadlessShell, locateBrowser, puppeteerCacheDir } from '../browser/find.js';
import { launchBrowser } from '../browser/launch.js';
import { isPresskitError } from '../errors.js';
import type { DoctorCheck } from './report.js';

export interface BrowserCheckOptions {
  /** `--browser`, as build takes it. */
  browser?: string;
  env: NodeJS.ProcessEnv;
  /** How long the browser may take to start (as a build gives it). */
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * The browser a build would print with, started as a build starts it (same flags, own
 * profile) and asked its version: a browser that is there but cannot start (a missing
 * library in a container, say) fails here as it would fail the build.
 */
export async function checkBrowser(options: BrowserCheckOptions): Promise<DoctorCheck> {
  let found;
  try {
    found = locateBrowser(options.browser, options.env);
  } catch (error) {
    if (!isPresskitError(error)) throw error;
    const named = error.problems[0]?.field;
    return {
      name: 'browser',
      status: 'fail',
      detail: error.message,
      advice: named
        ? `correct ${named} or unset it, so that presskit looks for one`
        : installHint(options.env).replace(/^no Chrome or Chromium found: /, ''),
    };
  }
  const kind = isHeadlessShell(found.path) ? 'headless shell' : 'full browser';
  const origin =
    found.origin !== 'search'
      ? `from ${found.origin}`
      : found.path.startsWith(puppeteerCacheDir(options.env))
        ? "found in puppeteer's cache"
        : 'found at a system path';
  try {
    const launched = await launchBrowser(found.path, {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
    });
    let version: string;
    try {
      version = await launched.browser.version();
    } finally {
      await launched.close();
    }
    return {
      name: 'browser',
      status: 'ok',
      detail: `${version} (${kind}, ${origin}): ${found.path}`,
      path: found.path,
      version,
    };
  } catch (error) {
    if (!isPresskitError(error)) throw error;
    return {
      name: 'browser',
      status: 'fail',
      detail: `${found.path} (${kind}, ${origin}) does not start: ${error.problems[0]?.message ?? error.message}`,
      path: found.path,
      advice:
        'install Debian’s chromium-headless-shell (it pulls the libraries it needs), or point --browser at another',
    };
  }
}
