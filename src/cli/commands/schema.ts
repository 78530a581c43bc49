import { relative } from 'node:path';
import { Argument } from 'commander';
import type { SchemaName } from '../../index.js';
import { jsonSchemaText, writeJsonSchemas } from '../../index.js';
import { printable } from '../../util/unsafe-text.js';
import type { RegisterCommand } from '../context.js';

/**
 * `presskit schema [release|config]`. The config's is chosen by name rather than by a
 * `--config` flag, which would read as the config-file option other commands take.
 */
export const registerSchema: RegisterCommand = (program) => {
  program
    .command('schema')
    .description('print the JSON Schema of a release’s frontmatter or of the config, for editors')
    .addArgument(
      new Argument('[which]', 'release (frontmatter) or config').choices(['release', 'config']),
    )
    .option(
      '-o, --out <dir>',
      'write release.schema.json and config.schema.json (or the one named) into a folder',
    )
    .action(async (which: SchemaName | undefined, flags: { out?: string }) => {
      if (flags.out === undefined) {
        process.stdout.write(await jsonSchemaText(which ?? 'release'));
        return;
      }
      const files = await writeJsonSchemas(flags.out, which ? [which] : undefined);
      for (const file of files)
        process.stderr.write(`wrote ${printable(relative(process.cwd(), file) || file)}\n`);
    });
};
