/**
 * What a build reports of each release and file: made by the pipeline, kept by the
 * incremental state, read back by the newsroom. Apart from the build's options so that
 * those stages need not import the orchestrator.
 */
import type { ErrorCode, Problem } from './errors.js';
import type { KitLifecycle } from './types.js';

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
  /**
   * `skipped`: not built because the build was interrupted, before or while it ran.
   * `draft`: left out, a draft (`status: draft`) in a build without `drafts`.
   */
  status: 'built' | 'unchanged' | 'failed' | 'skipped' | 'draft';
  /**
   * What the kit is, as built: published (listed in the newsroom), embargoed (built and
   * marked, listed only with `includeEmbargoed`), draft (never listed), withdrawn (a
   * notice page, no zip).
   */
  lifecycle?: KitLifecycle;
  /** The embargo as written, when the release has one. */
  embargo?: string;
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

export interface RemovedKit {
  slug: string;
  /** The release the kit was built from, as the state recorded it. */
  sourceFile: string;
  why: 'gone' | 'renamed' | 'draft';
  /** Files of the kit left in place: changed since presskit wrote them, or not its own. */
  kept: string[];
}
