import { relative } from 'node:path';
import { newRelease } from '../../index.js';
import type { RegisterCommand } from '../context.js';
import { createOutput } from '../output.js';
import type { ProjectFlags } from '../project-flags.js';
import { projectFlags, projectPlace } from '../project-flags.js';

export const registerNew: RegisterCommand = (program) => {
  const command = program
    .command('new')
    .description('write a new release, releases/<slug>.md, dated today')
    .argument('<headline>', 'the release’s headline')
    .option('--lang <tag>', "its language, a BCP 47 tag (default: the config's lang, else en)")
    .option('--slug <slug>', 'its file and kit name (default: from the headline)');
  projectFlags(command).action(
    async (title: string, flags: ProjectFlags & { lang?: string; slug?: string }) => {
      const output = createOutput(false);
      const report = await newRelease({
        title,
        ...projectPlace(flags),
        ...(flags.lang !== undefined ? { lang: flags.lang } : {}),
        ...(flags.slug !== undefined ? { slug: flags.slug } : {}),
      });
      const path = relative(process.cwd(), report.file) || report.file;
      const zone =
        report.timeZoneSource === 'config'
          ? `${report.timeZone}, the config's time zone`
          : `${report.timeZone}, this machine's time zone: set timezone in presskit.config.yaml`;
      output.info(`created ${path}, dated ${report.date} (today in ${zone})`);
      for (const note of report.notes) output.info(`note: ${note}`);
      // The path alone on stdout, for scripts: `$EDITOR "$(presskit new "…")"`.
      output.data(`${path}\n`);
    },
  );
};
