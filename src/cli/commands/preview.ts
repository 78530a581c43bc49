import { relative } from 'node:path';
import { startPreview } from '../../index.js';
import type { RegisterCommand } from '../context.js';
import { createOutput } from '../output.js';
import { port } from '../parse-flags.js';
import type { ProjectFlags } from '../project-flags.js';
import { projectFlags, projectOptions } from '../project-flags.js';

interface PreviewFlags extends ProjectFlags {
  port: number;
  browser?: string;
}

export const registerPreview: RegisterCommand = (program, context) => {
  const command = program
    .command('preview')
    .description('serve the kits on 127.0.0.1, rebuilt and reloaded on every save')
    .argument('[paths...]', 'release files or folders (default: releases/)')
    .option('--port <n>', 'port on 127.0.0.1; 0 for any free one', port, 4321)
    .option('--browser <path>', 'Chromium or Chrome executable');
  projectFlags(command).action(async (paths: string[], flags: PreviewFlags) => {
    const output = createOutput(false);
    const preview = await startPreview({
      ...projectOptions(flags, paths),
      port: flags.port,
      ...(flags.browser !== undefined ? { browser: flags.browser } : {}),
      onBuild: ({ report, problems, ms }) => {
        const built = report?.releases.filter((release) => release.status === 'built') ?? [];
        for (const release of built) output.info(`built  ${release.slug ?? release.source}`);
        for (const line of problems) output.error(`presskit: ${line}`);
        output.info(
          problems.length > 0
            ? `preview: not built, shown in the page (${Math.round(ms)} ms)`
            : `preview: ready in ${Math.round(ms)} ms`,
        );
      },
    });
    try {
      output.info(`preview: serving ${preview.url} (127.0.0.1 only; Ctrl-C stops)`);
      output.info(
        `preview: building into ${relative(process.cwd(), preview.outDir) || preview.outDir}`,
      );
      output.data(`${preview.url}\n`);
      await new Promise<void>((resolve) => {
        if (context.signal.aborted) resolve();
        else context.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      await preview.close();
    }
  });
};
