import { contactCards } from '../contacts/cards.js';
import type { Problem } from '../errors.js';
import { isPresskitError } from '../errors.js';
import { renderPageMarkup } from '../html/page.js';
import { renderSocialCardHtml } from '../html/social-card.js';
import type { Theme } from '../html/templates.js';
import { renderMarkdown } from '../markdown/render.js';
import { SOCIAL_CARD } from '../media/settings.js';
import type { ProjectSettings } from '../types.js';
import { GENERATOR } from '../version.js';
import type { PreparedRelease } from './prepare-release.js';
import { boilerplateContext } from './prepare-release.js';

/*
 * What `check` does for a project with its own theme, apart so that a check without one
 * does not load the template engine and the page (about 25 ms of every check's start).
 */
export { loadTheme } from '../html/templates.js';

/** The page rendered by the project's theme with this release's data, as `build` renders it. */
export async function checkTheme(
  { release, assets }: PreparedRelease,
  settings: ProjectSettings,
  theme: Theme,
): Promise<Problem[]> {
  try {
    await renderPageMarkup({
      release,
      // The page's variables are the same whatever the lifecycle: one render finds them all.
      lifecycle: 'published',
      settings,
      theme,
      bodyHtml: renderMarkdown(release.body, {
        file: release.displayPath,
        firstLine: release.bodyLine,
        lang: release.lang,
        imageSrc: (href) => assets.find((asset) => asset.href === href)?.kitPath,
      }),
      ...(release.boilerplate !== undefined
        ? { boilerplateHtml: renderMarkdown(release.boilerplate, boilerplateContext(release)) }
        : {}),
      assets,
      cards: await contactCards(release, settings),
      generator: GENERATOR,
      assetSrc: (asset) => asset.kitPath,
      print: false,
    });
    // The social card's template too, which a build with a base URL renders.
    await renderSocialCardHtml({
      release,
      theme,
      logoSrc: assets.some((asset) => asset.role === 'logo') ? 'data:,' : undefined,
      width: SOCIAL_CARD.width,
      height: SOCIAL_CARD.height,
    });
    return [];
  } catch (error) {
    if (!isPresskitError(error)) throw error;
    return error.problems.slice();
  }
}
