/**
 * CPU time of a process's descendants (the browser a build or the floor starts), read from
 * /proc while they run: a process that exits is no longer listed, so each is sampled every
 * 50 ms and its last reading kept. Linux
 * only; elsewhere it reports nothing. A process that exits loses at most its last 50 ms.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';

let tickMs;
/** The length of a clock tick, asked once and only when needed (a child process). */
function tickLengthMs() {
  if (tickMs === undefined) {
    try {
      tickMs = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      tickMs = 10;
    }
  }
  return tickMs;
}

/** utime + stime, in ticks, of a /proc/…/stat line. */
function statTicks(stat) {
  // Fields after the command name, which may hold spaces: state, ppid, … utime (14th
  // field of the line) is the 12th after the name.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/**
 * CPU time of this process's main thread alone, which runs every line of JavaScript in
 * turn (the process's own also counts V8's garbage-collector and compiler threads and
 * libuv's pool); undefined where there is no /proc.
 */
export function mainThreadCpuMs() {
  try {
    const { ticks } = statTicks(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
    return ticks * tickLengthMs();
  } catch {
    return undefined;
  }
}

/** pid → { ppid, ticks } of every process now, from /proc/<pid>/stat. */
function processTable() {
  const table = new Map();
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return table;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // utime and stime only: a reaped child's time, in its parent's cutime, is counted as its own.
      table.set(Number(entry), statTicks(readFileSync(`/proc/${entry}/stat`, 'utf8')));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return table;
}

/** Starts sampling the descendants of `rootPid`; `stop()` returns their CPU in ms. */
export function sampleDescendantsCpu(rootPid = process.pid, everyMs = 50) {
  const last = new Map();
  const sample = () => {
    const table = processTable();
    const inTree = new Set([rootPid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, info] of table) {
        if (!inTree.has(pid) && inTree.has(info.ppid)) {
          inTree.add(pid);
          grew = true;
        }
      }
    }
    inTree.delete(rootPid);
    for (const pid of inTree) last.set(pid, table.get(pid).ticks);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      let ticks = 0;
      for (const value of last.values()) ticks += value;
      return ticks * tickLengthMs();
    },
  };
}
