import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, now. V8 leaves the dead large strings of finished kits (a
 * page with its fonts inline, the browser's answers) in its large-object space until its
 * heap limit heuristics say otherwise: a build of 1,000 releases with 40 MB alive reached
 * 288 MB of memory. Collecting every few dozen kits keeps it near 160 MB, for about 1 ms
 * of CPU a kit. `gc` is taken from a fresh context while V8 exposes it, then hidden again
 * (as Jest's leak detector does): nothing else of the process changes.
 */
export function collectGarbage(): void {
  collector ??= exposedGc();
  collector?.();
}

let collector: (() => void) | undefined;

function exposedGc(): (() => void) | undefined {
  setFlagsFromString('--expose-gc');
  try {
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc() : undefined;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}
