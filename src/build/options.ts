import type { ErrorCode, Problem } from '../errors.js';
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

export interface FileReport {
  /** Path relative to the output folder, with `/`. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface ReleaseReport {
  /** Source path as shown to the user. */
  source: string;
  slug?: string;
  /** `skipped`: not built because the build was interrupted, before or while it ran. */
  status: 'built' | 'unchanged' | 'failed' | 'skipped';
  title?: string;
  date?: string;
  lang?: string;
  kind?: string;
  /** Every file of the kit, then the zip. */
  files: FileReport[];
  zip?: FileReport;
  problems: Problem[];
  /** The error code of a failed release's problems, e.g. `E_OUTPUT`. */
  errorCode?: ErrorCode;
  /**
   * When a bug in presskit failed this release: its stack trace, for the bug report (the
   * CLI prints it when PRESSKIT_DEBUG is set).
   */
  internalError?: string;
  /**
   * Milliseconds spent on this release, start to finish, and on its PDF: waiting for a
   * free page, printing, and setting the PDF's metadata.
   */
  timings: { totalMs: number; pdfMs?: number };
}

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
