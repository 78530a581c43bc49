import { createInterface } from 'node:readline/promises';
import { relative } from 'node:path';
import { formatProblem, importRelease } from '../../index.js';
import type { RegisterCommand } from '../context.js';
import { createOutput } from '../output.js';
import type { ProjectFlags } from '../project-flags.js';
import { projectFlags, projectPlace } from '../project-flags.js';

interface ImportFlags extends ProjectFlags {
  out?: string;
  lang?: string;
  date?: string;
  slug?: string;
}

export const registerImport: RegisterCommand = (program) => {
  const command = program
    .command('import')
    .description('turn a plain-text (.txt) or Word (.docx) communiqué into a release file')
    .argument('<file>', 'the communiqué')
    .option(
      '--out <dir>',
      "the folder to write the release into (default: the project's releases/)",
    )
    .option('--lang <tag>', 'its language, a BCP 47 tag (default: recognised from the text)')
    .option('--date <YYYY-MM-DD>', 'its publication date (default: asked for on a terminal)')
    .option('--slug <slug>', 'its file and kit name (default: from the headline)');
  projectFlags(command).action(async (file: string, flags: ImportFlags) => {
    const output = createOutput(false);
    const date = flags.date ?? (await askDate());
    const report = await importRelease({
      file,
      ...projectPlace(flags),
      ...(flags.out !== undefined ? { out: flags.out } : {}),
      ...(flags.lang !== undefined ? { lang: flags.lang } : {}),
      ...(date !== undefined ? { date } : {}),
      ...(flags.slug !== undefined ? { slug: flags.slug } : {}),
    });
    const shown = (path: string): string => relative(process.cwd(), path) || path;
    output.info(`created ${shown(report.file)}`);
    for (const image of report.images) output.info(`created ${shown(image)}`);
    for (const { field, value } of report.recognised) output.info(`  read ${field}: ${value}`);
    for (const note of report.notes) output.info(`note: ${note}`);
    if (report.toFill.length > 0) {
      output.info('to fill before it builds (presskit check tells the same):');
      for (const problem of report.toFill) output.info(`  ${formatProblem(problem)}`);
    }
    output.data(`${shown(report.file)}\n`);
  });
};

/** On a terminal, the date the text does not give; elsewhere (CI, pipes) it is left a TODO. */
async function askDate(): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question('Publication date (YYYY-MM-DD, empty to fill later): ');
    return answer.trim() === '' ? undefined : answer.trim();
  } finally {
    prompt.close();
  }
}
