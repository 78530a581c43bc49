import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export const DEFAULT_TEMPLATE_DIR = join(PACKAGE_ROOT, 'templates', 'default');

/** Folders a theme's files are looked up in, the project's override first, the default last. */
export function themeDirs(overrideDir?: string): string[] {
  return overrideDir ? [overrideDir, DEFAULT_TEMPLATE_DIR] : [DEFAULT_TEMPLATE_DIR];
}
