import { Command, CommanderError } from 'commander';
import { isPresskitError, VERSION } from '../index.js';
import { printableLines } from '../util/unsafe-text.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerDoctor } from './commands/doctor.js';
import { registerImport } from './commands/import.js';
import { registerIndex } from './commands/index-page.js';
import { registerInit } from './commands/init.js';
import { registerNew } from './commands/new.js';
import { registerPreview } from './commands/preview.js';
import { registerSchema } from './commands/schema.js';
import type { CommandContext, RegisterCommand } from './context.js';
import { EXIT } from './exit-codes.js';
import { createOutput, problemLines } from './output.js';
import type { Output } from './output.js';

/** Runs the command line and returns the exit status; never exits the process itself. */
export async function run(argv: string[]): Promise<number> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  // `on`, not `once`, for the whole run: with no listener of ours left after a first signal,
  // signal-exit (loaded by the lock library) would re-raise it and kill the process before
  // the build has cleaned up. A second Ctrl-C finds the stop already under way.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let output: Output = createOutput(false);
  // Node ends a process whose work is all waiting on promises nothing will settle, with no
  // message and, here, exit code 0: a bug must not pass for a good build.
  let onDrained = (): void => undefined;
  const drained = new Promise<never>((_, reject) => {
    onDrained = () =>
      reject(new Error('the run stopped with its work unfinished, waiting on nothing'));
  });
  process.once('beforeExit', onDrained);
  try {
    let status: number = EXIT.ok;
    const program = createProgram({
      signal: controller.signal,
      setStatus: (code) => (status = code),
      setQuiet: (quiet) => (output = createOutput(quiet)),
    });
    await Promise.race([program.parseAsync(argv), drained]);
    return status;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (isPresskitError(error)) {
      for (const line of problemLines(error.problems)) output.error(`presskit: ${line}`);
      return controller.signal.aborted ? EXIT.interrupted : EXIT.usage;
    }
    output.error('presskit: internal error, please report it:');
    const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
    for (const line of details.split('\n')) output.error(line);
    return EXIT.internal;
  } finally {
    process.off('beforeExit', onDrained);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Every command, in the order `--help` lists them: each declares itself in commands/. */
const COMMANDS: readonly RegisterCommand[] = [
  registerInit,
  registerNew,
  registerImport,
  registerBuild,
  registerCheck,
  registerIndex,
  registerPreview,
  registerSchema,
  registerDoctor,
];

function createProgram(context: CommandContext): Command {
  const program = new Command('presskit')
    .description('Turn Markdown press releases into complete press kits.')
    .version(VERSION)
    .exitOverride()
    // Commander echoes arguments in its errors: a pasted ESC must not reach the terminal raw.
    .configureOutput({ writeErr: (text) => process.stderr.write(printableLines(text)) })
    .showHelpAfterError('(run presskit --help for usage)');
  for (const register of COMMANDS) register(program, context);
  return program;
}
