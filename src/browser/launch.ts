import { execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { PresskitError } from '../errors.js';
import { seconds, settledWithin } from '../util/deadline.js';
import { createProfile } from './profile.js';
import type { Profile } from './profile.js';
import { headlessMode, launchArgs } from './launch-args.js';
import { frameSwitches } from './frames.js';

const run = promisify(execFile);

/** Label for messages when the problem is the browser, not a user file. */
export const BROWSER_LABEL = 'chromium';

/** How long a graceful close (of the browser, or of a failed page) may take before we stop waiting. */
export const CLOSE_GRACE_MS = 5_000;

/** One started browser process with its own profile. */
export interface LaunchedBrowser {
  readonly browser: Browser;
  readonly pid: number | undefined;
  /**
   * The blank tab the browser opened as it started, the first time this is asked (and if
   * it is still blank and open); afterwards undefined. Printing on it rather than on a new
   * tab spares Chrome starting a second renderer process while the first build's kit is
   * still rendering: a one-release build ends about 11 ms sooner (BENCHMARKS.md).
   */
  takeStartupPage(): Promise<Page | undefined>;
  /** Closes it (killing it if it does not close in time) and removes its profile. */
  close(): Promise<void>;
  /**
   * For a browser that died under us: kills what is left of its process group, removes its
   * profile, and tells how it ended (`killed by SIGKILL`).
   */
  reap(): Promise<string>;
}

export interface LaunchOptions {
  /** Aborting stops a launch under way (the build is being closed). */
  signal: AbortSignal;
  /** The launch is given up, and the browser killed, after this long. */
  timeoutMs: number;
}

/** Starts the browser; a failure is an E_BROWSER error naming `executablePath`, one line. */
export async function launchBrowser(
  executablePath: string,
  options: LaunchOptions,
): Promise<LaunchedBrowser> {
  if (options.signal.aborted) throw interrupted();
  // Our own profile folder, so that it is removed whatever state the launch ends in.
  const profile = await createProfile();
  // Puppeteer answers this abort by SIGKILLing the browser's whole process group.
  const kill = new AbortController();
  const stop = (): void => kill.abort();
  options.signal.addEventListener('abort', stop, { once: true });
  let timedOut = false;
  // Puppeteer's own timeout does not cover a browser that never answers over the pipe.
  const timer = setTimeout(() => {
    timedOut = true;
    kill.abort();
  }, options.timeoutMs);
  try {
    // Closed while the profile was made: the abort listener above came too late to fire.
    if (options.signal.aborted) throw interrupted();
    const launching = puppeteer.launch({
      executablePath,
      headless: headlessMode(executablePath),
      // A pipe instead of a DevTools port on localhost, which any local process could use.
      pipe: true,
      userDataDir: profile.dir,
      // Its temporary files too (its shared memory, made and unlinked at once, stays behind
      // when Chrome is killed in between): removed with the profile, whatever the ending.
      env: { ...process.env, TMPDIR: profile.dir },
      args: [...launchArgs(), ...frameSwitches(executablePath)],
      // Signals belong to the build orchestrator, which closes the browser.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      signal: kill.signal,
    });
    const browser = await untilAborted(launching, kill.signal);
    return launched(browser, profile, kill);
  } catch (error) {
    await profile.remove().catch(() => undefined);
    if (options.signal.aborted) throw interrupted();
    // A browser that hangs would hang `--version` too: it is not asked.
    const reason = timedOut
      ? `no answer within ${seconds(options.timeoutMs)}`
      : ((await startupComplaint(executablePath)) ?? firstLine(error));
    throw new PresskitError('E_BROWSER', {
      file: executablePath,
      message: `could not start the browser: ${reason}`,
    });
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', stop);
  }
}

/**
 * The launch, or a rejection as soon as `signal` aborts. Puppeteer kills the browser on
 * the abort, but its launch promise is not sure to settle: aborted while it attaches to
 * the browser's targets, it was seen to wait forever on a connection already closed, and
 * with nothing else pending Node then exits 0 in the middle of a failed build. A browser
 * that still comes up after the abort is closed.
 */
async function untilAborted(launching: Promise<Browser>, signal: AbortSignal): Promise<Browser> {
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      void launching.then(
        (late) => late.close().catch(() => undefined),
        () => undefined,
      );
      reject(new Error('the launch was stopped'));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([launching, aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

function launched(browser: Browser, profile: Profile, kill: AbortController): LaunchedBrowser {
  const child = browser.process();
  let reaping: Promise<string> | undefined;
  let startupPageTaken = false;
  return {
    browser,
    pid: child?.pid,
    async takeStartupPage() {
      if (startupPageTaken) return undefined;
      startupPageTaken = true;
      const [first] = await browser.pages();
      return first && !first.isClosed() && first.url() === 'about:blank' ? first : undefined;
    },
    async close() {
      await closeOrKill(browser, child, kill);
      await profile.remove();
    },
    reap() {
      reaping ??= (async () => {
        if (child !== null) {
          const exited = hasExited(child) ? undefined : once(child, 'exit');
          // Its renderers may outlive it for a moment; they go with the group.
          killGroup(child);
          await exited;
        }
        await profile.remove().catch(() => undefined);
        return child === null ? 'its connection was lost' : howItEnded(child);
      })();
      return reaping;
    },
  };
}

/**
 * Disconnects, then stops the browser with SIGTERM (SIGKILL if it lingers). Not
 * `browser.close()`: Chrome then detaches each page while the connection is still up, and
 * puppeteer answers each detach with a 100 ms timer (it waits for the page to be swapped),
 * which kept Node running for that long after a build had returned. Chrome's orderly
 * shutdown is of no use here: its profile is thrown away.
 */
async function closeOrKill(
  browser: Browser,
  child: ChildProcess | null,
  kill: AbortController,
): Promise<void> {
  if (child === null) {
    await settledWithin(browser.close(), CLOSE_GRACE_MS);
    return;
  }
  if (hasExited(child)) return;
  const exited = once(child, 'exit');
  await settledWithin(browser.disconnect(), CLOSE_GRACE_MS);
  child.kill('SIGTERM');
  await settledWithin(exited, CLOSE_GRACE_MS);
  if (hasExited(child)) return;
  // The abort makes puppeteer kill the whole group; the direct kill covers the case where
  // it has already let go of the process.
  kill.abort();
  child.kill('SIGKILL');
  await exited;
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    // Puppeteer starts the browser as the leader of its own process group.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Nothing left of the group.
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function howItEnded(child: ChildProcess): string {
  if (child.signalCode !== null) return `killed by ${child.signalCode}`;
  return `exit code ${child.exitCode}`;
}

/**
 * What the browser itself says when it cannot start (a missing shared library, typically,
 * on a bare CI image). Over a pipe, puppeteer only reports "Target closed".
 */
async function startupComplaint(executablePath: string): Promise<string | undefined> {
  try {
    await run(executablePath, ['--version'], { timeout: 10_000 });
    return undefined;
  } catch (error) {
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    return lines.at(-1)?.trim();
  }
}

export function interrupted(): PresskitError {
  return new PresskitError('E_INTERRUPTED', {
    file: BROWSER_LABEL,
    message: 'the browser was closed',
  });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n', 1)[0] ?? text;
}
