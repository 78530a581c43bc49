import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lazyBrowser } from '../../src/pdf/lazy-browser.js';
import { BROWSER } from './helpers.js';

/** The processes this one started, from /proc (each process's parent is in its stat line). */
function children(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
      } catch {
        return false; // Ended meanwhile.
      }
    })
    .map(Number);
}

describe('the lazy browser', () => {
  it('has spawned Chromium by the time warmUp resolves', async () => {
    // build() loads the rest of presskit right after warmUp, synchronously, for a tenth of
    // a second: a launch that still had to wait for the event loop (an asynchronous file
    // call) spawned Chromium only after that, and a one-release build waited for it.
    const before = new Set(children());
    const browser = lazyBrowser(BROWSER, process.env, 1);
    try {
      await browser.warmUp();
      const started = children().filter((pid) => !before.has(pid));
      expect(started).toHaveLength(1);
      const command = readFileSync(`/proc/${started[0]}/cmdline`, 'utf8').split('\0');
      expect(command[0]).toBe(BROWSER);
    } finally {
      await browser.close();
    }
  });
});
