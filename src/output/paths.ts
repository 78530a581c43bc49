/** Where a release's kit is assembled, inside the output folder, before it replaces the last one. */
export const STAGING_DIR = '.presskit-staging';
/** Where incremental builds remember what each kit was made from, and what presskit wrote. */
export const STATE_DIR = '.presskit-state';
/** Held by the build writing the output folder (a directory: proper-lockfile's atomic mkdir). */
export const LOCK_DIR = '.presskit-lock';
/** presskit's own entries of the output folder: never kits, never the user's. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([STAGING_DIR, STATE_DIR, LOCK_DIR]);
