import { writeNewsroomIndex } from '../../index.js';
import { printable } from '../../util/unsafe-text.js';
import type { RegisterCommand } from '../context.js';
import type { ProjectFlags } from '../project-flags.js';
import { fromCwd, projectFlags, projectOptions } from '../project-flags.js';

export const registerIndex: RegisterCommand = (program, { signal }) => {
  const command = program
    .command('index')
    .description('rebuild the newsroom index.html from the kits in an output folder')
    .argument('[out]', 'output folder holding the kits (default: config "out", else dist)')
    .option(
      '--include-embargoed',
      'list embargoed kits too, marked (an index for a press list, not for the public)',
    )
    .option(
      '--base-url <url>',
      'public URL of the output folder: writes the feeds, sitemap.xml and robots.txt (default: config "baseUrl")',
    );
  projectFlags(command).action(
    async (
      out: string | undefined,
      flags: ProjectFlags & { includeEmbargoed?: boolean; baseUrl?: string },
    ) => {
      const folder = fromCwd(out);
      const report = await writeNewsroomIndex({
        ...projectOptions(flags),
        ...(folder !== undefined ? { out: folder } : {}),
        includeEmbargoed: flags.includeEmbargoed ?? false,
        ...(flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {}),
        signal,
        onNotice: (message) => process.stderr.write(`${printable(message)}\n`),
      });
      const beside = report.published.length > 0 ? ` and ${report.published.join(', ')}` : '';
      process.stderr.write(
        `${report.releases} release(s) listed in ${printable(report.file)}${beside}
`,
      );
    },
  );
};
