import { inspect } from 'node:util';
import { printable } from './util/unsafe-text.js';

/**
 * The one error class for failures the user can fix (bad input, missing browser, ...).
 * Known errors print as one line. Anything else is a bug: met in one release, it fails that
 * release with one line (internalErrorProblem); elsewhere the run stops and prints its stack.
 */
export type ErrorCode =
  | 'E_READ'
  | 'E_FRONTMATTER'
  | 'E_YAML'
  | 'E_SCHEMA'
  | 'E_MARKDOWN'
  | 'E_ASSET'
  | 'E_CONTACT'
  | 'E_CONFIG'
  | 'E_TEMPLATE'
  | 'E_BROWSER'
  | 'E_USAGE'
  /** The output folder overlaps the project's sources, or holds files presskit did not write. */
  | 'E_OUTPUT'
  /** A file could not be written (disk full, read-only, permissions). */
  | 'E_WRITE'
  /** Another build holds the output folder. */
  | 'E_LOCKED'
  | 'E_INTERRUPTED';

export interface Problem {
  /** Path of the file at fault, as given or relative to the working directory. */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Dotted field path, e.g. `contacts[0].phone`. */
  field?: string;
  message: string;
}

export class PresskitError extends Error {
  override readonly name = 'PresskitError';
  readonly code: ErrorCode;
  /** Every problem found; the first one is also the error's message. */
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, problems: Problem | readonly Problem[]) {
    const given = Array.isArray(problems) ? problems : [problems as Problem];
    if (given.length === 0) throw new TypeError('PresskitError needs at least one problem');
    const list = given.map(singleLine);
    super(list.map(formatProblem).join('\n'));
    this.code = code;
    this.problems = list;
  }
}

/**
 * Problems echo user values; a newline in one must not split the report or forge a line in a
 * CI log, so control characters are shown escaped (`\n`).
 */
function singleLine(problem: Problem): Problem {
  return {
    ...problem,
    file: printable(problem.file),
    message: printable(problem.message),
    ...(problem.field !== undefined ? { field: printable(problem.field) } : {}),
  };
}

/** `file:line:col: field: message`, the form editors and CI annotations understand. */
export function formatProblem(problem: Problem): string {
  let where = problem.file;
  if (problem.line !== undefined) {
    where += `:${problem.line}`;
    if (problem.column !== undefined) where += `:${problem.column}`;
  }
  const field = problem.field ? `${problem.field}: ` : '';
  // Problems made outside PresskitError echo user values too: this line must stay one line.
  return printable(`${where}: ${field}${problem.message}`);
}

/** A warning, as `build` and `check` print it: `file:line: warning: message`. */
export function formatWarning(warning: Problem): string {
  return formatProblem({ ...warning, field: 'warning' });
}

/**
 * A release's problems in the order of its file, as an editor lists them: by file (in the
 * order first met), then by line; one without a line (the whole file) first. Stable.
 */
export function byLine(problems: readonly Problem[]): Problem[] {
  const files = [...new Set(problems.map((problem) => problem.file))];
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        files.indexOf(a.problem.file) - files.indexOf(b.problem.file) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        (a.problem.column ?? 0) - (b.problem.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

export function isPresskitError(error: unknown): error is PresskitError {
  return error instanceof PresskitError;
}

/**
 * A bug met while building or checking one release: that release's problem, so the others
 * go on. Its stack is for the bug report (see `internalErrorDetail`), not the user's log.
 */
export function internalErrorProblem(file: string, task: string, error: unknown): Problem {
  const message = printable(error instanceof Error ? error.message : String(error));
  return {
    file: printable(file),
    message:
      `internal error while ${task} this release: ${message} ` +
      '(please report it; PRESSKIT_DEBUG=1 prints its stack trace)',
  };
}

/** The stack trace of a bug, with its causes. */
export function internalErrorDetail(error: unknown): string {
  return inspect(error, { depth: 4 });
}
