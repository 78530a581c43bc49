import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { Browser, Cache, detectBrowserPlatform } from '@puppeteer/browsers';
import { PresskitError } from '../errors.js';
import { compareDottedVersions } from '../util/dotted-version.js';

/** A browser path, and where it came from. */
export interface FoundBrowser {
  path: string;
  /** The setting that named it (`--browser`, `CHROME_PATH`), or `search` when it was found. */
  origin: string;
}

/**
 * presskit installs no browser of its own (puppeteer-core, not puppeteer: an install that
 * downloads one fails offline and behind firewalls), so this says how to get one.
 */
export function installHint(env: NodeJS.ProcessEnv = process.env): string {
  return (
    'no Chrome or Chromium found: on Debian, `apt-get install chromium-headless-shell`; ' +
    'where the network allows, `npx @puppeteer/browsers install chrome-headless-shell@stable ' +
    `--path ${puppeteerCacheDir(env)}\`; or point PUPPETEER_EXECUTABLE_PATH (or --browser) at one`
  );
}

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
  return locateBrowser(explicit, env, fallbacks).path;
}

/** `findBrowser`, saying where the browser came from (for `presskit doctor`). */
export function locateBrowser(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
  fallbacks: readonly string[] = defaultFallbacks(env),
): FoundBrowser {
  const chosen = userChoice(explicit, env);
  if (chosen !== undefined) {
    if (isExecutableFile(chosen.path)) return chosen;
    throw new PresskitError('E_BROWSER', {
      file: chosen.path,
      field: chosen.origin,
      message: 'no browser executable at this path',
    });
  }
  const found = fallbacks.find(isExecutableFile);
  if (found !== undefined) return { path: found, origin: 'search' };
  throw new PresskitError('E_BROWSER', { file: 'chromium', message: installHint(env) });
}

/** The first browser the user named, if any. */
function userChoice(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv,
): FoundBrowser | undefined {
  // An empty value (e.g. `CHROME_PATH=` in a CI file) means "not set", not "the empty path".
  if (explicit) return { path: explicit, origin: '--browser' };
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const value = env[name];
    if (value) return { path: value, origin: name };
  }
  return undefined;
}

/**
 * Browsers in puppeteer's cache first (what `npx @puppeteer/browsers install` put there),
 * then system ones.
 * Where both are installed, chrome-headless-shell comes before full Chrome or Chromium: the
 * same Blink, printing the same PDFs, but it writes them in the page's own process, where
 * full Chromium starts a print compositor process for every PDF (a quarter of a build's
 * time here; BENCHMARKS.md). Debian's binary is named directly: its
 * /usr/bin/chromium-headless-shell is a script that does not `exec` it.
 */
export function defaultFallbacks(env: NodeJS.ProcessEnv = process.env): string[] {
  const paths = cachedBrowsers(puppeteerCacheDir(env));
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

/** Where puppeteer and `@puppeteer/browsers` keep downloaded browsers (puppeteer's default). */
export function puppeteerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['PUPPETEER_CACHE_DIR'] || join(homedir(), '.cache', 'puppeteer');
}

/**
 * The executables in a puppeteer cache for this platform: headless shells, then Chrome, the
 * newest build of each first. An empty or unreadable cache offers nothing.
 */
export function cachedBrowsers(cacheDir: string): string[] {
  const platform = detectBrowserPlatform();
  if (platform === undefined) return [];
  let installed;
  try {
    installed = new Cache(cacheDir).getInstalledBrowsers();
  } catch {
    return [];
  }
  const paths: string[] = [];
  for (const browser of [Browser.CHROMEHEADLESSSHELL, Browser.CHROME]) {
    paths.push(
      ...installed
        .filter((entry) => entry.browser === browser && entry.platform === platform)
        // Chrome's four-part build ids: @puppeteer/browsers' comparator takes them for semver.
        .sort((a, b) => compareDottedVersions(b.buildId, a.buildId))
        .map((entry) => entry.executablePath),
    );
  }
  return paths;
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
