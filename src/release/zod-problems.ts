import { z } from 'zod';
import type { Problem } from '../errors.js';
import { closestWord } from '../util/edit-distance.js';
import { unsafeCharacters } from '../util/unsafe-text.js';
import { UNSAFE_TEXT_ISSUE } from './fields.js';
import { fieldPath } from './schema.js';
import type { FieldPath, YamlSource } from './yaml-source.js';

/**
 * Turns zod issues into one problem each, with the field path and source line. Given the
 * schema, an unknown field gets the known one it was probably meant to be.
 */
export function zodProblems(
  error: z.ZodError,
  file: string,
  source: YamlSource,
  schema?: z.ZodType,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter(
      (part): part is string | number => typeof part === 'string' || typeof part === 'number',
    );
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const meant = schema && closestWord(key, fieldsAt(schema, path));
        const message = meant ? `unknown field; did you mean "${meant}"?` : 'unknown field';
        problems.push(
          withLine({ file, field: fieldPath(keyPath), message }, source.lineOf(keyPath)),
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

/** The field names of the mapping at `path` in a schema (array items by any index). */
export function fieldsAt(schema: z.ZodType, path: FieldPath): string[] {
  let node: z.ZodType | undefined = unwrap(schema);
  for (const part of path) {
    if (node instanceof z.ZodObject && typeof part === 'string') {
      const shape: Record<string, z.ZodType> = node.shape;
      node = shape[part];
    } else if (node instanceof z.ZodArray && typeof part === 'number') {
      node = node.element instanceof z.ZodType ? node.element : undefined;
    } else return [];
    node = node && unwrap(node);
  }
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

/** The object or array inside optional, nullable, default and transform wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  for (let depth = 0; depth < 8; depth++) {
    const inner: unknown =
      node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault
        ? node.unwrap()
        : node instanceof z.ZodPipe
          ? node.in
          : undefined;
    if (!(inner instanceof z.ZodType)) break;
    node = inner;
  }
  return node;
}
