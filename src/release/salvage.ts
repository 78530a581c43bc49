import type { z } from 'zod';

/** What a required field that failed is replaced by, so the rest can still be checked. */
const STAND_INS: Readonly<Record<string, string>> = {
  title: 'untitled',
  lang: 'en',
  date: '1970-01-01',
};

/**
 * The frontmatter without the fields the schema refused, parsed again: so that the other
 * checks (dates, phones, assets, links) still run, and a release's problems all come in one
 * run instead of in waves. Unknown keys and refused fields nested in a mapping are dropped
 * first; a field still refused goes whole (a required one gets a stand-in). Undefined when
 * nothing usable is left (the frontmatter is not a mapping, say). Arrays are never shortened,
 * so that `contacts[2]` is still the third contact when its line is looked up.
 */
export function salvage<S extends z.ZodType>(
  schema: S,
  data: unknown,
  error: z.ZodError,
): z.output<S> | undefined {
  if (!isRecord(data)) return undefined;
  const current = structuredClone(data);
  let issues = error.issues;
  for (let round = 0; round < 4; round++) {
    for (const issue of issues) {
      const path = issue.path.filter(
        (part): part is string | number => typeof part === 'string' || typeof part === 'number',
      );
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) removeAt(current, [...path, key]);
        continue;
      }
      const last = path.at(-1);
      if (round === 0 && path.length > 1 && typeof last === 'string') {
        removeAt(current, path);
        continue;
      }
      const top = path[0];
      if (typeof top !== 'string') return undefined;
      const standIn = STAND_INS[top];
      if (standIn !== undefined) current[top] = standIn;
      else delete current[top];
    }
    const parsed = schema.safeParse(current);
    if (parsed.success) return parsed.data;
    issues = parsed.error.issues;
  }
  return undefined;
}

function removeAt(root: Record<string, unknown>, path: readonly (string | number)[]): void {
  let node: unknown = root;
  for (const part of path.slice(0, -1)) {
    if (isRecord(node) && typeof part === 'string') node = node[part];
    else if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else return;
  }
  const last = path.at(-1);
  if (isRecord(node) && typeof last === 'string') delete node[last];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
