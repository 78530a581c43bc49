import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * presskit's own folder, the one with its package.json and templates/. Found by walking up
 * from this module rather than by a fixed `../..`: the module runs from src/ under the
 * tests, from lib/ and from the CLI's bundle, each at its own depth.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    if (dirname(dir) === dir) throw new Error(`presskit's package folder not found above ${start}`);
  }
}
