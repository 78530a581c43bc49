import { resolve } from 'node:path';
import type { Command } from 'commander';
import { definedOnly } from '../util/defined.js';

/** --config and --root, the flags that name the project, declared alike on each command. */
export function projectFlags(command: Command): Command {
  return command
    .option('--config <file>', 'the config file (default: presskit.config.yaml, looked for upward)')
    .option('--root <dir>', 'the project folder (default: the folder of the config file found)');
}

export interface ProjectFlags {
  config?: string;
  root?: string;
}

/**
 * What a user types is relative to where they type it: paths become absolute here, against
 * the working folder, before the library (which resolves against the project root) sees them.
 */
export function projectOptions(flags: ProjectFlags, paths?: readonly string[]) {
  const cwd = process.cwd();
  return definedOnly({
    cwd,
    config: flags.config === undefined ? undefined : resolve(cwd, flags.config),
    root: flags.root === undefined ? undefined : resolve(cwd, flags.root),
    paths: paths && paths.length > 0 ? paths.map((path) => resolve(cwd, path)) : undefined,
  });
}

/** `--root` and `--config` alone, from the working folder: for commands that write into a project. */
export function projectPlace(flags: ProjectFlags): { root?: string; config?: string } {
  return definedOnly({ root: fromCwd(flags.root), config: fromCwd(flags.config) });
}

export function fromCwd(path: string | undefined): string | undefined {
  return path === undefined ? undefined : resolve(process.cwd(), path);
}
