import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';

/** True when `path` is `root` or below it, lexically. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves symlinks and checks the real file is still inside the project: a link that
 * points at /etc/passwd must not ship in a press kit.
 */
export async function realPathInside(root: string, path: string): Promise<string | undefined> {
  const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(path)]);
  return isInside(realRoot, realTarget) ? realTarget : undefined;
}
