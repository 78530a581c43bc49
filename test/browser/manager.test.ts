import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { PresskitError } from '../../src/errors.js';
import { BrowserManager } from '../../src/browser/manager.js';
import { alive, BROWSER, processesMentioning, rejection } from '../pdf/helpers.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const execFileAsync = promisify(execFile);

function userDataDirOf(pid: number): string {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const flag = args.find((arg) => arg.startsWith('--user-data-dir='));
  if (flag === undefined) throw new Error(`no --user-data-dir in the browser's command line`);
  return flag.slice('--user-data-dir='.length);
}

// One manager for the pool tests; the lifecycle tests need their own.
const shared = new BrowserManager({ executablePath: BROWSER, concurrency: 2 });
afterAll(() => shared.close());
afterEach(() => {
  vi.restoreAllMocks();
});

describe('BrowserManager pool', () => {
  it('launches nothing until a page is needed, then launches once for concurrent callers', async () => {
    const launch = vi.spyOn(puppeteer, 'launch');
    expect(shared.launched).toBe(false);
    const browsers = await Promise.all(
      Array.from({ length: 6 }, () => shared.withPage(async (page) => page.browser())),
    );
    expect(shared.launched).toBe(true);
    expect(launch).toHaveBeenCalledTimes(1);
    expect(new Set<Browser>(browsers).size).toBe(1);
    expect(shared.pid).toBeTypeOf('number');
  });

  it('never has more pages in use than its concurrency, and reuses them', async () => {
    let active = 0;
    let maxActive = 0;
    const seen = new Set<Page>();
    // The first two callers wait for each other, so the bound is reached for sure; an
    // unbounded pool would let all eight in before the gate opens.
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const work = async (page: Page) => {
      active++;
      maxActive = Math.max(maxActive, active);
      seen.add(page);
      if (active === 2) openGate();
      await gate;
      await page.title();
      active--;
    };
    await Promise.all(Array.from({ length: 8 }, () => shared.withPage(work)));
    expect(maxActive).toBe(2);
    expect(seen.size).toBe(2);
    const browser = await shared.withPage(async (page) => page.browser());
    // Chrome's own first tab plus at most the two pooled pages.
    expect((await browser.pages()).length).toBeLessThanOrEqual(3);
  });

  it('closes a page whose work failed, and keeps serving', async () => {
    let failed: Page | undefined;
    const error = await rejection(
      shared.withPage(async (page) => {
        failed = page;
        throw new Error('boom');
      }),
    );
    expect(error).toMatchObject({ message: 'boom' });
    expect(failed?.isClosed()).toBe(true);
    const pages = await Promise.all([
      shared.withPage(async (page) => page),
      shared.withPage(async (page) => page),
    ]);
    expect(pages).not.toContain(failed);
    expect(pages.every((page) => !page.isClosed())).toBe(true);
  });
});

/** A manager whose pages, as each is prepared, are kept in `prepared`. */
function managerRecordingPages(concurrency: number): {
  manager: BrowserManager;
  prepared: Page[];
} {
  const prepared: Page[] = [];
  const manager = new BrowserManager({
    executablePath: BROWSER,
    concurrency,
    preparePage: async (page) => {
      prepared.push(page);
    },
  });
  return { manager, prepared };
}

describe('BrowserManager start', () => {
  it('launches the browser on request, before any page, and pages then use it', async () => {
    const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
    try {
      expect(manager.launched).toBe(false);
      await Promise.all([manager.start(), manager.start()]);
      const pid = manager.pid;
      if (pid === undefined) throw new Error('no browser pid after start()');
      expect(alive(pid)).toBe(true);
      const browser = await manager.withPage(async (page) => page.browser());
      expect(browser.process()?.pid).toBe(pid);
    } finally {
      await manager.close();
    }
  });

  it('opens the pages asked for ahead, at most its concurrency, and the first callers take them', async () => {
    const { manager, prepared } = managerRecordingPages(2);
    try {
      await manager.start(5);
      // Both pages are open and prepared before anyone asks for one.
      expect(prepared).toHaveLength(2);
      let openGate: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (openGate = resolve));
      const used = Promise.all([
        manager.withPage(async (page) => (await gate, page)),
        manager.withPage(async (page) => (await gate, page)),
      ]);
      // Asked again with pages in use, it opens none: the pool would exceed its bound.
      await manager.start(2);
      openGate();
      expect(new Set(await used)).toEqual(new Set(prepared));
      const browser = prepared[0]?.browser();
      const tabs = browser?.targets().filter((target) => target.type() === 'page');
      expect(tabs).toHaveLength(2);
      expect(prepared).toHaveLength(2);
    } finally {
      await manager.close();
    }
  });

  it('opens one page ahead by default, and a second when asked for more later', async () => {
    const { manager, prepared } = managerRecordingPages(3);
    try {
      await manager.start();
      expect(prepared).toHaveLength(1);
      await manager.start(2);
      expect(prepared).toHaveLength(2);
      await manager.start(2);
      expect(prepared).toHaveLength(2);
    } finally {
      await manager.close();
    }
  });

  it('prints first on the tab the browser opened as it started, then on new ones', async () => {
    const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 2 });
    try {
      const [first, second] = await Promise.all([
        manager.withPage(async (page) => {
          await page.setContent('<p>one</p>');
          return page;
        }),
        manager.withPage(async (page) => page),
      ]);
      const browser = first.browser();
      const targets = browser.targets().filter((target) => target.type() === 'page');
      // No tab stays blank beside the two in use: the startup tab is one of them.
      expect(targets).toHaveLength(2);
      expect(new Set(await browser.pages())).toEqual(new Set([first, second]));
    } finally {
      await manager.close();
    }
  });
});

describe('BrowserManager preparePage', () => {
  it('prepares every page before its first use, the one start() opens ahead included', async () => {
    const prepared: Page[] = [];
    const manager = new BrowserManager({
      executablePath: BROWSER,
      concurrency: 2,
      preparePage: async (page) => {
        await page.setJavaScriptEnabled(false);
        prepared.push(page);
      },
    });
    try {
      await manager.start();
      expect(prepared).toHaveLength(1);
      const first = await manager.withPage(async (page) => page);
      expect(first).toBe(prepared[0]);
      const both = await Promise.all([
        manager.withPage(async (page) => page),
        manager.withPage(async (page) => page),
      ]);
      expect(prepared).toHaveLength(2);
      expect(new Set(both)).toEqual(new Set(prepared));
      const scripted = await manager.withPage((page) =>
        page
          .setContent('<p id=p>static</p><script>p.textContent = "ran"</script>')
          .then(() => page.$eval('#p', (element) => element.textContent)),
      );
      expect(scripted).toBe('static');
    } finally {
      await manager.close();
    }
  });

  it('closes a page whose preparation failed, and reports the failure', async () => {
    let opened: Page | undefined;
    const manager = new BrowserManager({
      executablePath: BROWSER,
      concurrency: 1,
      preparePage: async (page) => {
        opened = page;
        throw new Error('cannot prepare');
      },
    });
    try {
      await expect(manager.withPage(async () => 'never')).rejects.toThrow('cannot prepare');
      expect(opened?.isClosed()).toBe(true);
    } finally {
      await manager.close();
    }
  });
});

describe('BrowserManager page reuse', () => {
  it('replaces a page after it has served pageUses times', async () => {
    const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1, pageUses: 3 });
    try {
      const pages: Page[] = [];
      for (let i = 0; i < 7; i++) pages.push(await manager.withPage(async (page) => page));
      expect(new Set(pages).size).toBe(3);
      expect(pages.slice(0, 3).every((page) => page === pages[0])).toBe(true);
      expect(pages.slice(3, 6).every((page) => page === pages[3])).toBe(true);
      expect(pages[6]).not.toBe(pages[3]);
      await expect.poll(() => pages[0]?.isClosed()).toBe(true);
      expect(pages[6]?.isClosed()).toBe(false);
    } finally {
      await manager.close();
    }
  });

  it('refuses a pageUses that is not a positive integer', () => {
    expect(() => new BrowserManager({ concurrency: 1, pageUses: 0 })).toThrow(RangeError);
  });
});

describe('BrowserManager lifecycle', () => {
  it('closes idempotently and leaves no browser process or profile behind', async () => {
    const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
    await manager.withPage(async (page) => page.setContent('<p>hello</p>'));
    const pid = manager.pid;
    if (pid === undefined) throw new Error('no browser pid');
    const profile = userDataDirOf(pid);
    expect(processesMentioning(profile).length).toBeGreaterThan(0);
    // Chrome's temporary files go in its profile, so they go with it (a killed Chrome leaves
    // its shared-memory files behind otherwise).
    const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    expect(environment).toContain(`TMPDIR=${profile}`);

    await Promise.all([manager.close(), manager.close()]);
    await manager[Symbol.asyncDispose]();

    expect(alive(pid)).toBe(false);
    expect(processesMentioning(profile)).toEqual([]);
    expect(existsSync(profile)).toBe(false);
    const error = await rejection(manager.withPage(async () => 'late'));
    expect(error).toBeInstanceOf(PresskitError);
    expect(error).toMatchObject({ code: 'E_INTERRUPTED' });
  });

  it('leaves no timer behind once closed, so that the program using it can end at once', async () => {
    // Run apart: this test process has timers of its own. A graceful Browser.close made
    // puppeteer start a 100 ms timer per page, which held Node for that long.
    const manager = pathToFileURL(join(REPO, 'lib', 'browser', 'manager.js')).href;
    const script = `
      const { BrowserManager } = await import(${JSON.stringify(manager)});
      const browser = new BrowserManager({ executablePath: ${JSON.stringify(BROWSER)}, concurrency: 2 });
      await Promise.all([1, 2].map(() => browser.withPage((page) => page.setContent('<p>x</p>'))));
      await browser.close();
      console.log(JSON.stringify(process.getActiveResourcesInfo()));
    `;
    const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script]);
    const resources: unknown = JSON.parse(stdout);
    expect(Array.isArray(resources)).toBe(true);
    expect(resources).not.toContain('Timeout');
  });

  it('fails queued callers when closed, instead of leaving them waiting', async () => {
    const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const holder = manager.withPage(async (page) => {
      started();
      await page.evaluate(() => new Promise(() => undefined));
    });
    const holderError = rejection(holder);
    await running;
    const queuedError = rejection(manager.withPage(async () => 'never'));
    await manager.close();
    expect(await queuedError).toMatchObject({ code: 'E_INTERRUPTED' });
    expect(await holderError).toBeInstanceOf(Error);
  });

  it('can be closed while the browser is still starting, leaving nothing behind', async () => {
    // Profiles go to os.tmpdir(), which follows TMPDIR: a private one shows exactly ours.
    const privateTmp = mkdtempSync(join(tmpdir(), 'presskit-midlaunch-'));
    vi.stubEnv('TMPDIR', privateTmp);
    const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
    const launch = puppeteer.launch.bind(puppeteer);
    let closing: Promise<void> | undefined;
    vi.spyOn(puppeteer, 'launch').mockImplementation((options) => {
      const launching = launch(options);
      closing = manager.close(); // as a SIGINT handler would, right after spawn
      return launching;
    });
    try {
      const error = await rejection(manager.withPage(async () => 'never'));
      await closing;
      expect(closing).toBeDefined();
      expect(error).toMatchObject({ code: 'E_INTERRUPTED' });
      expect(processesMentioning(privateTmp)).toEqual([]);
      expect(readdirSync(privateTmp)).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      rmSync(privateTmp, { recursive: true, force: true });
    }
  });

  it('reports a missing or broken browser as E_BROWSER naming the executable', async () => {
    for (const executablePath of ['/nonexistent/chromium', '/bin/false']) {
      await using manager = new BrowserManager({ executablePath, concurrency: 1 });
      const error = await rejection(manager.withPage(async () => 'never'));
      expect(error).toBeInstanceOf(PresskitError);
      expect(error).toMatchObject({ code: 'E_BROWSER', problems: [{ file: executablePath }] });
    }
  });

  it("passes on the browser's own complaint when it cannot start", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'presskit-broken-browser-'));
    const executablePath = join(dir, 'chromium');
    writeFileSync(
      executablePath,
      '#!/bin/sh\necho "chromium: error while loading shared libraries: libnss3.so" >&2\nexit 127\n',
    );
    chmodSync(executablePath, 0o755);
    try {
      await using manager = new BrowserManager({ executablePath, concurrency: 1 });
      const error = await rejection(manager.withPage(async () => 'never'));
      expect(error).toMatchObject({ code: 'E_BROWSER', problems: [{ file: executablePath }] });
      expect(error).toMatchObject({ message: expect.stringContaining('libnss3.so') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a concurrency that is not a positive integer', () => {
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      expect(() => new BrowserManager({ concurrency })).toThrow(RangeError);
    }
  });
});
