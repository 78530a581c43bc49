import type { Problem } from '../errors.js';
import { labelTable, primaryLanguage } from '../locale/i18n.js';
import type { Release } from '../types.js';

// What `build` and `check` both warn of: nothing that stops a kit, but what its author
// would want to know before it is published.

/**
 * A release in a language presskit has no labels for, and the config gives not all of
 * them: its furniture is partly English.
 */
export function untranslatedLabels(release: Release): Problem | undefined {
  const table = labelTable(release.lang, release.labelOverrides);
  if (table.builtIn || table.english.size === 0) return undefined;
  const line = release.lineOf(['lang']);
  const primary = primaryLanguage(release.lang);
  return {
    file: release.displayPath,
    ...(line ? { line } : {}),
    message: `presskit has no labels in "${release.lang}"; ${table.english.size} label(s) shown in English (e.g. "${table.labels.immediateRelease}"), marked lang="en"; set them under labels: ${primary}: in presskit.config.yaml`,
  };
}

/** A release file that is a symbolic link, which finding releases does not follow. */
export function skippedLink(displayPath: string): Problem {
  return {
    file: displayPath,
    message:
      'skipped: a symbolic link, which presskit does not follow when it looks for releases; put the file itself in the project, or name it on the command line',
  };
}
