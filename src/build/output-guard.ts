import { realpath } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { isInside } from '../assets/inside-root.js';
import { PresskitError } from '../errors.js';

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
  for (const entry of guarded) {
    const real = await realPathOfMaybeMissing(entry.path);
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
        message: `the output folder ${reason} (${relative(process.cwd(), entry.path) || entry.path}); choose another output folder, e.g. dist`,
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
