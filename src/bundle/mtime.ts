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
 * The timestamp for every zip entry: `SOURCE_DATE_EPOCH` (reproducible-builds.org) when set,
 * else the release instant, clamped by `clampToDosTime`. An empty `SOURCE_DATE_EPOCH` counts
 * as unset, as shells make unsetting awkward; anything else that is not an integer (the
 * `date +%s` format) is an error rather than silently ignored.
 */
export function reproducibleMtime(
  releaseInstant: Date,
  env: NodeJS.ProcessEnv = process.env,
): Date {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return clampToDosTime(releaseInstant);
  if (!/^-?[0-9]+$/.test(raw)) {
    throw new PresskitError('E_USAGE', {
      file: 'environment',
      field: 'SOURCE_DATE_EPOCH',
      message: `must be an integer number of seconds since 1970-01-01 UTC, got ${JSON.stringify(raw)}`,
    });
  }
  // Clamp the seconds before making a Date: a huge value would overflow Date's range.
  const seconds = Math.min(Math.max(Number(raw), DOS_MIN_SECONDS), DOS_MAX_SECONDS);
  return clampToDosTime(new Date(seconds * 1000));
}
