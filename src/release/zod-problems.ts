import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { unsafeCharacters } from '../util/unsafe-text.js';
import { UNSAFE_TEXT_ISSUE } from './fields.js';
import { fieldPath } from './schema.js';
import type { FieldPath, YamlSource } from './yaml-source.js';

/** Turns zod issues into one problem each, with the field path and source line. */
export function zodProblems(error: z.ZodError, file: string, source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter(
      (part): part is string | number => typeof part === 'string' || typeof part === 'number',
    );
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        problems.push(
          withLine(
            { file, field: fieldPath(keyPath), message: 'unknown field' },
            source.lineOf(keyPath),
          ),
        );
      }
      continue;
    }
    const field = path.length > 0 ? { field: fieldPath(path) } : {};
    if (issue.code === 'custom' && issue.params?.[UNSAFE_TEXT_ISSUE]) {
      const located = unsafeInSource(source, path).map((problem) => ({
        file,
        ...field,
        ...problem,
      }));
      // A character written as a YAML escape ("\e") is not in the source: the field's line.
      if (located.length > 0) {
        problems.push(...located);
        continue;
      }
    }
    problems.push(withLine({ file, ...field, message: issue.message }, source.lineOf(path)));
  }
  return problems;
}

/** Each unsafe character written as such in the field's source, at its line and column. */
function unsafeInSource(
  source: YamlSource,
  path: FieldPath,
): { line: number; column: number; message: string }[] {
  const written = source.sourceOf(path);
  if (!written) return [];
  return unsafeCharacters(written.text).map((found) => ({
    line: written.line + found.line - 1,
    column: found.line === 1 ? written.column + found.column - 1 : found.column,
    message: found.message,
  }));
}

function withLine(problem: Problem, line: number | undefined): Problem {
  return line === undefined ? problem : { ...problem, line };
}
