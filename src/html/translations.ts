import { nativeLanguageName, textDirection } from '../locale/languages.js';
import { newsroomLabels } from '../locale/newsroom-labels.js';
import type { TranslationSet } from '../types.js';

/** What a page shows and declares of the other languages of its release. */
export interface TranslationLinks {
  /** `<link rel="alternate" hreflang>`: every language, this one too, and x-default. */
  alternates: { hreflang: string; href: string }[];
  /** The visible switcher: each language in its own name, this one marked current. */
  switcher: {
    label: string;
    items: { lang: string; dir: string; name: string; href: string; current: boolean }[];
  };
  /** schema.org: the original lists its translations, a translation names its original. */
  jsonLd: Record<string, unknown>;
}

/**
 * Links from the kit `slug` to its siblings: `../<slug>/index.html` (a kit opened from
 * disk or served from any folder), or absolute under `baseUrl`, as the canonical URL is.
 */
export function translationLinks(
  set: TranslationSet,
  slug: string,
  lang: string,
  baseUrl: string | undefined,
): TranslationLinks {
  const href = (target: string): string =>
    baseUrl ? new URL(`${target}/`, baseUrl).href : `../${target}/index.html`;
  const work = (member: { slug: string; lang: string }): Record<string, unknown> => ({
    '@type': 'NewsArticle',
    inLanguage: member.lang,
    url: href(member.slug),
  });
  const original = set.members.find((member) => member.slug === set.original);
  const jsonLd =
    slug === set.original
      ? { workTranslation: set.members.filter((member) => member.slug !== slug).map(work) }
      : original
        ? { translationOfWork: work(original) }
        : {};
  return {
    alternates: [
      ...set.members.map((member) => ({ hreflang: member.lang, href: href(member.slug) })),
      // The original may be one this page does not link yet (under embargo): no default then.
      ...(original ? [{ hreflang: 'x-default', href: href(original.slug) }] : []),
    ],
    switcher: {
      label: newsroomLabels(lang).languages,
      items: set.members.map((member) => ({
        lang: member.lang,
        dir: textDirection(member.lang),
        name: nativeLanguageName(member.lang),
        href: href(member.slug),
        current: member.slug === slug,
      })),
    },
    jsonLd,
  };
}
