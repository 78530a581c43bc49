import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { build, check, isPresskitError, VERSION, writeNewsroomIndex } from '../index.js';
import { buildProgress, printBuildSummary } from './build-reporter.js';
import type { CheckFormat } from './check-format.js';
import { formatCheck } from './check-format.js';
import { EXIT } from './exit-codes.js';
import { createOutput, printInternalErrors, problemLines } from './output.js';
import type { Output } from './output.js';
import { definedOnly } from '../util/defined.js';
import { printable, printableJson, printableLines } from '../util/unsafe-text.js';

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
  try {
    let status: number = EXIT.ok;
    const program = createProgram(
      controller.signal,
      (code) => (status = code),
      (quiet) => (output = createOutput(quiet)),
    );
    await program.parseAsync(argv);
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
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function createProgram(
  signal: AbortSignal,
  setStatus: (code: number) => void,
  setQuiet: (quiet: boolean) => void,
): Command {
  const program = new Command('presskit')
    .description('Turn Markdown press releases into complete press kits.')
    .version(VERSION)
    .exitOverride()
    // Commander echoes arguments in its errors: a pasted ESC must not reach the terminal raw.
    .configureOutput({ writeErr: (text) => process.stderr.write(printableLines(text)) })
    .showHelpAfterError('(run presskit --help for usage)');

  program
    .command('build')
    .description('build the press kit of every release (default: releases/)')
    .argument('[paths...]', 'release files or folders', ['releases'])
    .option('-o, --out <dir>', 'output folder (default: config "out", else dist)')
    .option('--browser <path>', 'Chromium or Chrome executable to print with')
    .option(
      '-c, --concurrency <n>',
      'releases printed at once (default: from core count)',
      positiveInt,
    )
    .option('-f, --force', 'rebuild releases whose inputs did not change')
    .option('--shard <i/n>', 'build only shard i of n (for CI matrix jobs)', shard)
    .addOption(new Option('--paper <size>', 'paper size of the PDF').choices(['A4', 'Letter']))
    .addOption(new Option('--vcard-version <version>', 'vCard version').choices(['3.0', '4.0']))
    .option(
      '--base-url <url>',
      'public URL of the output folder, for canonical and Open Graph links',
    )
    .option('--json', 'print a machine-readable summary on stdout')
    .option('-q, --quiet', 'print errors only')
    .action(async (paths: string[], flags: BuildFlags) => {
      setQuiet(Boolean(flags.quiet));
      const output = createOutput(Boolean(flags.quiet));
      const report = await build({
        paths,
        signal,
        onProgress: buildProgress(output),
        ...definedFlags(flags),
      });
      printBuildSummary(report, output);
      if (flags.json) output.data(`${printableJson(report)}\n`);
      setStatus(
        report.interrupted
          ? EXIT.interrupted
          : report.ok
            ? EXIT.ok
            : report.outputRefused
              ? EXIT.usage
              : EXIT.failed,
      );
    });

  program
    .command('check')
    .description('validate releases without building them')
    .argument('[paths...]', 'release files or folders', ['releases'])
    .addOption(
      new Option('--format <format>', 'problem format')
        .choices(['text', 'json', 'github'])
        .default('text'),
    )
    .action(async (paths: string[], flags: { format: CheckFormat }) => {
      const report = await check({ paths });
      process.stdout.write(formatCheck(report, flags.format));
      printInternalErrors(report.releases, createOutput(false));
      if (flags.format === 'text') {
        const count = report.problems.length;
        process.stderr.write(
          `${report.releases.length} release(s) checked, ${count === 0 ? 'no problems' : `${count} problem(s)`}\n`,
        );
      }
      setStatus(report.ok ? EXIT.ok : EXIT.failed);
    });

  program
    .command('index')
    .description('rebuild the newsroom index.html from the kits in an output folder')
    .argument('[out]', 'output folder holding the kits (default: config "out", else dist)')
    .action(async (out: string | undefined) => {
      const report = await writeNewsroomIndex({
        ...(out !== undefined ? { out } : {}),
        signal,
        onNotice: (message) => process.stderr.write(`${printable(message)}\n`),
      });
      process.stderr.write(`${report.releases} release(s) listed in ${printable(report.file)}\n`);
    });

  return program;
}

interface BuildFlags {
  out?: string;
  browser?: string;
  concurrency?: number;
  force?: boolean;
  shard?: { index: number; count: number };
  paper?: 'A4' | 'Letter';
  vcardVersion?: '3.0' | '4.0';
  baseUrl?: string;
  json?: boolean;
  quiet?: boolean;
}

function definedFlags(flags: BuildFlags) {
  return definedOnly({
    out: flags.out,
    browser: flags.browser,
    concurrency: flags.concurrency,
    force: flags.force,
    shard: flags.shard,
    paper: flags.paper,
    vcardVersion: flags.vcardVersion,
    baseUrl: flags.baseUrl,
  });
}

function positiveInt(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('must be a whole number ≥ 1');
  return number;
}

function shard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError('must be i/n with 1 ≤ i ≤ n, e.g. 2/3');
  }
  return { index, count };
}
