import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { isInside } from '../assets/inside-root.js';
import type { ProjectConfig } from './config.js';
import { PresskitError } from '../errors.js';
import { isWebUrl } from '../release/fields.js';
import type { PaperSize, ProjectSettings, VcardVersion } from '../types.js';

export const DEFAULT_MAX_ASSET_BYTES = 25 * 1024 * 1024;

/** What flags (or the library's options) may set over the config file. */
export interface SettingsOverrides {
  paper?: PaperSize;
  vcardVersion?: VcardVersion;
  vcardCharset?: boolean;
  baseUrl?: string;
  out?: string;
}

/** Flags win over the config file, which wins over defaults. */
export function resolveSettings(
  root: string,
  config: ProjectConfig,
  options: SettingsOverrides,
): ProjectSettings {
  const settings: ProjectSettings = {
    root,
    paper: options.paper ?? config.paper ?? 'A4',
    vcardVersion: options.vcardVersion ?? config.vcardVersion ?? '3.0',
    vcardCharset: options.vcardCharset ?? config.vcardCharset ?? false,
    maxAssetBytes: config.maxAssetBytes ?? DEFAULT_MAX_ASSET_BYTES,
  };
  const baseUrl = options.baseUrl ?? config.baseUrl;
  if (baseUrl !== undefined) {
    // The config's own value is checked by its schema; a flag or option is checked here.
    if (!isWebUrl(baseUrl)) {
      throw new PresskitError('E_USAGE', {
        file: '--base-url',
        message: `"${baseUrl}" is not an absolute http:// or https:// URL (e.g. https://press.example.org/)`,
      });
    }
    settings.baseUrl = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  }
  if (config.templateDir) {
    if (!isInside(root, config.templateDir)) {
      throw new PresskitError('E_CONFIG', {
        file: config.file ?? 'presskit.config.yaml',
        field: 'template',
        message: 'the template folder must be inside the project',
      });
    }
    settings.templateDir = config.templateDir;
  }
  return settings;
}

/** The output folder: inside the project, and never the project itself. */
export function resolveOutDir(
  root: string,
  config: ProjectConfig,
  options: SettingsOverrides,
): string {
  const out = options.out ?? config.out ?? 'dist';
  const outDir = isAbsolute(out) ? out : resolve(root, out);
  if (outDir === root || isInside(outDir, root)) {
    throw new PresskitError('E_USAGE', {
      file: out,
      field: 'out',
      message: 'the output folder cannot be the project folder or contain it',
    });
  }
  return outDir;
}

export function defaultConcurrency(): number {
  // One page per core, at least two so that layout and printing overlap.
  return Math.max(2, Math.min(8, availableParallelism()));
}
