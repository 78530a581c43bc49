import { diagnose } from '../../index.js';
import type { DoctorCheck } from '../../index.js';
import { printable, printableJson } from '../../util/unsafe-text.js';
import type { RegisterCommand } from '../context.js';
import { EXIT } from '../exit-codes.js';

const MARK: Record<DoctorCheck['status'], string> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };

/** `presskit doctor`: the report on stdout (it is the command's output), as text or JSON. */
export const registerDoctor: RegisterCommand = (program, { signal, setStatus }) => {
  program
    .command('doctor')
    .description('say what a build here would use: Node, browser, fonts, config, output folder')
    .option('-o, --out <dir>', 'output folder to check (default: config "out", else dist)')
    .option('--browser <path>', 'Chromium or Chrome executable to check')
    .option('--json', 'print the report as JSON')
    .action(async (flags: { out?: string; browser?: string; json?: boolean }) => {
      const report = await diagnose({
        signal,
        ...(flags.out !== undefined ? { out: flags.out } : {}),
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
    });
};
