import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_TEMPLATE_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../templates/default',
);

/** Folders a theme's files are looked up in, the project's override first, the default last. */
export function themeDirs(overrideDir?: string): string[] {
  return overrideDir ? [overrideDir, DEFAULT_TEMPLATE_DIR] : [DEFAULT_TEMPLATE_DIR];
}
