import { PresskitError } from '../errors.js';

/** The earliest time a DOS timestamp can hold (315532800). */
const DOS_MIN_SECONDS = Date.UTC(1980, 0, 1) / 1000;
/** compress-commons stores this for any later time, so say it up front. */
const DOS_MAX_SECONDS = Date.UTC(2043, 11, 31, 23, 59, 58) / 1000;

/**
 * `date` made storable as a DOS timestamp: clamped to [1980-01-01, 2043-12-31T23:59:58] UTC
 * and rounded down to even seconds (DOS keeps two-second steps).
 */
export function clampToDosTime(date: Date): Date {
  const seconds = Math.floor(date.getTime() / 1000);
  if (Number.isNaN(seconds)) throw new RangeError('clampToDosTime: invalid date');
  const clamped = Math.min(Math.max(seconds, DOS_MIN_SECONDS), DOS_MAX_SECONDS);
  return new Date((clamped - (clamped % 2)) * 1000);
}

/**
 * `SOURCE_DATE_EPOCH` (reproducible-builds.org) in seconds, or undefined when unset. An
 * empty value counts as unset, as shells make unsetting awkward; anything else that is not
 * an integer (the `date +%s` format) is an error rather than silently ignored.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?[0-9]+$/.test(raw)) {
    throw new PresskitError('E_USAGE', {
      file: 'environment',
      field: 'SOURCE_DATE_EPOCH',
      message: `must be an integer number of seconds since 1970-01-01 UTC, got ${JSON.stringify(raw)}`,
    });
  }
  // Clamped before it becomes a Date: a huge value would overflow Date's range.
  return Math.min(Math.max(Number(raw), DOS_MIN_SECONDS), DOS_MAX_SECONDS);
}

/**
 * The one timestamp of a kit (its zip entries, its PDF dates): the release instant, never
 * later than `SOURCE_DATE_EPOCH` (seconds), then made a DOS time by `clampToDosTime`.
 *
 * The epoch is a clamp, as reproducible-builds.org describes it, not a replacement: a CI
 * sets it per commit (the commit's time), later than the releases already published, and
 * their kits, zips and checksums must not change with every commit. Only a release dated
 * after the epoch (a build of an older commit, say) is stamped with the epoch instead.
 */
export function documentDate(releaseInstant: Date, epochSeconds: number | undefined): Date {
  if (epochSeconds === undefined || releaseInstant.getTime() <= epochSeconds * 1000) {
    return clampToDosTime(releaseInstant);
  }
  return clampToDosTime(new Date(epochSeconds * 1000));
}

/** `documentDate` with the epoch read from `env`. */
export function reproducibleMtime(
  releaseInstant: Date,
  env: NodeJS.ProcessEnv = process.env,
): Date {
  return documentDate(releaseInstant, sourceDateEpoch(env));
}
