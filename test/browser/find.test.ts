import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PresskitError } from '../../src/errors.js';
import { defaultFallbacks, findBrowser, isHeadlessShell } from '../../src/browser/find.js';

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
    const error = caught(() => findBrowser(undefined, {}, [join(dir, 'nothing-here')]));
    expect(error.code).toBe('E_BROWSER');
    expect(error.problems[0]?.file).toBe('chromium');
    expect(error.message).not.toContain('\n');
    for (const hint of ['apt-get install chromium', 'PUPPETEER_EXECUTABLE_PATH', '--browser']) {
      expect(error.message).toContain(hint);
    }
  });

  it("finds this machine's browser with no settings at all: Debian's headless shell", () => {
    // scripts/setup.sh installs Debian's chromium and chromium-headless-shell; puppeteer's
    // cache is empty (skipDownload).
    expect(findBrowser(undefined, {})).toBe('/usr/lib/chromium/chromium-headless-shell');
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
  it("puts puppeteer's cache first, then the usual system paths in order, shells first", () => {
    const paths = defaultFallbacks({});
    expect(paths.slice(0, 2)).toEqual([
      puppeteer.executablePath({ headless: 'shell' }),
      puppeteer.executablePath(),
    ]);
    expect(paths[0]).toMatch(/chrome-headless-shell/);
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

  it('adds Windows install folders only when their variables are set', () => {
    expect(defaultFallbacks({}).some((path) => path.endsWith('chrome.exe'))).toBe(false);
    const paths = defaultFallbacks({ LOCALAPPDATA: '/x/AppData/Local' });
    expect(paths).toContain(
      join('/x/AppData/Local', 'Google', 'Chrome', 'Application', 'chrome.exe'),
    );
  });
});
