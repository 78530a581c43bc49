import type { Command } from 'commander';

/** What every command gets from the run: the stop signal and where its exit status goes. */
export interface CommandContext {
  signal: AbortSignal;
  setStatus(code: number): void;
  /** A command that takes --quiet says so, so that even a failure is reported quietly. */
  setQuiet(quiet: boolean): void;
}

/** A command of the CLI: declares its arguments and options, and calls the library. */
export type RegisterCommand = (program: Command, context: CommandContext) => void;
