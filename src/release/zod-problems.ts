import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { fieldPath } from './schema.js';
import type { FieldPath } from './yaml-source.js';

/** Turns zod issues into one problem each, with the field path and source line. */
export function zodProblems(
  error: z.ZodError,
  file: string,
  lineOf: (path: FieldPath) => number | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter(
      (part): part is string | number => typeof part === 'string' || typeof part === 'number',
    );
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        problems.push(
          withLine({ file, field: fieldPath(keyPath), message: 'unknown field' }, lineOf(keyPath)),
        );
      }
      continue;
    }
    problems.push(
      withLine(
        {
          file,
          ...(path.length > 0 ? { field: fieldPath(path) } : {}),
          message: issue.message,
        },
        lineOf(path),
      ),
    );
  }
  return problems;
}

function withLine(problem: Problem, line: number | undefined): Problem {
  return line === undefined ? problem : { ...problem, line };
}
