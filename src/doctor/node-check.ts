import { compareDottedVersions } from '../util/dotted-version.js';
import { NODE_RANGE } from '../version.js';
import type { DoctorCheck } from './report.js';

/** This Node against `engines.node` (a `>=X.Y.Z` bound, the only form presskit uses). */
export function checkNode(version: string = process.versions.node): DoctorCheck {
  const minimum = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(NODE_RANGE ?? '')?.[1];
  const detail = `Node.js ${version}${minimum ? ` (presskit needs ${minimum} or later)` : ''}`;
  if (minimum === undefined || compareDottedVersions(version, minimum) >= 0) {
    return { name: 'node', status: 'ok', detail, version };
  }
  return {
    name: 'node',
    status: 'fail',
    detail,
    version,
    advice: `install Node.js ${minimum} or later (https://nodejs.org, or your system's packages)`,
  };
}
