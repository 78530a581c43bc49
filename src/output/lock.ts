import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { PresskitError } from '../errors.js';
import { describeFsError } from '../release/read-text.js';
import { LOCK_DIR } from './paths.js';

export interface LockOptions {
  /** The output folder as the user named it, for messages. */
  display: string;
  signal?: AbortSignal | undefined;
  /** Called once if another build holds the folder and this one starts to wait. */
  onWait?: (message: string) => void;
  /** How long to wait for another build before giving up (default 10 minutes). */
  waitMs?: number;
}

/**
 * proper-lockfile refreshes the lock's time every few seconds; a lock left by a process
 * that died (killed, crashed, machine rebooted) is taken over once it is this old.
 */
const STALE_MS = 10_000;
const RETRY_MS = 250;
const DEFAULT_WAIT_MS = 10 * 60_000;

/**
 * Takes the output folder for this process alone: two builds (two CI jobs, a build during
 * a preview) would otherwise replace each other's kits mid-write. A second build waits,
 * saying so, and gives up with a clear error after `waitMs`. Returns the release function.
 */
export async function lockOutput(
  outDir: string,
  options: LockOptions,
): Promise<() => Promise<void>> {
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  let waiting = false;
  for (;;) {
    try {
      return await lockfile.lock(outDir, {
        lockfilePath: join(outDir, LOCK_DIR),
        stale: STALE_MS,
        realpath: false,
        retries: 0,
        // The lock can only be lost if this process stalls for longer than STALE_MS or
        // someone removes it by hand; the build then goes on, as it would have without a lock.
        onCompromised: () => undefined,
      });
    } catch (error) {
      if (!isHeld(error)) {
        throw new PresskitError('E_WRITE', {
          file: options.display,
          field: 'out',
          message: `cannot write to the output folder (${describeFsError(error)})`,
        });
      }
    }
    if (options.signal?.aborted) {
      throw new PresskitError('E_INTERRUPTED', { file: options.display, message: 'interrupted' });
    }
    if (Date.now() > deadline) {
      throw new PresskitError('E_LOCKED', {
        file: options.display,
        field: 'out',
        message: `another presskit build is still writing this folder (lock ${LOCK_DIR}); try again once it is done`,
      });
    }
    if (!waiting) {
      waiting = true;
      options.onWait?.(
        `${options.display}: another presskit build is writing this folder; waiting for it to finish`,
      );
    }
    await sleep(RETRY_MS, options.signal);
  }
}

function isHeld(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ELOCKED';
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
