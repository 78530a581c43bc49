import { formatProblem } from '../errors.js';
import type { Problem } from '../errors.js';
import { printable } from '../util/unsafe-text.js';

/** Where status goes: stderr, so stdout stays clean for --json. */
export interface Output {
  /** Lines for people: suppressed by --quiet. Controls in a line are shown escaped. */
  info(line: string): void;
  /** Problems: always shown. Controls in a line are shown escaped. */
  error(line: string): void;
  /** Machine output. */
  data(text: string): void;
  /** Colour and live progress only on an interactive terminal outside CI. */
  interactive: boolean;
  /** PRESSKIT_DEBUG is set: print the stack traces of bugs met in releases. */
  debug: boolean;
}

export function createOutput(quiet: boolean, env: NodeJS.ProcessEnv = process.env): Output {
  const interactive = Boolean(process.stderr.isTTY) && !env['CI'] && !quiet;
  return {
    info: (line) => {
      if (!quiet) process.stderr.write(`${printable(line)}\n`);
    },
    error: (line) => process.stderr.write(`${printable(line)}\n`),
    data: (text) => process.stdout.write(text),
    interactive,
    debug: Boolean(env['PRESSKIT_DEBUG']) && env['PRESSKIT_DEBUG'] !== '0',
  };
}

/**
 * With PRESSKIT_DEBUG, the stack trace of each bug that failed releases, once however many
 * it failed: the same message thrown at the same place is the same bug (the frames below
 * differ by which release it was). Without, the one-line problems say how to see them.
 */
export function printInternalErrors(
  releases: readonly { internalError?: string }[],
  output: Output,
): void {
  if (!output.debug) return;
  const printed = new Set<string>();
  for (const { internalError } of releases) {
    if (internalError === undefined) continue;
    const bug = internalError.split('\n', 2).join('\n');
    if (printed.has(bug)) continue;
    printed.add(bug);
    // Line by line: each line is still shown with its controls escaped.
    for (const line of internalError.split('\n')) output.error(line);
  }
}

export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}
