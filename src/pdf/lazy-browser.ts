import { isPresskitError, PresskitError } from '../errors.js';
import type { BrowserManager } from '../browser/manager.js';

/** The browser is found and created on first use: a no-change build needs none at all. */
export interface LazyBrowser {
  get(): Promise<BrowserManager>;
  /**
   * Starts the browser in the background, so that it boots while kits are rendered, and
   * opens `pages` pages (at most the concurrency) for the first prints. Resolves once the
   * launch has begun (puppeteer loaded, Chromium's process started), never rejects: a
   * failure is reported where the browser is used. Called again with more pages, it opens
   * the others too.
   */
  warmUp(pages?: number): Promise<void>;
  /** Whether a browser was started at all in this build. */
  readonly launched: boolean;
  /**
   * Why no browser could be found or started, if so: nothing can print, a problem of the
   * run rather than of each release. Unset when the build was stopped.
   */
  readonly startFailure: PresskitError | undefined;
  /** Closes the browser; later `get()` calls fail as interrupted. Idempotent. */
  close(): Promise<void>;
}

export function lazyBrowser(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv,
  concurrency: number,
): LazyBrowser {
  let manager: BrowserManager | undefined;
  let creating: Promise<BrowserManager> | undefined;
  let warming: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  let notFound: PresskitError | undefined;
  const get = (): Promise<BrowserManager> => {
    if (closing) {
      return Promise.reject(
        new PresskitError('E_INTERRUPTED', { file: 'browser', message: 'interrupted' }),
      );
    }
    // puppeteer is loaded only when something is printed: `check` and no-change builds skip it.
    creating ??= Promise.all([
      import('../browser/manager.js'),
      import('../browser/find.js'),
      import('./print-page.js'),
    ]).then(([{ BrowserManager }, { findBrowser }, { preparePrintPage }]) => {
      manager = new BrowserManager({
        executablePath: findBrowser(explicit, env),
        concurrency,
        // Pages are only ever used to print: they are made safe for it as they open.
        preparePage: preparePrintPage,
      });
      return manager;
    });
    creating.catch((error: unknown) => {
      if (isPresskitError(error) && error.code === 'E_BROWSER') notFound = error;
    });
    return creating;
  };
  return {
    get,
    warmUp(pages = 1) {
      warming ??= get().then(
        async (browser) => {
          void browser.start().catch(() => undefined);
          // The launch reaches Chromium's spawn without waiting for any I/O (see
          // createProfile), in microtasks: one turn of the event loop lets all of them run
          // before the caller goes on. In build() that is a synchronous load of the rest of
          // presskit, a tenth of a second that Chromium now boots through.
          await new Promise((resolve) => setImmediate(resolve));
        },
        () => undefined,
      );
      if (pages > 1) {
        void warming.then(() => manager?.start(pages)).catch(() => undefined);
      }
      return warming;
    },
    get launched() {
      return manager?.launched ?? false;
    },
    get startFailure() {
      return notFound ?? manager?.startFailure;
    },
    close() {
      closing ??= (async () => {
        await creating?.catch(() => undefined);
        await manager?.close();
      })();
      return closing;
    },
  };
}
