/** presskit's library API: what the CLI calls, and what tests and other tools may call. */
export { build } from './build/build.js';
export type {
  BuildOptions,
  BuildReport,
  FileReport,
  ProgressEvent,
  ReleaseReport,
} from './build/options.js';
export { check } from './check.js';
export type { CheckOptions, CheckReport, CheckedRelease } from './check.js';
export { writeNewsroomIndex } from './newsroom/index-page.js';
export type { NewsroomOptions, NewsroomReport } from './newsroom/index-page.js';
export { PresskitError, formatProblem, isPresskitError } from './errors.js';
export type { ErrorCode, Problem } from './errors.js';
export type * from './types.js';
export { VERSION } from './version.js';
