import { writeNewsroomIndex } from '../../index.js';
import { printable } from '../../util/unsafe-text.js';
import type { RegisterCommand } from '../context.js';

export const registerIndex: RegisterCommand = (program, { signal }) => {
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
};
