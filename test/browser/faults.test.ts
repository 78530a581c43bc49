import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { Browser } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PresskitError } from '../../src/errors.js';
import { BrowserManager } from '../../src/browser/manager.js';
import { removeStaleProfiles } from '../../src/browser/profile.js';
import { printHtml } from '../../src/pdf/print-pdf.js';
import {
  alive,
  BROWSER,
  pdfinfo,
  processesMentioning,
  rejection,
  removeToolFiles,
  sampleHtml,
} from '../pdf/helpers.js';

// Profiles go to os.tmpdir(), which follows TMPDIR: a private one shows exactly this test's.
let privateTmp: string;
beforeEach(() => {
  privateTmp = mkdtempSync(join(tmpdir(), 'presskit-faults-'));
  vi.stubEnv('TMPDIR', privateTmp);
});
afterEach(() => {
  removeToolFiles();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(privateTmp, { recursive: true, force: true });
});

/** Kills the manager's current browser as the OOM killer would, and waits until it is gone. */
async function killBrowser(manager: BrowserManager): Promise<number> {
  const pid = manager.pid;
  if (pid === undefined) throw new Error('no browser to kill');
  process.kill(pid, 'SIGKILL');
  await expect.poll(() => alive(pid)).toBe(false);
  return pid;
}

/** A pid that no process has: one that has just exited and been reaped. */
function deadPid(): number {
  const { pid } = spawnSync('true');
  if (pid === undefined || alive(pid)) throw new Error('no dead pid to be had');
  return pid;
}

const pageCount = (pdf: Uint8Array): string | undefined => pdfinfo(pdf).get('Pages');

/** The Chromium profiles in the private temp folder (the PDF tools' files are there too). */
const profiles = (): string[] =>
  readdirSync(privateTmp).filter((name) => name.startsWith('presskit-chromium-'));

describe('a browser that crashes', () => {
  it('is relaunched once, and the prints it cut short are done again on the new one', async () => {
    const launch = vi.spyOn(puppeteer, 'launch');
    await using manager = new BrowserManager({ executablePath: BROWSER, concurrency: 2 });
    // The first two prints are held mid-work until the browser has been killed under them.
    let inFlight = 0;
    let bothInFlight: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (bothInFlight = resolve));
    let killed: () => void = () => undefined;
    const afterKill = new Promise<void>((resolve) => (killed = resolve));
    let calls = 0;
    const print = manager.withPage(async (page) => page.browser());
    const firstBrowser = await print;
    const prints = Array.from({ length: 5 }, () =>
      manager.withPage(async (page) => {
        calls++;
        if (inFlight < 2) {
          if (++inFlight === 2) bothInFlight();
          await afterKill;
        }
        return { pdf: await printHtml(page, sampleHtml()), browser: page.browser() };
      }),
    );
    await held;
    const killedPid = await killBrowser(manager);
    killed();

    const results = await Promise.all(prints);
    expect(results.map((result) => pageCount(result.pdf))).toEqual(Array(5).fill('2'));
    expect(results.every((result) => result.browser !== firstBrowser)).toBe(true);
    // The two cut short ran twice; the others once, on the relaunched browser.
    expect(calls).toBe(7);
    expect(launch).toHaveBeenCalledTimes(2);
    expect(manager.pid).not.toBe(killedPid);
    expect(alive(manager.pid ?? killedPid)).toBe(true);
    // The crashed browser's profile is gone; the new one's is the only one left.
    await expect.poll(() => profiles().length).toBe(1);
    await manager.close();
    expect(profiles()).toEqual([]);
    expect(processesMentioning(privateTmp)).toEqual([]);
  });

  it('fails every print with one clear line when it crashes again after the relaunch', async () => {
    await using manager = new BrowserManager({ executablePath: BROWSER, concurrency: 2 });
    await manager.withPage((page) => printHtml(page, sampleHtml()));
    await killBrowser(manager);
    const relaunched = await manager.withPage((page) => printHtml(page, sampleHtml()));
    expect(pageCount(relaunched)).toBe('2');
    await killBrowser(manager);

    const errors = await Promise.all(
      Array.from({ length: 3 }, () =>
        rejection(manager.withPage((page) => printHtml(page, sampleHtml()))),
      ),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(PresskitError);
      expect(error).toMatchObject({
        code: 'E_BROWSER',
        message: `${BROWSER}: the browser crashed (killed by SIGKILL), again after being relaunched once`,
      });
    }
    await manager.close();
    expect(processesMentioning(privateTmp)).toEqual([]);
    expect(profiles()).toEqual([]);
  });

  it('is not relaunched when it was closed on purpose, as on Ctrl-C', async () => {
    const launch = vi.spyOn(puppeteer, 'launch');
    const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const cutShort = rejection(
      manager.withPage(async (page) => {
        started();
        await page.evaluate(() => new Promise(() => undefined));
      }),
    );
    await running;
    await manager.close();
    expect(await cutShort).not.toMatchObject({ message: expect.stringContaining('crashed') });
    expect(await rejection(manager.withPage(async () => 'late'))).toMatchObject({
      code: 'E_INTERRUPTED',
    });
    expect(launch).toHaveBeenCalledTimes(1);
    expect(processesMentioning(privateTmp)).toEqual([]);
  });
});

describe('a browser that hangs', () => {
  it('that never starts is given up after the launch timeout, with one line naming it', async () => {
    const executablePath = join(privateTmp, 'chromium');
    writeFileSync(executablePath, '#!/bin/sh\nsleep 600\n');
    chmodSync(executablePath, 0o755);
    {
      await using manager = new BrowserManager({
        executablePath,
        concurrency: 1,
        launchTimeoutMs: 300,
      });
      const error = await rejection(manager.withPage(async () => 'never'));
      expect(error).toBeInstanceOf(PresskitError);
      expect(error).toMatchObject({
        code: 'E_BROWSER',
        message: `${executablePath}: could not start the browser: no answer within 0.3 s`,
      });
      expect(manager.startFailure).toBe(error);
      // The script and its sleep went with the browser's process group; no profile is left.
      expect(processesMentioning(executablePath)).toEqual([]);
      await manager.close();
      expect(profiles()).toEqual([]);
    }
  });

  it('that never opens a page is given up after the same timeout', async () => {
    await using manager = new BrowserManager({
      executablePath: BROWSER,
      concurrency: 1,
      launchTimeoutMs: 500,
      preparePage: () => new Promise(() => undefined),
    });
    const error = await rejection(manager.withPage(async () => 'never'));
    expect(error).toMatchObject({
      code: 'E_BROWSER',
      message: `${BROWSER}: the browser did not open a page within 0.5 s`,
    });
    // A browser that started is not a failed start.
    expect(manager.startFailure).toBeUndefined();
  });

  it('refuses a launch timeout that is not positive', () => {
    for (const launchTimeoutMs of [0, -1, Number.NaN]) {
      expect(() => new BrowserManager({ concurrency: 1, launchTimeoutMs })).toThrow(RangeError);
    }
  });
});

/** `promise`'s outcome, or 'still pending' after `ms`: a hang fails the test, not its timeout. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'still pending'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still pending'>((resolve) => {
    timer = setTimeout(() => resolve('still pending'), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe("a launch that puppeteer's own promise never ends", () => {
  // Puppeteer kills the browser when its launch is aborted, but its promise was seen to wait
  // forever when aborted while attaching to the browser's targets: with nothing else
  // pending, Node then ended a failed build with exit code 0.
  const neverSettling = () =>
    vi.spyOn(puppeteer, 'launch').mockImplementation(() => new Promise(() => undefined));

  it('is given up when the manager is closed, as a failed build closes it', async () => {
    const launch = neverSettling();
    const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
    const printing = rejection(manager.withPage(async () => 'never'));
    await expect.poll(() => launch.mock.calls.length).toBe(1);
    expect(profiles()).toHaveLength(1);
    expect(await within(manager.close(), 5_000)).toBeUndefined();
    expect(await within(printing, 1_000)).toMatchObject({ code: 'E_INTERRUPTED' });
    expect(profiles()).toEqual([]);
  });

  it('is given up after the launch timeout, with the timeout as the reason', async () => {
    neverSettling();
    await using manager = new BrowserManager({
      executablePath: BROWSER,
      concurrency: 1,
      launchTimeoutMs: 300,
    });
    expect(await within(rejection(manager.withPage(async () => 'never')), 5_000)).toMatchObject({
      code: 'E_BROWSER',
      message: `${BROWSER}: could not start the browser: no answer within 0.3 s`,
    });
  });

  it('closes a browser that comes up after all, once the launch was given up', async () => {
    // A stand-in for the Browser: only its close() is ever called.
    const late: Browser = Object.create(Browser.prototype);
    const close = vi.fn(async () => undefined);
    late.close = close;
    let arrive: (browser: Browser) => void = () => undefined;
    const launch = vi
      .spyOn(puppeteer, 'launch')
      .mockImplementation(() => new Promise((resolve) => (arrive = resolve)));
    const manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
    const printing = rejection(manager.withPage(async () => 'never'));
    await expect.poll(() => launch.mock.calls.length).toBe(1);
    await manager.close();
    expect(await printing).toMatchObject({ code: 'E_INTERRUPTED' });
    arrive(late);
    await expect.poll(() => close.mock.calls.length).toBe(1);
  });
});

describe('stale profiles', () => {
  /** A folder shaped like presskit's profile, with `owner` in its owner file if given. */
  function profile(name: string, owner?: string): string {
    const dir = join(privateTmp, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'Local State'), '{}');
    if (owner !== undefined) writeFileSync(join(dir, 'presskit-owner.pid'), owner);
    return dir;
  }

  it('removes those of dead presskit processes only, following no link', async () => {
    const dead = String(deadPid());
    const orphaned = profile('presskit-chromium-AAAAAA', `${dead}\n`);
    const live = profile('presskit-chromium-BBBBBB', `${process.pid}\n`);
    const unowned = profile('presskit-chromium-CCCCCC');
    const otherName = profile('presskit-chromiumX-DDDDDD', dead);
    const garbled = profile('presskit-chromium-EEEEEE', 'not a pid');
    // A link in the profile's place, to a folder that would qualify: neither goes.
    const target = mkdtempSync(join(tmpdir(), 'presskit-link-target-'));
    writeFileSync(join(target, 'presskit-owner.pid'), dead);
    symlinkSync(target, join(privateTmp, 'presskit-chromium-FFFFFF'));
    // An owner file that is a link to a dead pid's file is not read.
    const linkedOwner = profile('presskit-chromium-GGGGGG');
    symlinkSync(join(target, 'presskit-owner.pid'), join(linkedOwner, 'presskit-owner.pid'));
    try {
      await removeStaleProfiles(privateTmp);
      expect(existsSync(orphaned)).toBe(false);
      for (const kept of [live, unowned, otherName, garbled, linkedOwner, target]) {
        expect(existsSync(kept), kept).toBe(true);
      }
      expect(existsSync(join(privateTmp, 'presskit-chromium-FFFFFF'))).toBe(true);
      expect(existsSync(join(target, 'presskit-owner.pid'))).toBe(true);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });

  it('are swept when a browser launches, and its own profile records its owner', async () => {
    const orphaned = profile('presskit-chromium-HHHHHH', String(deadPid()));
    await using manager = new BrowserManager({ executablePath: BROWSER, concurrency: 1 });
    await manager.start();
    await expect.poll(() => existsSync(orphaned)).toBe(false);
    const [own] = profiles();
    expect(own).toMatch(/^presskit-chromium-/);
    expect(readdirSync(join(privateTmp, own ?? ''))).toContain('presskit-owner.pid');
  });
});
