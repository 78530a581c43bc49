import { z } from 'zod';
import type { KitLifecycle, Release, ReleaseDate, ReleaseStatus, Withdrawal } from '../types.js';
import { parseReleaseDate } from './dates.js';
import { expected, optionalText, text } from './fields.js';

/** The frontmatter's lifecycle fields; see `lifecycleOf` for what they mean together. */
export const lifecycleShape = {
  status: z
    .enum(['draft', 'published', 'withdrawn'], {
      error: (issue) =>
        typeof issue.input === 'string'
          ? `must be draft, published or withdrawn, not "${issue.input}"`
          : expected('must be draft, published or withdrawn')(issue),
    })
    .optional(),
  withdrawn: z
    .strictObject(
      { date: text, reason: text },
      { error: expected('must be a mapping with date and reason') },
    )
    .optional(),
  correction: optionalText,
};

type Report = (path: (string | number)[], message: string) => void;

/**
 * The validated lifecycle of a release: its status (default published), the withdrawal's
 * date and reason (which `status: withdrawn` requires, and nothing else allows), and a
 * correction note (only with `modified`, the date it is shown with).
 */
export function releaseLifecycle(
  fields: {
    status?: ReleaseStatus | undefined;
    withdrawn?: { date: string; reason: string } | undefined;
    correction?: string | undefined;
    modified?: string | undefined;
  },
  report: Report,
): { status: ReleaseStatus; withdrawal?: Withdrawal; correction?: string } {
  const status = fields.status ?? 'published';
  let withdrawal: Withdrawal | undefined;
  if (status === 'withdrawn' && !fields.withdrawn) {
    report(['status'], 'withdrawn needs withdrawn: {date: YYYY-MM-DD, reason: …}');
  }
  if (fields.withdrawn) {
    if (status !== 'withdrawn') {
      report(['withdrawn'], 'is only for a release with status: withdrawn');
    } else {
      const date: ReleaseDate | undefined = parseReleaseDate(fields.withdrawn.date);
      if (date) withdrawal = { date, reason: fields.withdrawn.reason };
      else
        report(
          ['withdrawn', 'date'],
          `"${fields.withdrawn.date}" is not a date YYYY-MM-DD or a datetime with offset`,
        );
    }
  }
  if (fields.correction !== undefined && fields.modified === undefined) {
    report(['correction'], 'needs modified: the date of the correction it is shown with');
  }
  return {
    status,
    ...(withdrawal ? { withdrawal } : {}),
    ...(fields.correction !== undefined ? { correction: fields.correction } : {}),
  };
}

/**
 * What a kit is at `now`: a draft or a withdrawn release whatever the date, else embargoed
 * while its embargo is later than `now`, else published (publicly listable).
 */
export function lifecycleOf(release: Pick<Release, 'status' | 'embargo'>, now: Date): KitLifecycle {
  if (release.status !== 'published') return release.status;
  return embargoedAt(release.embargo?.instant.getTime(), now) ? 'embargoed' : 'published';
}

/** Whether an embargo (ms since the epoch, or none) still holds at `now`. */
export function embargoedAt(embargoMs: number | undefined, now: Date): boolean {
  return embargoMs !== undefined && embargoMs > now.getTime();
}

/**
 * Whether a release read but not yet validated says `status: draft`: a build without
 * drafts leaves it out before checking it, since work in progress may not pass yet.
 */
export function isDraft(frontmatter: unknown): boolean {
  if (typeof frontmatter !== 'object' || frontmatter === null) return false;
  const status: unknown = Reflect.get(frontmatter, 'status');
  return typeof status === 'string' && status.trim() === 'draft';
}
