import type { KitLifecycle, Release } from '../types.js';
import { fillLabel, formatDate, formatEmbargo, labelTable } from './i18n.js';

/**
 * The status line of the page's masthead and of the .txt: a draft says so; a release with
 * an embargo keeps its "embargoed until" line once it has passed (the time it was set for
 * is still true), else "for immediate release".
 */
export function statusText(release: Release, lifecycle: KitLifecycle): string {
  // The config's labels for the language too, as on the rest of the page.
  const { labels } = labelTable(release.lang, release.labelOverrides);
  if (lifecycle === 'draft') return labels.draft;
  return release.embargo
    ? fillLabel(labels.embargoedUntil, {
        date: formatEmbargo(release.embargo, release.lang, release.timezone),
      })
    : labels.immediateRelease;
}

/**
 * What the PDF repeats at the top of every page, so that a page forwarded on its own still
 * says it: the embargo while it holds, or that it is a draft. Nothing for a published kit.
 */
export function runningHeader(release: Release, lifecycle: KitLifecycle): string | undefined {
  return lifecycle === 'embargoed' || lifecycle === 'draft'
    ? statusText(release, lifecycle)
    : undefined;
}

/** "Updated Nov. 28, 2026" split around the date, for a `<time>` element; with the correction. */
export function updatedLine(
  release: Release,
): { before: string; date: string; after: string; text: string; correction?: string } | undefined {
  if (!release.modified) return undefined;
  // The config's labels for the language too, as on the rest of the page.
  const { labels } = labelTable(release.lang, release.labelOverrides);
  const date = formatDate(release.modified, release.lang, release.timezone);
  const [before = '', after = ''] = labels.updated.split('{date}');
  return {
    before,
    date,
    after,
    text: fillLabel(labels.updated, { date }),
    ...(release.correction
      ? { correction: fillLabel(labels.correction, { text: release.correction }) }
      : {}),
  };
}
