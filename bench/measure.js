/** Running one measured child process, and the statistics the report needs. */
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleDescendantsCpu } from './process-cpu.js';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * Runs `node <script> ...args` (with `options.node`, else this Node) and resolves with the
 * wall time seen from here (process start to exit: Node's boot, imports, work, browser
 * shutdown) and the JSON line the child printed last, and the CPU time of the processes it
 * started (Chromium). Never rejects: a failed run is reported, not thrown.
 */
export function runNode(script, args, options = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(options.node ?? process.execPath, [script, ...args], {
      cwd: options.cwd ?? dirname(script),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    // From here, not inside the child: the sampling's own CPU is not the child's.
    const browser = sampleDescendantsCpu(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const browserCpuMs = browser.stop();
      const last = stdout.trim().split('\n').at(-1) ?? '';
      let result;
      try {
        result = JSON.parse(last);
      } catch {
        result = undefined;
      }
      const ok = code === 0 && result?.ok === true;
      resolve({
        ok,
        code,
        wallMs,
        /** CPU of the processes the child started (the browser), from /proc. */
        browserCpuMs,
        result,
        stderr: stderr.slice(-2000),
        stdout: stdout.slice(-2000),
      });
    });
  });
}

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `{ median, min, max, n }` of a list of milliseconds. */
export function summarize(values) {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
  };
}

export const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
export const megabytes = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a');
