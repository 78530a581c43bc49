import { accessSync, constants, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import puppeteer from 'puppeteer';
import { PresskitError } from '../errors.js';

/** A browser path the user set, and where they set it. */
interface Candidate {
  path: string;
  /** Names the setting in error messages, e.g. `--browser`. */
  origin: string;
}

const INSTALL_HINT =
  'no Chrome or Chromium found: install one (e.g. `apt-get install chromium`), ' +
  'or point PUPPETEER_EXECUTABLE_PATH or --browser at it';

/**
 * The browser to print with, in this order: `--browser`, `PUPPETEER_EXECUTABLE_PATH`,
 * `CHROME_PATH`, puppeteer's own cache, the usual system paths, each time a headless shell
 * before a full browser (see `defaultFallbacks`). A path the user set must exist: silently
 * falling back to another browser would hide their mistake.
 *
 * `fallbacks` (puppeteer's cache, then system paths) is a parameter so tests can
 * simulate a machine without a browser.
 */
export function findBrowser(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
  fallbacks: readonly string[] = defaultFallbacks(env),
): string {
  const chosen = userChoice(explicit, env);
  if (chosen !== undefined) {
    if (isExecutableFile(chosen.path)) return chosen.path;
    throw new PresskitError('E_BROWSER', {
      file: chosen.path,
      field: chosen.origin,
      message: 'no browser executable at this path',
    });
  }
  const found = fallbacks.find(isExecutableFile);
  if (found !== undefined) return found;
  throw new PresskitError('E_BROWSER', { file: 'chromium', message: INSTALL_HINT });
}

/** The first browser the user named, if any. */
function userChoice(explicit: string | undefined, env: NodeJS.ProcessEnv): Candidate | undefined {
  // An empty value (e.g. `CHROME_PATH=` in a CI file) means "not set", not "the empty path".
  if (explicit) return { path: explicit, origin: '--browser' };
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const value = env[name];
    if (value) return { path: value, origin: name };
  }
  return undefined;
}

/**
 * Puppeteer's downloaded browsers first (the version it is tested with), then system ones.
 * Where both are installed, chrome-headless-shell comes before full Chrome or Chromium: the
 * same Blink, printing the same PDFs, but it writes them in the page's own process, where
 * full Chromium starts a print compositor process for every PDF (a quarter of a build's
 * time here; BENCHMARKS.md). Debian's binary is named directly: its
 * /usr/bin/chromium-headless-shell is a script that does not `exec` it.
 */
export function defaultFallbacks(env: NodeJS.ProcessEnv = process.env): string[] {
  const paths: string[] = [];
  for (const mode of ['shell', true] as const) {
    const cached = puppeteerCachePath(mode);
    if (cached !== undefined) paths.push(cached);
  }
  paths.push(
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  );
  for (const base of [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']]) {
    if (base) paths.push(join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  }
  return paths;
}

/** Whether `path` is a chrome-headless-shell build, which puppeteer launches its own way. */
export function isHeadlessShell(path: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(basename(path));
}

function puppeteerCachePath(headless: 'shell' | true): string | undefined {
  try {
    return puppeteer.executablePath({ headless });
  } catch {
    // Puppeteer throws when its configuration names no browser it knows; that only
    // means its cache has nothing to offer, so the search goes on.
    return undefined;
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    // Windows has no execute bit; existence is the best test there.
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
