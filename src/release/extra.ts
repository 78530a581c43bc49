import { z } from 'zod';
import type { ExtraData, ExtraValue } from '../types.js';
import { expected, markdown } from './fields.js';

/**
 * `extra:`, a release's own data for its theme (a campaign name, a hashtag, a list of
 * partners), so that a project needs no fork to carry a field presskit does not know.
 * Its values are what YAML gives (texts, lists, mappings), passed to templates as written;
 * the rules every text obeys (no control or spoofing characters) hold for keys and values.
 */

/** Data for a template, not a second body: the JSON of `extra` may be this large at most. */
export const MAX_EXTRA_BYTES = 16 * 1024;

const extraKey = markdown;

/** A key that names no value (zod drops `__proto__`, which would replace a prototype). */
const mapping = (value: z.ZodType<ExtraValue>) =>
  z.record(extraKey, value, {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? (issue.issues[0]?.message ?? 'is not a usable name')
        : expected('must be a mapping of names to values')(issue),
  });

const extraValue: z.ZodType<ExtraValue> = z.lazy(() =>
  z.union([markdown, z.array(extraValue), mapping(extraValue)], {
    error: expected('must be a text, a list or a mapping'),
  }),
);

export const extraData = mapping(extraValue)
  .optional()
  .superRefine((value, context) => {
    if (value === undefined) return;
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > MAX_EXTRA_BYTES) {
      context.addIssue({
        code: 'custom',
        message: `is ${bytes} bytes, more than the ${MAX_EXTRA_BYTES} a release's extra data may hold`,
      });
    }
  })
  .transform((value): ExtraData => value ?? {});
