import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { LiquidError } from 'liquidjs';
import type { Problem } from '../errors.js';

/**
 * The problem of a Liquid error, at the template and the line and column where it is: the
 * user's own file when it is theirs, not the page that rendered it. liquidjs knows the file
 * of a parse error but not always of a render error in a partial, whose token carries only
 * the partial's text: that file is then found by its text, the theme's first folder first.
 */
export async function templateProblem(
  error: unknown,
  dirs: readonly string[],
  name: string,
): Promise<Problem> {
  const message = describe(error);
  if (!LiquidError.is(error)) return { file: shown(await firstWith(dirs, name)), message };
  const token = error.token;
  const file =
    token.file ?? (await fileWithText(dirs, token.input)) ?? (await firstWith(dirs, name));
  const [line, column] = token.getPosition();
  return {
    file: shown(file),
    ...(line ? { line } : {}),
    ...(line && column ? { column } : {}),
    message,
  };
}

/** liquidjs's first line, without the place it appends (given as line and column instead). */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = (text.split('\n')[0] ?? 'error').replace(/, (?:file:.*?, )?line:\d+, col:\d+$/, '');
  const undefinedVariable = /^undefined variable: (.+)$/.exec(first);
  if (undefinedVariable) {
    return (
      `undefined variable "${undefinedVariable[1]}": no such variable here ` +
      '(docs/templates.md lists them; a partial sees only what its {% render %} passes it and `extra`; ' +
      'guard an optional one with {% if %} or | default)'
    );
  }
  return first;
}

async function firstWith(dirs: readonly string[], name: string): Promise<string> {
  for (const dir of dirs) {
    const path = join(dir, `${name}.liquid`);
    if (
      await readFile(path, 'utf8').then(
        () => true,
        () => false,
      )
    )
      return path;
  }
  return join(dirs[0] ?? '', `${name}.liquid`);
}

async function fileWithText(dirs: readonly string[], text: string): Promise<string | undefined> {
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => []);
    for (const entry of names.filter((file) => file.endsWith('.liquid')).sort()) {
      const path = join(dir, entry);
      if ((await readFile(path, 'utf8').catch(() => undefined)) === text) return path;
    }
  }
  return undefined;
}

/** Relative to the working folder when inside it, as release files are shown. */
function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}
