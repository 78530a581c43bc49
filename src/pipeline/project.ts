import { existsSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Problem } from '../errors.js';
import { PresskitError } from '../errors.js';
import type { ProjectConfig } from '../project/config.js';
import { loadConfig } from '../project/config.js';
import { findProject } from '../project/find-project.js';
import type { ReleaseSource } from '../release/discover.js';
import { discoverReleases } from '../release/discover.js';
import { definedOnly } from '../util/defined.js';
import { skippedLink } from './warnings.js';

/** How a run names its project: every member optional (see findProject). */
export interface ProjectOptions {
  root?: string;
  config?: string;
  paths?: string[];
  /**
   * The working folder: the config is looked for from it upward (with neither root nor
   * config given), and files are named relative to it in problems. Default: the search
   * starts in process.cwd(), and files are named relative to the root.
   */
  cwd?: string;
  /** Finding no release at all is fine (else it is a usage error: a wrong path in CI). */
  allowEmpty?: boolean;
}

export const DEFAULT_PATHS = ['releases'];

/** The project's root and config, wherever the run was started from. */
export async function openProject(
  options: ProjectOptions,
): Promise<{ root: string; config: ProjectConfig }> {
  const place = findProject(
    definedOnly({
      root: options.root,
      config: options.config,
      paths: options.paths,
      cwd: options.cwd,
    }),
  );
  return { root: place.root, config: await loadConfig(place.root, place.configFile) };
}

/**
 * The release paths of a run: those named, else `releases/`. The project folder itself,
 * named as a path (`presskit build ~/newsroom`), stands for its `releases/`: that folder
 * also holds the config, the theme and the output folder, which are not releases (and an
 * output folder inside the paths read is refused). A project without `releases/` keeps
 * the path as named.
 */
export function releasePaths(root: string, named: readonly string[] | undefined): string[] {
  if (!named || named.length === 0) return DEFAULT_PATHS;
  const releases = resolve(root, DEFAULT_PATHS[0] ?? 'releases');
  const projectFolder = realPath(root);
  return named.map((path) =>
    realPath(resolve(root, path)) === projectFolder && existsSync(releases) ? releases : path,
  );
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The releases under `paths` (as `releasePaths` gives them: `DEFAULT_PATHS` when none was
 * named); none is an error.
 */
export async function findSources(
  root: string,
  paths: readonly string[],
  options: ProjectOptions,
  configFile: string | undefined,
  warn?: (warning: Problem) => void,
): Promise<ReleaseSource[]> {
  if (paths === DEFAULT_PATHS && !existsSync(resolve(root, DEFAULT_PATHS[0] ?? 'releases'))) {
    throw new PresskitError('E_USAGE', {
      file: relative(process.cwd(), resolve(root, 'releases')) || '.',
      message:
        configFile === undefined
          ? 'no releases/ folder here, and no presskit.config.yaml in this folder or above: run presskit in your project, give --root, or name the release files'
          : `no releases/ folder beside ${relative(process.cwd(), configFile) || configFile}: create it, or name the release files`,
    });
  }
  const sources = await discoverReleases(paths, {
    root,
    displayBase: options.cwd ?? root,
    ...(warn ? { onSkippedLink: (file: string) => warn(skippedLink(file)) } : {}),
  });
  if (sources.length === 0 && !options.allowEmpty) {
    throw new PresskitError('E_USAGE', {
      file: paths.map((path) => relative(process.cwd(), resolve(root, path)) || '.').join(', '),
      message:
        'no release found here (a <name>.md file, or a folder of them); check the path, or pass --allow-empty if none is fine',
    });
  }
  return sources;
}
