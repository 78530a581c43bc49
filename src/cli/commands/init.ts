import { relative } from 'node:path';
import { initProject } from '../../index.js';
import type { RegisterCommand } from '../context.js';
import { createOutput } from '../output.js';

export const registerInit: RegisterCommand = (program) => {
  program
    .command('init')
    .description('set up a project: config, an example release, .gitignore, editor settings, CI')
    .argument('[dir]', 'the project folder, created if missing', '.')
    .option('--lang <tag>', 'the project’s language, a BCP 47 tag (default: en)')
    .option('--org <name>', 'the organisation’s name (default: an example name)')
    .action(async (dir: string, flags: { lang?: string; org?: string }) => {
      const output = createOutput(false);
      const report = await initProject({
        dir,
        ...(flags.lang !== undefined ? { lang: flags.lang } : {}),
        ...(flags.org !== undefined ? { organization: flags.org } : {}),
      });
      for (const file of report.files) {
        const why = file.outcome === 'kept' ? ` (exists${file.note ? `; ${file.note}` : ''})` : '';
        output.info(`${file.outcome === 'created' ? 'created' : 'kept   '} ${file.path}${why}`);
      }
      for (const note of report.notes) output.info(`note: ${note}`);
      const place = relative(process.cwd(), report.root);
      output.info('');
      output.info('Next:');
      if (place !== '') output.info(`  cd ${place}`);
      output.info('  presskit new "Your headline"   # a release dated today, in releases/');
      output.info('  presskit check                 # every problem, with its file and line');
      output.info('  presskit build                 # the press kits, in dist/');
    });
};
