import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import type { Problem } from '../errors.js';
import { PresskitError } from '../errors.js';
import { templateProblem } from './template-errors.js';
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
  /** Every template the theme uses, parsed: their syntax errors and unknown filters. */
  parseAll(): Promise<Problem[]>;
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
    // A misspelt variable is an error naming it, not an empty string; `{% if %}` and
    // `| default` may still ask after one that is absent (an `extra` key, say).
    strictVariables: true,
    lenientIf: true,
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
        // presskit's own variables always exist: one a release leaves out is null, so a
        // theme fails on a misspelt name, never on a release that lacks a subtitle.
        // Rendered synchronously: no filter or tag of a theme waits on anything, and
        // liquidjs's sync mode skips a promise per node (a third less CPU per page).
        return engine.renderFileSync(name, withNulls(context), globals ? { globals } : {});
      } catch (error) {
        throw new PresskitError('E_TEMPLATE', await templateProblem(error, dirs, name));
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
    async parseAll() {
      const problems: Problem[] = [];
      for (const name of await templateNames(dirs)) {
        try {
          // Sync, as rendering is: the engine caches what either way parses, and the two must agree.
          engine.parseFileSync(name);
        } catch (error) {
          problems.push(await templateProblem(error, dirs, name));
        }
      }
      return problems;
    },
  };
}

/** The names of the theme's templates (`page`, `contacts`), each once, sorted. */
async function templateNames(dirs: string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of dirs) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith('.liquid')) names.add(entry.name.slice(0, -7));
    }
  }
  return [...names].sort();
}

/** A copy of a template's context with every undefined value, however deep, made null. */
function withNulls(context: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(context).map(([key, value]) => [key, nulled(value)]));
}

function nulled(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(nulled);
  const plain =
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype;
  return plain ? withNulls(value) : value;
}
