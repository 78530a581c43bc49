import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

interface PackageJson {
  name: string;
  version: string;
  /** `engines.node`, e.g. `>=20.19`. */
  node?: string;
}

function readPackage(): PackageJson {
  const data: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
  if (
    typeof data === 'object' &&
    data !== null &&
    'version' in data &&
    typeof data.version === 'string' &&
    'name' in data &&
    typeof data.name === 'string'
  ) {
    const engines = 'engines' in data ? data.engines : undefined;
    const node =
      typeof engines === 'object' && engines !== null && 'node' in engines
        ? engines.node
        : undefined;
    return {
      name: data.name,
      version: data.version,
      ...(typeof node === 'string' ? { node } : {}),
    };
  }
  throw new Error('package.json has no name or version');
}

const PACKAGE = readPackage();
export const VERSION = PACKAGE.version;
/** The name presskit is installed by (`npm install -g NAME`), for the CI workflow `init` writes. */
export const PACKAGE_NAME = PACKAGE.name;
/** The Node versions presskit supports (`engines.node`), for `presskit doctor`. */
export const NODE_RANGE = PACKAGE.node;
export const GENERATOR = `presskit ${VERSION}`;
