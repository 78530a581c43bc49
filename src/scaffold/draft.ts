import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { PresskitError } from '../errors.js';
import { loadConfig } from '../project/config.js';
import type { ProjectConfig } from '../project/config.js';
import { bcp47, text } from '../release/fields.js';
import { splitRelease } from '../release/load.js';
import { validateRelease } from '../release/schema.js';

/**
 * A flag's or argument's value through the schema's own rule for the field it becomes, so
 * that `init` and `new` never write what `check` would then refuse.
 */
function flagValue(
  schema: z.ZodType<string, string>,
  value: string,
  flag: string,
  problems: Problem[],
): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const shown = value.trim() === '' ? '' : `${JSON.stringify(value)} `;
  for (const issue of parsed.error.issues)
    problems.push({ file: flag, message: `${shown}${issue.message}` });
  return value;
}

export interface WrittenWords {
  lang: string;
  /** Present when one was given. */
  text?: string;
}

/** The language tag and a text (a headline, an organisation's name), or their problems. */
export function checkFlags(
  lang: string,
  given: { flag: string; value: string } | undefined,
): WrittenWords {
  const problems: Problem[] = [];
  const checkedLang = flagValue(bcp47, lang, '--lang', problems);
  const checkedText = given && flagValue(text, given.value, given.flag, problems);
  if (problems.length > 0) throw new PresskitError('E_USAGE', problems);
  return { lang: checkedLang, ...(checkedText !== undefined ? { text: checkedText } : {}) };
}

/** The project's config, or none when it cannot be read: `init` only mentions it in comments. */
export async function configOrNone(root: string, configFile?: string): Promise<ProjectConfig> {
  try {
    return await loadConfig(root, configFile);
  } catch (error) {
    if (error instanceof PresskitError) return { defaults: { contacts: [] } };
    throw error;
  }
}

/**
 * Validates a release file's text as `check` will read it, with the project's defaults:
 * what `init` and `new` write must pass. Its problems are thrown as they are.
 */
export function validateDraft(
  source: string,
  file: string,
  display: string,
  config: ProjectConfig,
): void {
  const raw = splitRelease(source, file, display);
  validateRelease(raw, 'draft', config.defaults);
}
