import { Option } from 'commander';
import { check } from '../../index.js';
import type { CheckFormat } from '../check-format.js';
import { formatCheck, formatCheckWarnings } from '../check-format.js';
import type { RegisterCommand } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { ProjectFlags } from '../project-flags.js';
import { projectFlags, projectOptions } from '../project-flags.js';
import { createOutput, printInternalErrors } from '../output.js';

export const registerCheck: RegisterCommand = (program, { setStatus }) => {
  const command = program
    .command('check')
    .description('validate releases without building them')
    .argument('[paths...]', "release files or folders (default: the project's releases/)")
    .addOption(
      new Option('--format <format>', 'problem format')
        .choices(['text', 'json', 'github'])
        .default('text'),
    )
    .option('--drafts', 'check releases with status: draft too (default: left out, as in build)')
    .option('--allow-empty', 'finding no release is not an error');
  projectFlags(command).action(
    async (
      paths: string[],
      flags: ProjectFlags & { format: CheckFormat; allowEmpty?: boolean; drafts?: boolean },
    ) => {
      const report = await check({
        ...projectOptions(flags, paths),
        ...(flags.allowEmpty ? { allowEmpty: true } : {}),
        drafts: flags.drafts ?? false,
      });
      process.stdout.write(formatCheck(report, flags.format));
      printInternalErrors(report.releases, createOutput(false));
      if (flags.format === 'text') {
        process.stderr.write(formatCheckWarnings(report));
        const count = report.problems.length;
        const drafts = report.releases.filter((release) => release.draft).length;
        const checked = report.releases.length - drafts;
        const left = drafts > 0 ? `; ${drafts} draft(s) left out (--drafts checks them)` : '';
        const warned = report.warnings.length;
        const warnings = warned > 0 ? `, ${warned} warning(s)` : '';
        process.stderr.write(
          `${checked} release(s) checked, ${count === 0 ? 'no problems' : `${count} problem(s)`}${warnings}${left}\n`,
        );
      }
      setStatus(report.ok ? EXIT.ok : EXIT.failed);
    },
  );
};
