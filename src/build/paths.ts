/** Where a release's kit is assembled, inside the output folder, before it replaces the last one. */
export const STAGING_DIR = '.presskit-staging';
/** Where incremental builds remember what each kit was made from. */
export const STATE_DIR = '.presskit-state';
