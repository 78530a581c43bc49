import { resolve } from 'node:path';
import { DEFAULT_LAUNCH_TIMEOUT_MS } from '../browser/manager.js';
import { checkBrowser } from './browser-check.js';
import { checkFonts } from './fonts-check.js';
import { checkNode } from './node-check.js';
import { checkConfig, checkOutput } from './project-check.js';
import type { DoctorReport } from './report.js';

export interface DoctorOptions {
  /** Project root, as for build. Default: cwd. */
  root?: string;
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
  const root = resolve(options.root ?? process.cwd());
  const { check: config, config: loaded } = await checkConfig(root);
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
