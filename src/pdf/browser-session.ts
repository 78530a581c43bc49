import type { LazyBrowser } from './lazy-browser.js';
import { lazyBrowser } from './lazy-browser.js';

/**
 * A print browser kept open across builds, for `preview`: each save prints with a warm
 * browser instead of paying Chromium's start. Still launched lazily, on the first PDF.
 */
export interface BrowserSession {
  /** What each build prints with; its close() is the session's to call, not the build's. */
  readonly borrowed: LazyBrowser;
  close(): Promise<void>;
}

export interface BrowserSessionOptions {
  browser?: string;
  env?: NodeJS.ProcessEnv;
  concurrency?: number;
}

export function openBrowserSession(options: BrowserSessionOptions = {}): BrowserSession {
  const owned = lazyBrowser(options.browser, options.env ?? process.env, options.concurrency ?? 1);
  const borrowed: LazyBrowser = {
    get: () => owned.get(),
    warmUp: (pages) => owned.warmUp(pages),
    get launched() {
      return owned.launched;
    },
    get startFailure() {
      return owned.startFailure;
    },
    // A build closes its browser when it is done printing: this one outlives the build.
    close: () => Promise.resolve(),
  };
  return { borrowed, close: () => owned.close() };
}
