import type { Problem } from '../errors.js';
import type { ReleaseReport } from '../reports.js';

export type { FileReport, ReleaseReport } from '../reports.js';
import type { BrowserSession } from '../pdf/browser-session.js';
import type { PaperSize, VcardVersion } from '../types.js';

/** Options of `build()`; every member is optional. Flags win over the config file. */
export interface BuildOptions {
  /** Project root: config is read here and nothing outside it is read. Default: cwd. */
  root?: string;
  /** Release files or folders, relative to root. Default: `releases`. */
  paths?: string[];
  /** Output folder, relative to root. Default: config `out`, else `dist`. */
  out?: string;
  /** Chromium or Chrome executable. */
  browser?: string;
  /**
   * A browser kept open across builds (openBrowserSession): the build prints with it and
   * leaves it open. Default: one of its own, closed when the build is done.
   */
  browserSession?: BrowserSession;
  /** Releases printed at once (browser pages). Default: from the core count. */
  concurrency?: number;
  /** Rebuild releases whose inputs did not change. */
  force?: boolean;
  /** Build only shard `index` (1-based) of `count`. */
  shard?: { index: number; count: number };
  paper?: PaperSize;
  vcardVersion?: VcardVersion;
  baseUrl?: string;
  /** Environment read for SOURCE_DATE_EPOCH and browser paths. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Aborting stops the build: no new release starts, the browser closes. */
  signal?: AbortSignal;
  /** Called as releases start and finish, for progress display. */
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  /** Something to tell the user now: waiting for another build, a cleaned-up state entry. */
  | { type: 'notice'; message: string }
  | { type: 'start'; total: number }
  | { type: 'release-start'; source: string }
  | { type: 'release-done'; report: ReleaseReport; done: number; total: number };

export interface BuildReport {
  ok: boolean;
  interrupted: boolean;
  /** False when nothing needed printing (e.g. a no-change rebuild). */
  browserLaunched: boolean;
  outDir: string;
  releases: ReleaseReport[];
  /** Problems of the run rather than of one release, e.g. a newsroom index not written. */
  problems: Problem[];
  /**
   * True when presskit refused to replace something in the output folder that it did not
   * write (a release's kit folder, the newsroom index): the CLI exits 2.
   */
  outputRefused: boolean;
  timings: { totalMs: number };
}
