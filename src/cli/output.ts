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
  };
}

export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}
