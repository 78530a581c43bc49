import type { Problem } from '../errors.js';
import type { ReleaseReport } from '../reports.js';

export type { FileReport, ReleaseReport, RemovedKit } from '../reports.js';
import type { RemovedKit } from '../reports.js';
import type { BrowserSession } from '../pdf/browser-session.js';
import type { PaperSize, VcardVersion } from '../types.js';
import type { ProjectOptions } from './project.js';

/**
 * Options of `build()`; every member is optional. Flags win over the config file.
 * `root`: the project root, where the config is read and nothing outside which is read;
 * default: the folder of the first `presskit.config.yaml` found from cwd upward, else cwd.
 * `config`: the config file (its folder is then the root). `paths`: release files or
 * folders, absolute or relative to the root; default `releases`.
 */
export interface BuildOptions extends ProjectOptions {
  /** Output folder, absolute or relative to root. Default: config `out`, else `dist`. */
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
  /** Write `CHARSET=UTF-8` on non-ASCII vCard 3.0 values (for Outlook). Default false. */
  vcardCharset?: boolean;
  baseUrl?: string;
  /**
   * The build's time, which embargoes are compared with: a Date, or an ISO 8601 datetime
   * with offset (`2026-11-27T10:00:00+01:00`). Default: the clock. The same input and the
   * same `now` give the same bytes.
   */
  now?: Date | string;
  /** Build releases with `status: draft` too (marked, noindex, never listed). */
  drafts?: boolean;
  /** List embargoed kits in the newsroom index too, marked: an index for a press list. */
  includeEmbargoed?: boolean;
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
   * Kits of releases that are gone, renamed or now drafts left out, removed from the output
   * folder (only files presskit wrote, as its state records) by this unsharded build.
   */
  removed: RemovedKit[];
  /**
   * What the build warned of, none of which failed it: release files left out (symbolic
   * links), releases in a language presskit has no labels for. Sorted by file.
   */
  warnings: Problem[];
  /**
   * True when presskit refused to replace something in the output folder that it did not
   * write (a release's kit folder, the newsroom index): the CLI exits 2.
   */
  outputRefused: boolean;
  timings: { totalMs: number };
}
