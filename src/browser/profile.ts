import { constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { lstat, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Chromium profiles presskit makes: `<tmpdir>/presskit-chromium-XXXXXX`, mkdtemp's suffix. */
const PREFIX = 'presskit-chromium-';
const PROFILE_NAME = /^presskit-chromium-[A-Za-z0-9]{6}$/;
/** In each profile: the pid of the presskit that made it, to tell the orphaned ones. */
const OWNER_FILE = 'presskit-owner.pid';

/** A browser profile folder of this process, removed exactly once. */
export interface Profile {
  readonly dir: string;
  remove(): Promise<void>;
}

export async function createProfile(): Promise<Profile> {
  // Synchronous: each await on the promise API is a turn of the event loop, and the build
  // loads its modules (a hundred milliseconds, synchronously) right after starting the
  // launch, which then waited for them before it spawned Chromium.
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  // For a program that exits without remove() (puppeteer kills the browser on exit): a
  // synchronous, last-moment attempt. A presskit killed outright is swept by the next one.
  const removeOnExit = (): void => {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // The dying browser may still hold files; the next build's sweep removes the rest.
    }
  };
  process.once('exit', removeOnExit);
  let removing: Promise<void> | undefined;
  const remove = (): Promise<void> => {
    removing ??= (async () => {
      // Retried: a browser that was just killed may still be writing into it.
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
      process.off('exit', removeOnExit);
    })();
    return removing;
  };
  try {
    writeFileSync(join(dir, OWNER_FILE), `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}

/**
 * Removes the profiles left in `dir` by presskit processes that no longer run (killed
 * outright, so they could not clean up). One readdir; only folders of presskit's name that
 * hold its owner file and belong to this user are considered, symlinks never followed, and
 * a profile whose owner is alive is kept. A reused pid keeps a stale profile: the safe side.
 * Never rejects: a leftover temp folder is not worth failing a build for.
 */
export async function removeStaleProfiles(dir: string = tmpdir()): Promise<void> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    const candidates = entries.filter(
      (entry) => entry.isDirectory() && PROFILE_NAME.test(entry.name),
    );
    await Promise.all(candidates.map((entry) => removeIfOrphaned(join(dir, entry.name))));
  } catch {
    // An unreadable temp folder: nothing to sweep.
  }
}

async function removeIfOrphaned(profile: string): Promise<void> {
  try {
    const stats = await lstat(profile);
    if (!stats.isDirectory() || stats.uid !== process.getuid?.()) return;
    const owner = await ownerOf(profile);
    if (owner === undefined || isRunning(owner)) return;
    await rm(profile, { recursive: true, force: true });
  } catch {
    // Gone already (another presskit swept it), or not ours to remove.
  }
}

/** The pid in the profile's owner file, read without following a link. */
async function ownerOf(profile: string): Promise<number | undefined> {
  const handle = await open(join(profile, OWNER_FILE), constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const stats = await handle.stat();
    if (!stats.isFile() || stats.size > 16) return undefined;
    const text = (await handle.readFile('utf8')).trim();
    return /^[1-9]\d{0,9}$/.test(text) ? Number(text) : undefined;
  } finally {
    await handle.close();
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return !(error instanceof Error && 'code' in error && error.code === 'ESRCH');
  }
}
