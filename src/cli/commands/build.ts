import { build } from '../../index.js';
import { definedOnly } from '../../util/defined.js';
import { printableJson } from '../../util/unsafe-text.js';
import { buildProgress, printBuildSummary } from '../build-reporter.js';
import type { RegisterCommand } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { paperSize, positiveInt, shard, vcardVersion } from '../parse-flags.js';
import type { ProjectFlags } from '../project-flags.js';
import { fromCwd, projectFlags, projectOptions } from '../project-flags.js';
import { createOutput } from '../output.js';

interface BuildFlags extends ProjectFlags {
  allowEmpty?: boolean;
  out?: string;
  browser?: string;
  concurrency?: number;
  force?: boolean;
  shard?: { index: number; count: number };
  paper?: 'A4' | 'Letter';
  vcardVersion?: '3.0' | '4.0';
  vcardCharset?: boolean;
  baseUrl?: string;
  now?: string;
  drafts?: boolean;
  includeEmbargoed?: boolean;
  json?: boolean;
  quiet?: boolean;
}

export const registerBuild: RegisterCommand = (program, { signal, setStatus, setQuiet }) => {
  const command = program
    .command('build')
    .description('build the press kit of every release (default: releases/)')
    .argument('[paths...]', "release files or folders (default: the project's releases/)")
    .option('-o, --out <dir>', 'output folder (default: config "out", else dist)')
    .option('--browser <path>', 'Chromium or Chrome executable to print with')
    .option(
      '-c, --concurrency <n>',
      'releases printed at once (default: from core count)',
      positiveInt,
    )
    .option('-f, --force', 'rebuild releases whose inputs did not change')
    .option('--shard <i/n>', 'build only shard i of n (for CI matrix jobs)', shard)
    .option('--paper <size>', 'paper size of the PDF: A4 or Letter', paperSize)
    .option('--vcard-version <version>', 'vCard version: 3.0 or 4.0', vcardVersion)
    .option('--vcard-charset', 'mark non-ASCII vCard 3.0 values CHARSET=UTF-8 (for Outlook)')
    .option(
      '--base-url <url>',
      'public URL of the output folder, for canonical and Open Graph links',
    )
    .option(
      '--now <datetime>',
      'the build time embargoes are compared with, ISO 8601 with offset (default: the clock)',
    )
    .option('--drafts', 'build releases with status: draft too (marked, never listed)')
    .option(
      '--include-embargoed',
      'list embargoed kits in the newsroom index too, marked (an index for a press list)',
    )
    .option('--json', 'print a machine-readable summary on stdout')
    .option('-q, --quiet', 'print errors only')
    .option('--allow-empty', 'finding no release is not an error');
  projectFlags(command).action(async (paths: string[], flags: BuildFlags) => {
    setQuiet(Boolean(flags.quiet));
    const output = createOutput(Boolean(flags.quiet));
    const progress = buildProgress(output);
    const report = await build({
      ...projectOptions(flags, paths),
      signal,
      onProgress: (event) => progress.onProgress(event),
      ...definedFlags(flags),
    }).finally(() => progress.stop());
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
};

function definedFlags(flags: BuildFlags) {
  return definedOnly({
    out: fromCwd(flags.out),
    browser: flags.browser,
    concurrency: flags.concurrency,
    force: flags.force,
    shard: flags.shard,
    paper: flags.paper,
    vcardVersion: flags.vcardVersion,
    vcardCharset: flags.vcardCharset,
    baseUrl: flags.baseUrl,
    now: flags.now,
    drafts: flags.drafts,
    includeEmbargoed: flags.includeEmbargoed,
    allowEmpty: flags.allowEmpty,
  });
}
