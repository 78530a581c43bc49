/** What `presskit doctor` found, one check per thing a build needs. */
export type CheckName = 'node' | 'browser' | 'fonts' | 'config' | 'output';

/** `warn`: a build works, but something may look wrong; `fail`: a build cannot work. */
export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface DoctorCheck {
  name: CheckName;
  status: CheckStatus;
  /** What was found, one line: a version, a path. */
  detail: string;
  /** What to do about a `warn` or `fail`, one line. */
  advice?: string;
  /** The path the check is about, when there is one (browser, config, output folder). */
  path?: string;
  /** The version found (Node, the browser). */
  version?: string;
}

export interface DoctorReport {
  /** No check failed (warnings allowed). */
  ok: boolean;
  checks: DoctorCheck[];
}
