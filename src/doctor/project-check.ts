import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isPresskitError } from '../errors.js';
import { loadConfig } from '../project/config.js';
import type { ProjectConfig } from '../project/config.js';
import { resolveOutDir } from '../project/settings.js';
import type { DoctorCheck } from './report.js';

/** The config a build in `root` would read, and the check saying so. */
export async function checkConfig(
  root: string,
  configFile?: string,
): Promise<{ check: DoctorCheck; config: ProjectConfig | undefined }> {
  try {
    const config = await loadConfig(root, configFile);
    const check: DoctorCheck = config.file
      ? { name: 'config', status: 'ok', detail: config.file, path: config.file }
      : {
          name: 'config',
          status: 'ok',
          detail: `none in ${root}: the defaults (presskit init writes one)`,
        };
    return { check, config };
  } catch (error) {
    if (!isPresskitError(error)) throw error;
    return {
      check: {
        name: 'config',
        status: 'fail',
        detail: error.message.split('\n')[0] ?? error.message,
        advice: 'correct the config (presskit check lists every problem)',
      },
      config: undefined,
    };
  }
}

/**
 * Whether a build could write its output folder: the folder, or the nearest folder above
 * it that exists (the build creates the rest), must be a writable directory.
 */
export async function checkOutput(
  root: string,
  config: ProjectConfig | undefined,
  out: string | undefined,
): Promise<DoctorCheck> {
  let outDir: string;
  try {
    outDir = resolveOutDir(root, config ?? { defaults: { contacts: [] } }, out ? { out } : {});
  } catch (error) {
    if (!isPresskitError(error)) throw error;
    return {
      name: 'output',
      status: 'fail',
      detail: error.message,
      advice: 'choose another folder (--out, or out: in the config)',
    };
  }
  let existing = outDir;
  for (;;) {
    const info = await stat(existing).catch(() => undefined);
    if (info !== undefined) {
      if (!info.isDirectory()) {
        return failed(outDir, `${existing} is not a folder`);
      }
      break;
    }
    if (dirname(existing) === existing) return failed(outDir, 'no folder above it exists');
    existing = dirname(existing);
  }
  try {
    await access(existing, constants.W_OK | constants.X_OK);
  } catch {
    return failed(outDir, `${existing} is not writable by this user`);
  }
  const detail = existing === outDir ? `${outDir}: writable` : `${outDir}: will be created`;
  return { name: 'output', status: 'ok', detail, path: outDir };
}

function failed(outDir: string, why: string): DoctorCheck {
  return {
    name: 'output',
    status: 'fail',
    detail: `${outDir}: ${why}`,
    path: outDir,
    advice: 'choose another folder (--out, or out: in the config), or change its permissions',
  };
}
