import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PresskitError } from '../errors.js';
import { CONFIG_FILES } from './config.js';

/** Where a run's project is: its root folder, and its config file when it has one. */
export interface ProjectPlace {
  root: string;
  configFile?: string;
}

export interface FindProjectOptions {
  /** The project folder, as `--root` names it: its config is looked for there only. */
  root?: string | undefined;
  /** The config file, as `--config` names it: the project is the folder holding it. */
  config?: string | undefined;
  /** Where the search starts and relative paths are resolved from. Default: cwd. */
  cwd?: string | undefined;
  /** Release paths named (absolute, or relative to cwd): searched from when cwd finds none. */
  paths?: readonly string[] | undefined;
}

/**
 * The project of a run, as git finds its repository: `--config` names the file (its folder is
 * the root), `--root` the folder; else the first `presskit.config.yaml` in the working folder
 * or a folder above it, else above the first release path named (a CI script naming
 * `$GITHUB_WORKSPACE/releases` from elsewhere), else the working folder itself.
 */
export function findProject(options: FindProjectOptions = {}): ProjectPlace {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.config !== undefined) {
    const configFile = resolve(cwd, options.config);
    if (!isFile(configFile)) {
      throw new PresskitError('E_USAGE', {
        file: '--config',
        message: `${options.config}: no such config file`,
      });
    }
    const root = options.root !== undefined ? resolve(cwd, options.root) : dirname(configFile);
    return { root, configFile };
  }
  if (options.root !== undefined) {
    const root = resolve(cwd, options.root);
    if (!isFolder(root)) {
      throw new PresskitError('E_USAGE', {
        file: '--root',
        message: `${options.root}: no such folder`,
      });
    }
    const configFile = configIn(root);
    return configFile ? { root, configFile } : { root };
  }
  const first = options.paths?.[0];
  for (const start of [cwd, ...(first !== undefined ? [resolve(cwd, first)] : [])]) {
    const found = configAbove(start);
    if (found) return { root: dirname(found), configFile: found };
  }
  return { root: cwd };
}

function configAbove(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const found = configIn(dir);
    if (found) return found;
    if (dirname(dir) === dir) return undefined;
  }
}

function configIn(dir: string): string | undefined {
  return CONFIG_FILES.map((name) => join(dir, name)).find(isFile);
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
