import type { Release } from '../types.js';

/**
 * schema.org NewsArticle. Serialised so that it can never close its <script> element:
 * `<`, `>` and `&` become \u escapes, as do the JavaScript line separators.
 */
export function newsArticleJsonLd(
  release: Release,
  images: string[],
  url: string | undefined,
  /** `workTranslation` or `translationOfWork`, for a release in several languages. */
  related: Record<string, unknown> = {},
): string {
  const publisher = release.organization && {
    '@type': 'Organization',
    name: release.organization.name,
    ...(release.organization.url ? { url: release.organization.url } : {}),
  };
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: release.title,
    genre: release.kind,
    ...(release.subtitle ? { alternativeHeadline: release.subtitle } : {}),
    ...(release.summary ? { description: release.summary } : {}),
    inLanguage: release.lang,
    datePublished: release.date.text,
    dateModified: (release.modified ?? release.date).text,
    ...(url ? { url, mainEntityOfPage: url } : {}),
    ...(images.length > 0 ? { image: images } : {}),
    ...(release.dateline ? { dateline: release.dateline } : {}),
    ...(release.tags.length > 0 ? { keywords: release.tags.join(', ') } : {}),
    ...(publisher ? { author: publisher, publisher } : {}),
    ...related,
  };
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
