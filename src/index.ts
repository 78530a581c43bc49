/** presskit's library API: what the CLI calls, and what tests and other tools may call. */
export { build } from './build/build.js';
export type {
  BuildOptions,
  BuildReport,
  FileReport,
  ProgressEvent,
  ReleaseReport,
} from './build/options.js';
export type { CheckOptions, CheckReport, CheckedRelease } from './check.js';
import type { CheckOptions, CheckReport } from './check.js';

/** Validates releases without rendering them; see check.ts. */
export async function check(options: CheckOptions = {}): Promise<CheckReport> {
  const checker = await import('./check.js');
  return checker.check(options);
}
export type { NewsroomOptions, NewsroomReport } from './newsroom/index-page.js';
import type { NewsroomOptions, NewsroomReport } from './newsroom/index-page.js';

/** Writes `<out>/index.html`, the newsroom; the template engine loads only when called. */
export async function writeNewsroomIndex(options: NewsroomOptions = {}): Promise<NewsroomReport> {
  const newsroom = await import('./newsroom/index-page.js');
  return newsroom.writeNewsroomIndex(options);
}
export { PresskitError, formatProblem, isPresskitError } from './errors.js';
export type { ErrorCode, Problem } from './errors.js';
export type * from './types.js';
export { VERSION } from './version.js';
