import { watch } from 'chokidar';
import { relative, sep } from 'node:path';

export interface ProjectWatcher {
  close(): Promise<void>;
}

/** Folders whose changes are never the user's writing: outputs, tools, version control. */
const IGNORED = new Set(['.git', 'node_modules', 'dist', '.presskit-state', '.presskit-staging']);

/**
 * Calls `onChange` once per burst of saves anywhere in the project (releases, their
 * assets, the config, the theme): an editor's save is often several writes, and one
 * rebuild for them all is what the user means. Folders given in `ignore` (the config's
 * output folder) and the usual tool folders are not watched.
 */
export async function watchProject(
  root: string,
  ignore: readonly string[],
  onChange: (paths: string[]) => void,
  quietMs = 40,
): Promise<ProjectWatcher> {
  const ignoredDirs = ignore
    .map((dir) => relative(root, dir))
    .filter((dir) => !dir.startsWith('..'));
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (path) => {
      const inside = relative(root, path);
      if (inside === '') return false;
      const first = inside.split(sep)[0] ?? '';
      return (
        IGNORED.has(first) ||
        ignoredDirs.some((dir) => inside === dir || inside.startsWith(dir + sep)) ||
        first.startsWith('.presskit-lock')
      );
    },
  });
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, path) => {
    pending.push(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = pending;
      pending = [];
      onChange(paths);
    }, quietMs);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
