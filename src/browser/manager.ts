import type { Page } from 'puppeteer-core';
import { isPresskitError, PresskitError } from '../errors.js';
import { seconds, settledWithin, withinDeadline } from '../util/deadline.js';
import type { LaunchedBrowser } from './launch.js';
import { BROWSER_LABEL, CLOSE_GRACE_MS, interrupted, launchBrowser } from './launch.js';
import { findBrowser } from './find.js';
import { removeStaleProfiles } from './profile.js';

export interface BrowserManagerOptions {
  /** Chrome or Chromium to run; found with `findBrowser()` at launch time when absent. */
  executablePath?: string;
  /** Most pages open at once; further callers wait their turn. */
  concurrency: number;
  /** Documents printed on one page before it is replaced by a fresh one (default 100). */
  pageUses?: number;
  /** Run on every new page before its first use, e.g. to switch JavaScript off. */
  preparePage?: (page: Page) => Promise<void>;
  /** How long the browser may take to start, or to open a page, before it is given up (default 30 s). */
  launchTimeoutMs?: number;
}

/**
 * Chrome gets slower on a page that has printed many documents: with fonts inline as
 * `data:` URIs, 230 ms per document at first and over 500 ms after 100 on the bench
 * machine. With the print fonts served (see pdf/print-page.ts) it stays flat for a few
 * hundred documents and then creeps up; a new page costs about one print, and drops the
 * cached fonts. 100 keeps printing at its first speed.
 */
const DEFAULT_PAGE_USES = 100;

/** Chromium starts in well under a second; this only stops waiting for one that never will. */
export const DEFAULT_LAUNCH_TIMEOUT_MS = 30_000;

/**
 * A browser that crashes (the OOM killer, say) is replaced this many times per manager,
 * that is per build. One more crash is taken as a browser that cannot do the work.
 */
const RELAUNCHES = 1;

/**
 * The browser of a build: launched lazily (a build with nothing to print starts none),
 * serving a small pool of reused pages, relaunched once if it crashes, and closed exactly
 * once. `close()` may be called at any moment, including from a signal handler while the
 * browser is still starting; a browser closed that way is never relaunched.
 */
export class BrowserManager implements AsyncDisposable {
  readonly #executablePath: string | undefined;
  readonly #slots: Slots;
  readonly #idle: Page[] = [];
  readonly #pageUses: number;
  readonly #uses = new WeakMap<Page, number>();
  readonly #preparePage: ((page: Page) => Promise<void>) | undefined;
  readonly #launchTimeoutMs: number;
  readonly #concurrency: number;
  /** Pages `start()` opens ahead of the first callers, until they take them. */
  readonly #early: Promise<Page | undefined>[] = [];
  /** How many pages `start()` has asked for; none once `withPage` has run. */
  #earlyAsked = 0;
  #pageTaken = false;
  /** Aborted by close(): stops a launch under way. */
  readonly #closed = new AbortController();
  /** The browser in use, or its launch; emptied after a crash while relaunches are left. */
  #current: Promise<LaunchedBrowser> | undefined;
  #launches = 0;
  #relaunchesLeft = RELAUNCHES;
  readonly #crashed = new WeakSet<LaunchedBrowser>();
  /** Crashed browsers being cleaned up, which close() waits for. */
  readonly #reaping: Promise<unknown>[] = [];
  /** How the last crashed browser ended (`killed by SIGKILL`), once it is reaped. */
  #lastCrash: Promise<string> | undefined;
  /** Removing the profiles of presskit processes that were killed, alongside the launch. */
  #sweep: Promise<void> | undefined;
  #startFailure: PresskitError | undefined;
  #closing: Promise<void> | undefined;
  #pid: number | undefined;

  constructor(options: BrowserManagerOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${options.concurrency}`);
    }
    const pageUses = options.pageUses ?? DEFAULT_PAGE_USES;
    if (!Number.isInteger(pageUses) || pageUses < 1) {
      throw new RangeError(`pageUses must be a positive integer, got ${pageUses}`);
    }
    const launchTimeoutMs = options.launchTimeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS;
    if (!(launchTimeoutMs > 0)) {
      throw new RangeError(`launchTimeoutMs must be positive, got ${launchTimeoutMs}`);
    }
    this.#executablePath = options.executablePath;
    this.#concurrency = options.concurrency;
    this.#slots = new Slots(options.concurrency);
    this.#pageUses = pageUses;
    this.#preparePage = options.preparePage;
    this.#launchTimeoutMs = launchTimeoutMs;
  }

  /** True once a launch has begun, even if it failed or the browser is closed since. */
  get launched(): boolean {
    return this.#launches > 0;
  }

  /** Process id of the browser, once it runs (the relaunched one after a crash). */
  get pid(): number | undefined {
    return this.#pid;
  }

  /**
   * Why the first launch failed, if it did: no browser ever ran, so nothing can be printed
   * (a run-level problem, not one of each release). Not set for a launch stopped by close().
   */
  get startFailure(): PresskitError | undefined {
    return this.#startFailure;
  }

  /**
   * Runs `fn` on a pooled page. At most `concurrency` pages exist; a page comes back
   * to the pool when `fn` succeeds and is closed when it fails, since its state is then
   * unknown (mid-navigation, hung renderer...), or when it has served `pageUses` times.
   *
   * If the browser crashes under `fn`, `fn` runs once more on a fresh page of the
   * relaunched browser: it must be safe to repeat (printing is).
   */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    this.#assertOpen();
    await this.#slots.acquire();
    try {
      try {
        return await this.#onPage(fn);
      } catch (error) {
        if (!(error instanceof LostBrowser)) throw error;
      }
      try {
        return await this.#onPage(fn);
      } catch (error) {
        if (!(error instanceof LostBrowser)) throw error;
        throw finalCrash(this.#label, await error.crashed.reap());
      }
    } finally {
      this.#slots.release();
    }
  }

  /**
   * Launches the browser now instead of at the first page, and opens and prepares the
   * first `pages` pages (at most `concurrency`), so that all this happens while the caller
   * does other work: a second page opened only when the second document is ready would
   * keep it waiting for Chrome's new renderer. Called again with more, it opens the others,
   * unless `withPage` has already begun opening pages its own way. A failed launch rejects
   * here and again at the next `withPage`.
   */
  async start(pages = 1): Promise<void> {
    this.#assertOpen();
    const current = await this.#browser();
    const wanted = Math.min(pages, this.#concurrency);
    while (!this.#pageTaken && this.#earlyAsked < wanted) {
      this.#earlyAsked++;
      // A page that fails to open here is simply opened again when needed.
      this.#early.push(this.#newPage(current).catch(() => undefined));
    }
    await Promise.all(this.#early);
  }

  /** Closes the browser and removes its profile. Idempotent; safe at any moment. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  get #label(): string {
    return this.#executablePath ?? BROWSER_LABEL;
  }

  #assertOpen(): void {
    if (this.#closing !== undefined) throw interrupted();
  }

  /** One try of `fn`; throws LostBrowser if the browser crashed under it. */
  async #onPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    this.#assertOpen();
    const current = await this.#browser();
    this.#assertOpen();
    let page: Page;
    try {
      page =
        this.#takeIdlePage() ?? (await this.#takeEarlyPage()) ?? (await this.#newPage(current));
    } catch (error) {
      throw this.#lostOr(error, current);
    }
    let succeeded = false;
    try {
      const result = await fn(page);
      succeeded = true;
      return result;
    } catch (error) {
      throw this.#lostOr(error, current);
    } finally {
      if (this.#closing === undefined && !page.isClosed() && page.browser().connected) {
        const uses = (this.#uses.get(page) ?? 0) + 1;
        this.#uses.set(page, uses);
        if (!succeeded) await closePage(page);
        else if (uses < this.#pageUses) this.#idle.push(page);
        // Worn out, not broken: nobody needs to wait for it to go.
        else void closePage(page);
      }
    }
  }

  /** `error`, or LostBrowser when what failed was the browser dying (not closed by us). */
  #lostOr(error: unknown, current: LaunchedBrowser): unknown {
    if (this.#closing !== undefined || current.browser.connected) return error;
    // Puppeteer reports the disconnection before the failures it causes; this is in case not.
    this.#onDisconnected(current);
    return new LostBrowser(current);
  }

  async #takeEarlyPage(): Promise<Page | undefined> {
    this.#pageTaken = true;
    const early = this.#early.shift();
    const page = await early;
    return page && usable(page) ? page : undefined;
  }

  #takeIdlePage(): Page | undefined {
    let page = this.#idle.pop();
    while (page && !usable(page)) page = this.#idle.pop();
    return page;
  }

  /** A new prepared page, in at most the launch timeout: a browser that hangs is not waited on. */
  async #newPage(current: LaunchedBrowser): Promise<Page> {
    const opening = this.#openPage(current);
    return withinDeadline(opening, this.#launchTimeoutMs, () => {
      void opening.then(closePage, () => undefined);
      throw new PresskitError('E_BROWSER', {
        file: this.#label,
        message: `the browser did not open a page within ${seconds(this.#launchTimeoutMs)}`,
      });
    });
  }

  async #openPage(current: LaunchedBrowser): Promise<Page> {
    const page = (await current.takeStartupPage()) ?? (await current.browser.newPage());
    try {
      await this.#preparePage?.(page);
    } catch (error) {
      await closePage(page);
      throw error;
    }
    return page;
  }

  #browser(): Promise<LaunchedBrowser> {
    this.#current ??= this.#launch();
    return this.#current;
  }

  async #launch(): Promise<LaunchedBrowser> {
    const first = this.#launches++ === 0;
    this.#sweep ??= removeStaleProfiles();
    let current: LaunchedBrowser;
    try {
      const executablePath = this.#executablePath ?? findBrowser();
      current = await launchBrowser(executablePath, {
        signal: this.#closed.signal,
        timeoutMs: this.#launchTimeoutMs,
      });
    } catch (error) {
      if (!isPresskitError(error) || error.code !== 'E_BROWSER') throw error;
      if (first) this.#startFailure = error;
      if (this.#lastCrash === undefined) throw error;
      // The relaunch after a crash: the crash is the news, the failed start its sequel.
      throw new PresskitError('E_BROWSER', {
        file: this.#label,
        message: `the browser crashed (${await this.#lastCrash}); relaunching it failed: ${error.problems[0]?.message}`,
      });
    }
    this.#pid = current.pid;
    current.browser.once('disconnected', () => this.#onDisconnected(current));
    // One that died as it started is noticed now, not at its first page.
    if (!current.browser.connected) this.#onDisconnected(current);
    return current;
  }

  /** The browser went away without close(): it crashed or was killed. */
  #onDisconnected(crashed: LaunchedBrowser): void {
    if (this.#closing !== undefined || this.#crashed.has(crashed)) return;
    this.#crashed.add(crashed);
    this.#idle.length = 0;
    this.#early.length = 0;
    const reaped = crashed.reap();
    this.#reaping.push(reaped);
    this.#lastCrash = reaped;
    if (this.#relaunchesLeft > 0) {
      this.#relaunchesLeft--;
      // The next page launches a fresh browser.
      this.#current = undefined;
    } else {
      const label = this.#label;
      this.#current = reaped.then((how) => Promise.reject(finalCrash(label, how)));
      this.#current.catch(() => undefined);
    }
  }

  async #shutdown(): Promise<void> {
    this.#slots.cancel(interrupted());
    this.#idle.length = 0;
    // Stops a launch under way; a started browser is closed below.
    this.#closed.abort();
    const current = await this.#current?.catch(() => undefined);
    await current?.close();
    await Promise.all(this.#reaping);
    await this.#sweep;
  }
}

/** Thrown inside withPage when the browser crashed under a page's work. */
class LostBrowser extends Error {
  constructor(readonly crashed: LaunchedBrowser) {
    super('the browser crashed');
  }
}

/** The crash after the relaunch, which ends printing for this build. */
function finalCrash(label: string, how: string): PresskitError {
  return new PresskitError('E_BROWSER', {
    file: label,
    message: `the browser crashed (${how}), again after being relaunched once`,
  });
}

function usable(page: Page): boolean {
  return !page.isClosed() && page.browser().connected;
}

/**
 * Puppeteer's `page.close()` waits for Chrome to report the tab gone, which never
 * happens after some failures (a document that navigated itself mid-print was seen to
 * do this). The pool forgets the page either way; closing the browser reaps it.
 */
async function closePage(page: Page): Promise<void> {
  await settledWithin(page.close(), CLOSE_GRACE_MS);
}

/** A counting semaphore with a FIFO queue: bounded concurrency, fair order. */
class Slots {
  #free: number;
  readonly #waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  #cancelled: Error | undefined;

  constructor(size: number) {
    this.#free = size;
  }

  acquire(): Promise<void> {
    if (this.#cancelled) return Promise.reject(this.#cancelled);
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  release(): void {
    const next = this.#waiting.shift();
    // A freed slot passes straight to the next waiter, so none can be overtaken.
    if (next) next.resolve();
    else this.#free++;
  }

  /** Fails every waiting and future `acquire()`. */
  cancel(error: Error): void {
    this.#cancelled = error;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
  }
}
