import { z } from 'zod';
import { unsafeCharacters } from '../util/unsafe-text.js';

/**
 * Zod building blocks shared by the release frontmatter and the project config.
 * YAML is parsed with the failsafe schema, so every scalar arrives as a string.
 */

/** Error for a wrong type that says "is required" when the field is simply missing. */
export function expected(what: string) {
  return (issue: { input: unknown }): string =>
    issue.input === undefined ? 'is required' : `${what}, not ${describe(issue.input)}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'an empty value';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/** Set on an issue about unsafe characters, so that its report can point at them (zod-problems). */
export const UNSAFE_TEXT_ISSUE = 'unsafeText';

/**
 * Refuses controls and spoofing bidi characters (see unsafe-text.ts), naming the first.
 * `final`: later checks of the value (e-mail, URL, language tag) would only add noise; not
 * for a member of a union, which would then hide this issue behind its own.
 */
function refuseUnsafe(final: boolean) {
  return (value: string | undefined, context: z.RefinementCtx): void => {
    const [first] = value === undefined ? [] : unsafeCharacters(value);
    if (!first) return;
    context.addIssue({
      code: 'custom',
      message: first.message,
      params: { [UNSAFE_TEXT_ISSUE]: true },
      continue: !final,
    });
  };
}

/**
 * A single line: a line break or tab written in YAML (a `|` block, say) is only layout,
 * so runs of white space fold to one space. Other control characters are refused.
 */
function singleLine(value: string): string {
  return value.replace(/[ \t]*[\r\n\t][ \t\r\n]*/g, ' ').trim();
}

/** A non-empty single-line text. */
export const text = z
  .string({ error: expected('must be a text value') })
  .transform(singleLine)
  .refine((value) => value !== '', 'must not be empty')
  .superRefine(refuseUnsafe(true));

/** An optional single-line text: a YAML empty value counts as absent. */
export const optionalText = z
  .string({ error: expected('must be a text value') })
  .optional()
  .transform((value) => (value === undefined ? undefined : singleLine(value) || undefined))
  .superRefine(refuseUnsafe(true));

/** Markdown as written: line breaks are meaningful and kept. */
export const markdown = z
  .string({ error: expected('must be a text value') })
  .superRefine(refuseUnsafe(false));

/** Optional Markdown, trimmed: a blank text counts as absent. */
export const optionalMarkdown = markdown
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const email = z.email();

export const optionalEmail = optionalText.refine(
  (value) => value === undefined || email.safeParse(value).success,
  'is not a valid e-mail address',
);

export const optionalWebUrl = optionalText.refine(
  (value) => value === undefined || isWebUrl(value),
  'must be an absolute http:// or https:// URL',
);

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const bcp47 = text.refine((value) => {
  try {
    return Intl.getCanonicalLocales(value).length === 1 && /^[a-z]{2,3}(-|$)/i.test(value);
  } catch {
    return false;
  }
}, 'is not a BCP 47 language tag (e.g. fr, en, fr-BE)');

export const ianaZone = optionalText.refine((value) => {
  if (value === undefined) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'is not an IANA time zone (e.g. Europe/Brussels)');

export const textList = z
  .array(text, { error: 'must be a list' })
  .optional()
  .transform((value) => value ?? []);

export const rawAddress = z.strictObject({
  street: optionalText,
  locality: optionalText,
  region: optionalText,
  postalCode: optionalText,
  country: optionalText,
});

export const rawContact = z
  .strictObject(
    {
      name: optionalText,
      givenName: optionalText,
      familyName: optionalText,
      role: optionalText,
      organization: optionalText,
      office: optionalText,
      phone: optionalText,
      email: optionalEmail,
      url: optionalWebUrl,
      address: rawAddress.optional(),
    },
    {
      error: expected(
        'must be a mapping with name, givenName, familyName, role, organization, office, phone, email, url, address',
      ),
    },
  )
  .refine((contact) => contact.name !== undefined || contact.organization !== undefined, {
    message: 'needs a name (or, for a press office, an organization)',
    path: ['name'],
  })
  // They say how `name` splits; without it, there is no name to split.
  .refine((contact) => contact.name !== undefined || contact.givenName === undefined, {
    message: 'goes with name (the name as shown, e.g. "María José Núñez Peña")',
    path: ['givenName'],
  })
  .refine((contact) => contact.name !== undefined || contact.familyName === undefined, {
    message: 'goes with name (the name as shown, e.g. "María José Núñez Peña")',
    path: ['familyName'],
  });

export type RawContact = z.output<typeof rawContact>;

export const rawOrganization = z.strictObject(
  { name: text, url: optionalWebUrl, logo: optionalText },
  { error: expected('must be a mapping with name, url, logo') },
);

export type RawOrganization = z.output<typeof rawOrganization>;
