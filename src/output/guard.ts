import { realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isInside } from '../assets/inside-root.js';
import { PresskitError } from '../errors.js';
import type { ReleaseSource } from '../release/discover.js';
import type { ProjectSettings } from '../types.js';
import { mapPool } from '../util/pool.js';

/** A path the output folder must keep clear of, and how to name it in the message. */
export interface ProtectedPath {
  path: string;
  what: string;
  /** Whether the output folder may lie inside it (e.g. `dist/` inside the project). */
  mayHoldOutput: boolean;
}

/**
 * Refuses an output folder that is, contains or lies inside what the build reads: the
 * project folder, the release sources, the theme, the config. Compared by real paths, so
 * a symlink (`ln -s . out`) or `releases/../releases` cannot pass for another folder.
 */
export async function assertOutputClear(
  outDir: string,
  display: string,
  guarded: readonly ProtectedPath[],
): Promise<void> {
  const out = await realPathOfMaybeMissing(outDir);
  // A thousand releases name one folder a thousand times: each path is resolved once, and
  // many at a time, since each is a wait on the disk.
  const paths = [...new Set(guarded.map((entry) => entry.path))];
  const reals = await mapPool(paths, 32, realPathOfMaybeMissing);
  const realPaths = new Map(paths.map((path, index) => [path, reals[index] ?? path]));
  for (const entry of guarded) {
    const real = realPaths.get(entry.path) ?? entry.path;
    const clash =
      isInside(out, real) || (!entry.mayHoldOutput && isInside(real, out)) ? entry.what : undefined;
    if (clash) {
      const reason =
        out === real
          ? `is ${clash}`
          : isInside(out, real)
            ? `contains ${clash}`
            : `lies inside ${clash}`;
      throw new PresskitError('E_OUTPUT', {
        file: display,
        field: 'out',
        message: `the output folder ${reason} (${relative(process.cwd(), entry.path) || entry.path}); choose another output folder (-o, or out: in the config)`,
      });
    }
  }
}

/**
 * The real path of `path`, or, when it does not exist yet, its nearest existing ancestor's
 * real path with the rest appended: where the folder would be created.
 */
export async function realPathOfMaybeMissing(path: string): Promise<string> {
  const rest: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(await realpath(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      rest.push(basename(current));
      current = parent;
    }
  }
}

/**
 * What the output folder must keep clear of: the project folder (which may hold it), and,
 * which may not, the release paths named, each release's own folder, the theme, the
 * config file and the project's tooling folders.
 */
export function projectGuards(
  root: string,
  paths: readonly string[],
  sources: readonly ReleaseSource[],
  settings: ProjectSettings,
  configFile: string | undefined,
): ProtectedPath[] {
  const guarded: ProtectedPath[] = [
    { path: root, what: 'the project folder', mayHoldOutput: true },
    ...paths.map((path) => ({
      path: resolve(root, path),
      what: 'release sources',
      mayHoldOutput: false,
    })),
    ...['.git', 'node_modules'].map((name) => ({
      path: join(root, name),
      what: `the project's ${name}`,
      mayHoldOutput: false,
    })),
  ];
  for (const source of sources) {
    const folder = dirname(source.sourceFile);
    guarded.push({ path: source.sourceFile, what: 'a release source', mayHoldOutput: false });
    if (folder !== root)
      guarded.push({ path: folder, what: 'release sources', mayHoldOutput: false });
  }
  if (settings.templateDir)
    guarded.push({ path: settings.templateDir, what: 'the theme', mayHoldOutput: false });
  if (configFile) guarded.push({ path: configFile, what: 'the config file', mayHoldOutput: false });
  return guarded;
}
