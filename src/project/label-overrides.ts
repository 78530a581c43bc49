import { z } from 'zod';
import type { LabelOverrides, Labels } from '../locale/i18n.js';
import { expected, optionalText } from '../release/fields.js';

/** Every label but `contact`, with the placeholders its template must hold. */
const PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  about: ['org'],
  aboutBeforeVowel: ['org'],
  embargoedUntil: ['date'],
  page: ['n', 'total'],
  published: ['date'],
  updated: ['date'],
};

/** A label: one line, with exactly the `{placeholders}` presskit fills in for it. */
function label(key: string) {
  const wanted = PLACEHOLDERS[key] ?? [];
  return optionalText.superRefine((value, context) => {
    if (value === undefined) return;
    const found = [...value.matchAll(/\{(\w*)\}/gu)].map((match) => match[1] ?? '');
    const unknown = found.filter((name) => !wanted.includes(name));
    const missing = wanted.filter((name) => !found.includes(name));
    if (unknown.length > 0 || missing.length > 0) {
      context.addIssue({
        code: 'custom',
        message:
          wanted.length === 0
            ? `takes no {placeholder} (found {${unknown.join('}, {')}})`
            : `must hold ${wanted.map((name) => `{${name}}`).join(' and ')} and no other {placeholder}`,
      });
    }
  });
}

const labelsSchema = z.strictObject(
  {
    kind: label('kind'),
    about: label('about'),
    aboutBeforeVowel: label('aboutBeforeVowel'),
    immediateRelease: label('immediateRelease'),
    embargoedUntil: label('embargoedUntil'),
    page: label('page'),
    endMark: label('endMark'),
    phoneExtension: label('phoneExtension'),
    phone: label('phone'),
    email: label('email'),
    website: label('website'),
    download: label('download'),
    photo: label('photo'),
    photoCredit: label('photoCredit'),
    mediaAssets: label('mediaAssets'),
    published: label('published'),
    updated: label('updated'),
    pressKit: label('pressKit'),
    downloadPressKit: label('downloadPressKit'),
    pdfVersion: label('pdfVersion'),
    textVersion: label('textVersion'),
    addToContacts: label('addToContacts'),
    scanToAdd: label('scanToAdd'),
    tags: label('tags'),
    skipToContent: label('skipToContent'),
    correction: label('correction'),
    draft: label('draft'),
    withdrawnOn: label('withdrawnOn'),
    withdrawnReason: label('withdrawnReason'),
    table: label('table'),
    contact: z
      .strictObject(
        { one: optionalText, other: optionalText },
        { error: expected('must be a mapping with one and other') },
      )
      .optional(),
  },
  { error: expected('must be a mapping from label name to text') },
);

// Every label of the table is named above (a label added to Labels fails to compile here).
const _everyLabel: Record<Exclude<keyof Labels, 'lang'>, unknown> = labelsSchema.shape;
void _everyLabel;

/** A BCP 47 language tag, as Intl reads it: `sw`, `pt-PT`, `zh-Hant`. */
const languageTag = z.string().refine((tag) => {
  try {
    new Intl.Locale(tag);
    return true;
  } catch {
    return false;
  }
}, 'must be a BCP 47 language tag such as sw or pt-PT');

/**
 * The config's `labels:`, per language: `labels: { sw: { immediateRelease: "…" } }`.
 * Names that are not labels are refused, so a typo is not silently ignored.
 */
export const labelOverridesSchema = z
  .record(languageTag, labelsSchema, {
    error: expected('must be a mapping from BCP 47 language tag (sw, pt-PT) to labels'),
  })
  .optional();

/** The config's `labels:` as validated: overrides by language tag. */
export type LabelOverridesByLanguage = Readonly<Record<string, LabelOverrides>>;
