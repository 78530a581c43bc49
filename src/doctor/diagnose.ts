import { DEFAULT_LAUNCH_TIMEOUT_MS } from '../browser/manager.js';
import { findProject } from '../project/find-project.js';
import { checkBrowser } from './browser-check.js';
import { checkFonts } from './fonts-check.js';
import { checkNode } from './node-check.js';
import { checkConfig, checkOutput } from './project-check.js';
import type { DoctorReport } from './report.js';

export interface DoctorOptions {
  /** Project root, as for build. Default: found as build finds it (the config upward). */
  root?: string;
  /** The config file, as for build (its folder is the project unless `root` is given). */
  config?: string;
  /** Where the search for the config starts, as for build. Default: process.cwd(). */
  cwd?: string;
  /** Output folder, as build's `out`. Default: the config's, else `dist`. */
  out?: string;
  /** Browser executable, as build's `browser`. */
  browser?: string;
  /** Read for the browser settings. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** How long the browser may take to start. Default: 30 s, as for a build. */
  launchTimeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * What a build here would use, each thing checked the way the build uses it: Node, the
 * browser (started and asked its version), the fonts, the config, the output folder.
 */
export async function diagnose(options: DoctorOptions = {}): Promise<DoctorReport> {
  // The project a build run here would find: from a subfolder, the config above it.
  const { root, configFile } = findProject({
    root: options.root,
    config: options.config,
    cwd: options.cwd,
  });
  const { check: config, config: loaded } = await checkConfig(root, configFile);
  const checks = [
    checkNode(),
    await checkBrowser({
      ...(options.browser !== undefined ? { browser: options.browser } : {}),
      env: options.env ?? process.env,
      timeoutMs: options.launchTimeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS,
      signal: options.signal ?? new AbortController().signal,
    }),
    await checkFonts(),
    config,
    await checkOutput(root, loaded, options.out),
  ];
  return { ok: checks.every((check) => check.status !== 'fail'), checks };
}
