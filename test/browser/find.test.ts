import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PresskitError } from '../../src/errors.js';
import {
  cachedBrowsers,
  defaultFallbacks,
  findBrowser,
  isHeadlessShell,
  puppeteerCacheDir,
} from '../../src/browser/find.js';

let dir: string;
let fake: Record<'flag' | 'puppeteer' | 'chrome' | 'cache' | 'system', string>;

function fakeExecutable(name: string, mode = 0o755): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, mode);
  return path;
}

function caught(run: () => unknown): PresskitError {
  try {
    run();
  } catch (error) {
    if (error instanceof PresskitError) return error;
    throw error;
  }
  throw new Error('expected a PresskitError');
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'presskit-browser-path-'));
  fake = {
    flag: fakeExecutable('flag'),
    puppeteer: fakeExecutable('puppeteer'),
    chrome: fakeExecutable('chrome'),
    cache: fakeExecutable('cache'),
    system: fakeExecutable('system'),
  };
});

describe('findBrowser', () => {
  const allEnv = () => ({ PUPPETEER_EXECUTABLE_PATH: fake.puppeteer, CHROME_PATH: fake.chrome });
  const fallbacks = () => [join(dir, 'missing-cache'), fake.cache, fake.system];

  it('prefers the --browser flag over both variables', () => {
    expect(findBrowser(fake.flag, allEnv(), fallbacks())).toBe(fake.flag);
  });

  it('prefers PUPPETEER_EXECUTABLE_PATH over CHROME_PATH', () => {
    expect(findBrowser(undefined, allEnv(), fallbacks())).toBe(fake.puppeteer);
  });

  it('uses CHROME_PATH before any guessed path', () => {
    expect(findBrowser(undefined, { CHROME_PATH: fake.chrome }, fallbacks())).toBe(fake.chrome);
  });

  it('treats empty values as unset', () => {
    const env = { PUPPETEER_EXECUTABLE_PATH: '', CHROME_PATH: '' };
    expect(findBrowser('', env, fallbacks())).toBe(fake.cache);
  });

  it('takes the first guessed path that exists, in order', () => {
    expect(findBrowser(undefined, {}, fallbacks())).toBe(fake.cache);
    expect(findBrowser(undefined, {}, [fake.system, fake.cache])).toBe(fake.system);
  });

  it('fails on a --browser path that does not exist, naming it, even when others exist', () => {
    const missing = join(dir, 'no-such-chrome');
    const error = caught(() => findBrowser(missing, allEnv(), fallbacks()));
    expect(error.code).toBe('E_BROWSER');
    expect(error.problems[0]).toMatchObject({ file: missing, field: '--browser' });
    expect(error.message).toContain(missing);
  });

  it('fails on an environment path that does not exist, naming the variable', () => {
    const missing = join(dir, 'gone');
    const error = caught(() =>
      findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: missing, CHROME_PATH: fake.chrome }, []),
    );
    expect(error.problems[0]).toMatchObject({ file: missing, field: 'PUPPETEER_EXECUTABLE_PATH' });
  });

  it('rejects a file that is not executable, and a directory', () => {
    const plain = fakeExecutable('plain-file', 0o644);
    expect(caught(() => findBrowser(plain, {}, [])).code).toBe('E_BROWSER');
    expect(caught(() => findBrowser(dir, {}, [])).code).toBe('E_BROWSER');
  });

  it('says in one line how to install a browser when none is found', () => {
    const error = caught(() =>
      findBrowser(undefined, { PUPPETEER_CACHE_DIR: '/cache/here' }, [join(dir, 'nothing-here')]),
    );
    expect(error.code).toBe('E_BROWSER');
    expect(error.problems[0]?.file).toBe('chromium');
    expect(error.message).not.toContain('\n');
    for (const hint of [
      'apt-get install chromium-headless-shell',
      'npx @puppeteer/browsers install chrome-headless-shell@stable --path /cache/here',
      'PUPPETEER_EXECUTABLE_PATH',
      '--browser',
    ]) {
      expect(error.message).toContain(hint);
    }
  });

  it("finds this machine's browser with no settings at all: Debian's headless shell", () => {
    // scripts/setup.sh installs Debian's chromium and chromium-headless-shell; the
    // puppeteer cache named here is empty.
    expect(findBrowser(undefined, { PUPPETEER_CACHE_DIR: join(dir, 'empty-cache') })).toBe(
      '/usr/lib/chromium/chromium-headless-shell',
    );
  });
});

describe('isHeadlessShell', () => {
  it('knows chrome-headless-shell builds by their file name, and nothing else', () => {
    for (const shell of [
      '/usr/lib/chromium/chromium-headless-shell',
      '/home/me/.cache/puppeteer/chrome-headless-shell/linux-1/chrome-headless-shell-linux64/chrome-headless-shell',
      'C:\\cache\\chrome-headless-shell.exe',
    ]) {
      expect(isHeadlessShell(shell), shell).toBe(true);
    }
    for (const full of [
      '/usr/bin/chromium',
      '/usr/bin/google-chrome',
      '/opt/headless-shell-tools/chrome',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]) {
      expect(isHeadlessShell(full), full).toBe(false);
    }
  });
});

describe('defaultFallbacks', () => {
  /** A cache laid out as `npx @puppeteer/browsers install … --path <cache>` leaves it. */
  function fakeCache(builds: Record<string, string[]>): string {
    const cache = mkdtempSync(join(dir, 'cache-'));
    const executables: Record<string, string> = {
      'chrome-headless-shell': 'chrome-headless-shell-linux64/chrome-headless-shell',
      chrome: 'chrome-linux64/chrome',
    };
    for (const [browser, ids] of Object.entries(builds)) {
      for (const id of ids) {
        const path = join(cache, browser, `linux-${id}`, executables[browser] ?? '');
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, '');
      }
    }
    return cache;
  }

  it("puts puppeteer's cache first, then the usual system paths in order, shells first", () => {
    const cache = fakeCache({
      chrome: ['131.0.6778.85'],
      'chrome-headless-shell': ['131.0.6778.85'],
    });
    const paths = defaultFallbacks({ PUPPETEER_CACHE_DIR: cache });
    expect(paths.slice(0, 2)).toEqual([
      join(
        cache,
        'chrome-headless-shell/linux-131.0.6778.85/chrome-headless-shell-linux64/chrome-headless-shell',
      ),
      join(cache, 'chrome/linux-131.0.6778.85/chrome-linux64/chrome'),
    ]);
    const order = [
      '/usr/lib/chromium/chromium-headless-shell',
      '/usr/bin/chromium-headless-shell',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
    const positions = order.map((path) => paths.indexOf(path));
    expect(positions.every((position) => position > 1)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('lists a cache newest build first, and nothing for a missing cache', () => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return;
    const cache = fakeCache({
      'chrome-headless-shell': ['120.0.6099.109', '131.0.6778.85', '99.0.1.2'],
    });
    expect(cachedBrowsers(cache).map((path) => path.split('/').at(-3))).toEqual([
      'linux-131.0.6778.85',
      'linux-120.0.6099.109',
      'linux-99.0.1.2',
    ]);
    expect(cachedBrowsers(join(dir, 'no-cache'))).toEqual([]);
  });

  it("uses puppeteer's default cache folder unless PUPPETEER_CACHE_DIR names one", () => {
    expect(puppeteerCacheDir({})).toBe(join(homedir(), '.cache', 'puppeteer'));
    expect(puppeteerCacheDir({ PUPPETEER_CACHE_DIR: '/x' })).toBe('/x');
    expect(puppeteerCacheDir({ PUPPETEER_CACHE_DIR: '' })).toBe(
      join(homedir(), '.cache', 'puppeteer'),
    );
  });

  it('adds Windows install folders only when their variables are set', () => {
    expect(defaultFallbacks({}).some((path) => path.endsWith('chrome.exe'))).toBe(false);
    const paths = defaultFallbacks({ LOCALAPPDATA: '/x/AppData/Local' });
    expect(paths).toContain(
      join('/x/AppData/Local', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    );
  });
});
