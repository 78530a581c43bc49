import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

interface PackageJson {
  version: string;
}

function readPackage(): PackageJson {
  const data: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
  if (
    typeof data === 'object' &&
    data !== null &&
    'version' in data &&
    typeof data.version === 'string'
  ) {
    return { version: data.version };
  }
  throw new Error('package.json has no version');
}

export const VERSION = readPackage().version;
export const GENERATOR = `presskit ${VERSION}`;
