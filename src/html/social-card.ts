import type { Release } from '../types.js';
import { textDirection } from '../locale/languages.js';
import { FONT_FACES_PLACEHOLDER, PRINT_FONT_ORIGIN, withFontFaces } from './fonts.js';
import type { Theme } from './templates.js';

/** Like the print page's: nothing but what is inside the document and presskit's fonts. */
const CARD_CONTENT_SECURITY_POLICY = `default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data: ${PRINT_FONT_ORIGIN}`;

export interface SocialCardInput {
  release: Release;
  theme: Theme;
  /** The logo as a `data:` URI, when the organisation has one. */
  logoSrc: string | undefined;
  width: number;
  height: number;
}

/**
 * The social card's document (the theme's `social-card.liquid`): the headline, the
 * organisation and its logo, at the card's size. Its fonts are the print page's, so the
 * browser that prints screenshots it with what it already holds (see media/social-card.ts).
 */
export async function renderSocialCardHtml(input: SocialCardInput): Promise<string> {
  const { release } = input;
  const html = await input.theme.render('social-card', {
    lang: release.lang,
    dir: textDirection(release.lang),
    csp: CARD_CONTENT_SECURITY_POLICY,
    title: release.title,
    kind: release.kind,
    organization: release.organization && {
      name: release.organization.name,
      logoSrc: input.logoSrc,
    },
    fontCss: FONT_FACES_PLACEHOLDER,
    width: input.width,
    height: input.height,
  });
  return withFontFaces(html, 'print');
}
