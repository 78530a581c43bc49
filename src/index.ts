/** presskit's library API: what the CLI calls, and what tests and other tools may call. */
export { build } from './pipeline/build.js';
export type {
  BuildOptions,
  BuildReport,
  FileReport,
  ProgressEvent,
  ReleaseReport,
} from './pipeline/options.js';
export type { CheckOptions, CheckReport, CheckedRelease } from './pipeline/check.js';
import type { CheckOptions, CheckReport } from './pipeline/check.js';

/** Validates releases without rendering them; see pipeline/check.ts. */
export async function check(options: CheckOptions = {}): Promise<CheckReport> {
  const checker = await import('./pipeline/check.js');
  return checker.check(options);
}
export type { NewsroomOptions, NewsroomReport } from './newsroom/index-page.js';
import type { NewsroomOptions, NewsroomReport } from './newsroom/index-page.js';

/** Writes `<out>/index.html`, the newsroom; the template engine loads only when called. */
export async function writeNewsroomIndex(options: NewsroomOptions = {}): Promise<NewsroomReport> {
  const newsroom = await import('./newsroom/index-page.js');
  return newsroom.writeNewsroomIndex(options);
}
export type { JsonSchema } from './json-schema/generate.js';
export type { SchemaName } from './json-schema/write.js';
import type { SchemaName } from './json-schema/write.js';

/** The JSON Schema (2020-12) of the frontmatter or of the config, as text; see json-schema/. */
export async function jsonSchemaText(name: SchemaName): Promise<string> {
  const schemas = await import('./json-schema/write.js');
  return schemas.schemaText(name);
}

/** Writes `release.schema.json` and `config.schema.json` (or the one named) into `dir`. */
export async function writeJsonSchemas(dir: string, names?: SchemaName[]): Promise<string[]> {
  const schemas = await import('./json-schema/write.js');
  return schemas.writeSchemaFiles(dir, names);
}
export type { InitFile, InitOptions, InitReport } from './scaffold/init.js';
import type { InitOptions, InitReport } from './scaffold/init.js';

/** Sets up a project folder that builds as it is, replacing no file; see scaffold/init.ts. */
export async function initProject(options: InitOptions = {}): Promise<InitReport> {
  const scaffold = await import('./scaffold/init.js');
  return scaffold.initProject(options);
}
export type { ImportOptions, ImportReport } from './import/import-release.js';
import type { ImportOptions, ImportReport } from './import/import-release.js';

/** Turns a plain-text or Word communiqué into a release file; see import/import-release.ts. */
export async function importRelease(options: ImportOptions): Promise<ImportReport> {
  const imported = await import('./import/import-release.js');
  return imported.importRelease(options);
}

export type { Preview, PreviewBuild, PreviewOptions } from './pipeline/preview.js';
import type { Preview, PreviewOptions } from './pipeline/preview.js';

/** Serves the project's kits on 127.0.0.1 and rebuilds them on save; see pipeline/preview.ts. */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const preview = await import('./pipeline/preview.js');
  return preview.startPreview(options);
}

export type { NewReleaseOptions, NewReleaseReport } from './scaffold/new-release.js';
import type { NewReleaseOptions, NewReleaseReport } from './scaffold/new-release.js';

/** Writes a new release file dated today, replacing no file; see scaffold/new-release.ts. */
export async function newRelease(options: NewReleaseOptions): Promise<NewReleaseReport> {
  const scaffold = await import('./scaffold/new-release.js');
  return scaffold.newRelease(options);
}
export type { DoctorOptions } from './doctor/diagnose.js';
export type { CheckName, CheckStatus, DoctorCheck, DoctorReport } from './doctor/report.js';
import type { DoctorOptions } from './doctor/diagnose.js';
import type { DoctorReport } from './doctor/report.js';

/** What a build here would use (Node, browser, fonts, config, output); see doctor/. */
export async function diagnose(options: DoctorOptions = {}): Promise<DoctorReport> {
  const doctor = await import('./doctor/diagnose.js');
  return doctor.diagnose(options);
}
export { PresskitError, formatProblem, isPresskitError } from './errors.js';
export type { ErrorCode, Problem } from './errors.js';
export type * from './types.js';
export { VERSION } from './version.js';
