import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatProblem, isPresskitError } from '../errors.js';
import { openBrowserSession } from '../pdf/browser-session.js';
import { startPreviewServer } from '../preview/server.js';
import { watchProject } from '../preview/watch.js';
import { build } from './build.js';
import { openProject } from './project.js';
import type { BuildReport } from './options.js';

export interface PreviewOptions {
  /** Project root. Default: found as build finds it (the config upward, from `cwd`). */
  root?: string;
  /** The config file, as for build (its folder is the project unless `root` is given). */
  config?: string;
  /** Where the search for the config starts, as for build. Default: process.cwd(). */
  cwd?: string;
  /** Release files or folders, as for build (default: `releases`). */
  paths?: string[];
  /** Port on 127.0.0.1; 0 takes any free one. Default 4321. */
  port?: number;
  /** Chromium or Chrome executable. */
  browser?: string;
  env?: NodeJS.ProcessEnv;
  /** Called after each build with what it made, or with the problems that stopped it. */
  onBuild?: (event: PreviewBuild) => void;
}

export interface PreviewBuild {
  /** Absent when the run stopped before any release (a bad config). */
  report?: BuildReport;
  /** Every problem, one line each, as the terminal and the page show them. */
  problems: string[];
  /** Save to kits written, in milliseconds. */
  ms: number;
}

export interface Preview {
  /** The newsroom's address, `http://127.0.0.1:PORT/`. */
  url: string;
  /** The temporary folder the kits are built into; removed by close(). */
  outDir: string;
  /** Builds now (as a save does) and resolves with its outcome. */
  rebuild(): Promise<PreviewBuild>;
  /** Stops watching and serving, closes the browser and removes the temporary folder. */
  close(): Promise<void>;
}

export const DEFAULT_PREVIEW_PORT = 4321;

/**
 * Builds the project into a temporary folder, serves it on 127.0.0.1, and rebuilds on
 * every save: the incremental build redoes only the releases whose inputs changed, and
 * prints with a browser kept warm across builds. Pages reload when a build is done.
 */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  // The project a build run here would find: from a subfolder, or a release named from
  // elsewhere, the config above it.
  const { root, config } = await openProject(options);
  const outDir = await mkdtemp(join(tmpdir(), 'presskit-preview-'));
  const session = openBrowserSession({
    ...(options.browser !== undefined ? { browser: options.browser } : {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
  });
  const cleanUp: (() => Promise<unknown>)[] = [
    () => session.close(),
    () => rm(outDir, { recursive: true, force: true }),
  ];
  const closeAll = async (): Promise<void> => {
    for (const step of cleanUp.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const buildOnce = async (): Promise<PreviewBuild> => {
      const started = performance.now();
      try {
        const report = await build({
          root,
          ...(config.file !== undefined ? { config: config.file } : {}),
          out: outDir,
          browserSession: session,
          concurrency: 1,
          ...(options.paths ? { paths: options.paths } : {}),
          ...(options.browser !== undefined ? { browser: options.browser } : {}),
          ...(options.env !== undefined ? { env: options.env } : {}),
        });
        const problems = [
          ...report.problems,
          ...report.releases.flatMap((release) => release.problems),
        ].map(formatProblem);
        return { report, problems, ms: performance.now() - started };
      } catch (error) {
        if (!isPresskitError(error)) throw error;
        return { problems: error.problems.map(formatProblem), ms: performance.now() - started };
      }
    };
    // Listening before the first build: a port in use is said at once, not after it.
    const server = await startPreviewServer(outDir, options.port ?? DEFAULT_PREVIEW_PORT);
    cleanUp.splice(1, 0, () => server.close());
    const first = await buildOnce();
    const publish = (outcome: PreviewBuild, always = false): PreviewBuild => {
      // A save that changed nothing the kits are made of (a log file, an editor's backup)
      // builds nothing: no reload, no message.
      const built = outcome.report?.releases.some((release) => release.status !== 'unchanged');
      if (outcome.problems.length === 0 && built === false && !always) return outcome;
      if (outcome.problems.length > 0) server.showProblems(outcome.problems);
      else server.reload();
      options.onBuild?.(outcome);
      return outcome;
    };
    publish(first, true);

    // One build at a time; saves during a build make one more after it, not one each.
    let running: Promise<PreviewBuild> | undefined;
    let again = false;
    const rebuild = (): Promise<PreviewBuild> => {
      if (running) {
        again = true;
        return running;
      }
      running = buildOnce()
        .then((outcome) => publish(outcome))
        .finally(() => {
          running = undefined;
          if (again) {
            again = false;
            void rebuild();
          }
        });
      return running;
    };
    const configOut = config.out === undefined ? [] : [resolve(root, config.out)];
    const watcher = await watchProject(
      root,
      configOut,
      () => void rebuild().catch(() => undefined),
    );
    cleanUp.push(() => watcher.close());
    return { url: server.url, outDir, rebuild, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
