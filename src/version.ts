import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

interface PackageJson {
  name: string;
  version: string;
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
    return { name: data.name, version: data.version };
  }
  throw new Error('package.json has no name or version');
}

const PACKAGE = readPackage();
export const VERSION = PACKAGE.version;
/** The name presskit is installed by (`npm install -g NAME`), for the CI workflow `init` writes. */
export const PACKAGE_NAME = PACKAGE.name;
export const GENERATOR = `presskit ${VERSION}`;
