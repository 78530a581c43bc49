import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer';
import type { Browser, Page } from 'puppeteer';
import { PresskitError } from '../errors.js';
import { findBrowser } from './browser-path.js';
import { headlessMode, launchArgs } from './launch-args.js';

export interface BrowserManagerOptions {
  /** Chrome or Chromium to run; found with `findBrowser()` at launch time when absent. */
  executablePath?: string;
  /** Most pages open at once; further callers wait their turn. */
  concurrency: number;
  /** Documents printed on one page before it is replaced by a fresh one (default 100). */
  pageUses?: number;
  /** Run on every new page before its first use, e.g. to switch JavaScript off. */
  preparePage?: (page: Page) => Promise<void>;
}

/**
 * Chrome gets slower on a page that has printed many `setContent()` documents: with fonts
 * inline as `data:` URIs, 230 ms per document at first and over 500 ms after 100 on the
 * bench machine. With the print fonts served (see print-page.ts) it stays flat for a few
 * hundred documents and then creeps up; a new page costs about one print, and drops the
 * cached fonts. 100 keeps printing at its first speed.
 */
const DEFAULT_PAGE_USES = 100;

const run = promisify(execFile);

/** Label for messages when the problem is the browser, not a user file. */
const BROWSER = 'chromium';

/** How long a graceful close (of the browser, or of a failed page) may take before we stop waiting. */
const CLOSE_GRACE_MS = 5_000;

/**
 * The one browser of a build: launched lazily (a build with nothing to print starts
 * none), at most once, serving a small pool of reused pages, and closed exactly once.
 * `close()` may be called at any moment, including from a signal handler while the
 * browser is still starting.
 */
export class BrowserManager implements AsyncDisposable {
  readonly #executablePath: string | undefined;
  readonly #slots: Slots;
  readonly #idle: Page[] = [];
  readonly #pageUses: number;
  readonly #uses = new WeakMap<Page, number>();
  readonly #preparePage: ((page: Page) => Promise<void>) | undefined;
  /** The page `start()` opens ahead of the first caller, until that caller takes it. */
  #firstPage: Promise<Page | undefined> | undefined;
  /** Aborting kills a browser that is still starting, or one that ignores `close()`. */
  readonly #abort = new AbortController();
  #launching: Promise<Browser> | undefined;
  #started = false;
  #closing: Promise<void> | undefined;
  #userDataDir: string | undefined;
  #pid: number | undefined;

  constructor(options: BrowserManagerOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${options.concurrency}`);
    }
    const pageUses = options.pageUses ?? DEFAULT_PAGE_USES;
    if (!Number.isInteger(pageUses) || pageUses < 1) {
      throw new RangeError(`pageUses must be a positive integer, got ${pageUses}`);
    }
    this.#executablePath = options.executablePath;
    this.#slots = new Slots(options.concurrency);
    this.#pageUses = pageUses;
    this.#preparePage = options.preparePage;
  }

  /** True once a launch has begun, even if it failed or the browser is closed since. */
  get launched(): boolean {
    return this.#launching !== undefined;
  }

  /** Process id of the browser, once it runs. */
  get pid(): number | undefined {
    return this.#pid;
  }

  /**
   * Runs `fn` on a pooled page. At most `concurrency` pages exist; a page comes back
   * to the pool when `fn` succeeds and is closed when it fails, since its state is then
   * unknown (mid-navigation, hung renderer...), or when it has served `pageUses` times.
   */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    this.#assertOpen();
    await this.#slots.acquire();
    try {
      this.#assertOpen();
      const page = this.#takeIdlePage() ?? (await this.#takeFirstPage()) ?? (await this.#newPage());
      let succeeded = false;
      try {
        const result = await fn(page);
        succeeded = true;
        return result;
      } finally {
        if (this.#closing === undefined && !page.isClosed()) {
          const uses = (this.#uses.get(page) ?? 0) + 1;
          this.#uses.set(page, uses);
          if (!succeeded) await closePage(page);
          else if (uses < this.#pageUses) this.#idle.push(page);
          // Worn out, not broken: nobody needs to wait for it to go.
          else void closePage(page);
        }
      }
    } finally {
      this.#slots.release();
    }
  }

  /**
   * Launches the browser now instead of at the first page, and opens and prepares that
   * page, so that both happen while the caller does other work. A failed launch rejects
   * here and again at the next `withPage`.
   */
  async start(): Promise<void> {
    this.#assertOpen();
    this.#launching ??= this.#launch();
    await this.#launching;
    // A page that fails to open here is simply opened again when needed.
    this.#firstPage ??= this.#newPage().catch(() => undefined);
    await this.#firstPage;
  }

  /** Closes the browser and removes its profile. Idempotent; safe at any moment. */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #assertOpen(): void {
    if (this.#closing !== undefined) throw interrupted();
  }

  async #takeFirstPage(): Promise<Page | undefined> {
    const first = this.#firstPage;
    if (first === undefined) return undefined;
    this.#firstPage = Promise.resolve(undefined);
    const page = await first;
    return page && !page.isClosed() ? page : undefined;
  }

  #takeIdlePage(): Page | undefined {
    let page = this.#idle.pop();
    while (page?.isClosed()) page = this.#idle.pop();
    return page;
  }

  async #newPage(): Promise<Page> {
    this.#launching ??= this.#launch();
    const browser = await this.#launching;
    this.#assertOpen();
    if (!browser.connected) {
      throw new PresskitError('E_BROWSER', {
        file: this.#executablePath ?? BROWSER,
        message: 'the browser exited unexpectedly',
      });
    }
    const page = await browser.newPage();
    try {
      await this.#preparePage?.(page);
    } catch (error) {
      await closePage(page);
      throw error;
    }
    return page;
  }

  async #launch(): Promise<Browser> {
    const executablePath = this.#executablePath ?? findBrowser();
    // Our own profile folder, so that close() can remove it whatever state the launch is in.
    this.#userDataDir = await mkdtemp(join(tmpdir(), 'presskit-chromium-'));
    process.once('exit', this.#removeProfileOnExit);
    try {
      const browser = await puppeteer.launch({
        executablePath,
        headless: headlessMode(executablePath),
        // A pipe instead of a DevTools port on localhost, which any local process could use.
        pipe: true,
        userDataDir: this.#userDataDir,
        args: launchArgs(),
        // Signals belong to the build orchestrator, which calls close().
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        signal: this.#abort.signal,
      });
      this.#started = true;
      this.#pid = browser.process()?.pid;
      return browser;
    } catch (error) {
      if (this.#abort.signal.aborted) throw interrupted();
      const reason = (await startupComplaint(executablePath)) ?? firstLine(error);
      throw new PresskitError('E_BROWSER', {
        file: executablePath,
        message: `could not start the browser: ${reason}`,
      });
    }
  }

  async #shutdown(): Promise<void> {
    this.#slots.cancel(interrupted());
    this.#idle.length = 0;
    const launching = this.#launching;
    if (launching !== undefined) {
      if (!this.#started) this.#abort.abort();
      const browser = await launching.catch(() => undefined);
      if (browser !== undefined) await closeOrKill(browser, this.#abort);
    }
    if (this.#userDataDir !== undefined) {
      await rm(this.#userDataDir, { recursive: true, force: true, maxRetries: 3 });
      process.off('exit', this.#removeProfileOnExit);
    }
  }

  /**
   * For a program that exits without close(): puppeteer kills the browser on exit, and
   * this removes the profile, as far as a synchronous, last-moment attempt can.
   */
  readonly #removeProfileOnExit = (): void => {
    if (this.#userDataDir === undefined) return;
    try {
      rmSync(this.#userDataDir, { recursive: true, force: true });
    } catch {
      // The dying browser may still hold files; a leftover temp folder is all that remains.
    }
  };
}

async function closeOrKill(browser: Browser, abort: AbortController): Promise<void> {
  const child = browser.process();
  await settledWithin(browser.close(), CLOSE_GRACE_MS);
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  // Puppeteer answers the abort by SIGKILLing the whole process group; the direct
  // kill covers the case where it has already let go of the process.
  abort.abort();
  child.kill('SIGKILL');
  await exited;
}

/**
 * Puppeteer's `page.close()` waits for Chrome to report the tab gone, which never
 * happens after some failures (a document that navigated itself mid-print was seen to
 * do this). The pool forgets the page either way; closing the browser reaps it.
 */
async function closePage(page: Page): Promise<void> {
  await settledWithin(page.close(), CLOSE_GRACE_MS);
}

/** Waits for `work` to settle, at most `ms`; its outcome does not matter to the caller. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    // Closing what is already gone fails, and that is what we wanted anyway.
    await Promise.race([work.catch(() => undefined), graceOver]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What the browser itself says when it cannot start (a missing shared library, typically,
 * on a bare CI image). Over a pipe, puppeteer only reports "Target closed".
 */
async function startupComplaint(executablePath: string): Promise<string | undefined> {
  try {
    await run(executablePath, ['--version'], { timeout: 10_000 });
    return undefined;
  } catch (error) {
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    return lines.at(-1)?.trim();
  }
}

function interrupted(): PresskitError {
  return new PresskitError('E_INTERRUPTED', { file: BROWSER, message: 'the browser was closed' });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n', 1)[0] ?? text;
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
