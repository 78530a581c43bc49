import { diagnose } from '../../index.js';
import type { DoctorCheck } from '../../index.js';
import { printable, printableJson } from '../../util/unsafe-text.js';
import type { RegisterCommand } from '../context.js';
import { EXIT } from '../exit-codes.js';
import type { ProjectFlags } from '../project-flags.js';
import { fromCwd, projectFlags, projectOptions } from '../project-flags.js';

const MARK: Record<DoctorCheck['status'], string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };

/** `presskit doctor`: the report on stdout (it is the command's output), as text or JSON. */
export const registerDoctor: RegisterCommand = (program, { signal, setStatus }) => {
  const command = program
    .command('doctor')
    .description('say what a build here would use: Node, browser, fonts, config, output folder')
    .option('-o, --out <dir>', 'output folder to check (default: config "out", else dist)')
    .option('--browser <path>', 'Chromium or Chrome executable to check')
    .option('--json', 'print the report as JSON');
  projectFlags(command).action(
    async (flags: ProjectFlags & { out?: string; browser?: string; json?: boolean }) => {
      const report = await diagnose({
        ...projectOptions(flags),
        signal,
        ...(flags.out !== undefined ? { out: fromCwd(flags.out) } : {}),
        ...(flags.browser !== undefined ? { browser: flags.browser } : {}),
      });
      if (flags.json) {
        process.stdout.write(`${printableJson(report)}\n`);
      } else {
        for (const check of report.checks) {
          process.stdout.write(
            `${MARK[check.status]}  ${check.name.padEnd(9)}${printable(check.detail)}\n`,
          );
          if (check.advice)
            process.stdout.write(`      ${''.padEnd(9)}→ ${printable(check.advice)}\n`);
        }
      }
      setStatus(report.ok ? EXIT.ok : EXIT.failed);
    },
  );
};
