import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import { PresskitError } from '../errors.js';
import { themeDirs } from './theme-dirs.js';

export { DEFAULT_TEMPLATE_DIR } from './theme-dirs.js';

/** The theme: a Liquid engine that looks in the project's folder first, then the default. */
export interface Theme {
  /** Folders searched in order, the default last. */
  dirs: string[];
  /**
   * `globals` are seen by the template and by every partial it renders (`render` gives a
   * partial only what it is passed, but globals too).
   */
  render(name: string, context: object, globals?: object): Promise<string>;
  /** A theme text file (e.g. `style.css`), from the first folder that has it. */
  file(name: string): Promise<string>;
}

const themes = new Map<string, Theme>();

/** One engine per template folder, so parsed templates are cached across releases. */
export function loadTheme(overrideDir?: string): Theme {
  const key = overrideDir ?? '';
  let theme = themes.get(key);
  if (!theme) {
    theme = createTheme(themeDirs(overrideDir));
    themes.set(key, theme);
  }
  return theme;
}

function createTheme(dirs: string[]): Theme {
  const engine = new Liquid({
    root: dirs,
    partials: dirs,
    extname: '.liquid',
    // Every {{ value }} is HTML-escaped unless a template says `| raw`.
    outputEscape: 'escape',
    strictFilters: true,
    ownPropertyOnly: true,
    cache: true,
    relativeReference: false,
    // Fixed, so that a theme's `date` filter prints alike on every machine; left unset,
    // liquidjs asks Intl for the machine's locale, which costs ~40 ms of ICU start-up.
    locale: 'en-US',
  });
  const files = new Map<string, Promise<string>>();
  return {
    dirs,
    async render(name, context, globals) {
      try {
        return await engine.renderFile(name, context, globals ? { globals } : {});
      } catch (error) {
        const where = dirs.find((dir) => existsSync(join(dir, `${name}.liquid`))) ?? dirs[0] ?? '';
        throw new PresskitError('E_TEMPLATE', {
          file: join(where, `${name}.liquid`),
          message:
            error instanceof Error ? (error.message.split('\n')[0] ?? 'error') : String(error),
        });
      }
    },
    file(name) {
      let text = files.get(name);
      if (!text) {
        const path = dirs.map((dir) => join(dir, name)).find((candidate) => existsSync(candidate));
        text = path
          ? readFile(path, 'utf8')
          : Promise.reject(
              new PresskitError('E_TEMPLATE', { file: name, message: 'theme file not found' }),
            );
        files.set(name, text);
      }
      return text;
    },
  };
}
