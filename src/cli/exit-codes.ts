/** Exit statuses, documented in the README. */
export const EXIT = {
  ok: 0,
  /** A release failed to build, or `check` found problems. */
  failed: 1,
  /** The run could not start: bad flags, config, paths, or no browser. */
  usage: 2,
  /** Stopped by SIGINT or SIGTERM. */
  interrupted: 130,
  /** A bug in presskit outside any one release (which would fail only it): the stack is printed. */
  internal: 70,
} as const;
