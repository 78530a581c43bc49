import { fillLabel, formatDate, labelTable } from '../locale/i18n.js';
import type { Release, Withdrawal } from '../types.js';
import { FONT_FACES_PLACEHOLDER, withFontFaces } from './fonts.js';
import { withLifecycleHead } from './lifecycle-head.js';
import { CONTENT_SECURITY_POLICY } from './page.js';
import type { Theme } from './templates.js';

/**
 * The page left at a withdrawn release's address: its headline and date, when and why it
 * was withdrawn, and nothing else (no text, PDF, contacts or downloads); `noindex`.
 */
export async function renderWithdrawnPage(
  release: Release,
  withdrawal: Withdrawal,
  theme: Theme,
  generator: string,
): Promise<string> {
  // The config's labels for the language too, as on the rest of the page.
  const { labels } = labelTable(release.lang, release.labelOverrides);
  const html = await theme.render('withdrawn', {
    lang: release.lang,
    csp: CONTENT_SECURITY_POLICY,
    title: release.title,
    generator,
    fontCss: FONT_FACES_PLACEHOLDER,
    css: await theme.file('style.css'),
    organization: release.organization?.name,
    kind: release.kind,
    dateIso: release.date.text,
    dateText: formatDate(release.date, release.lang, release.timezone),
    notice: fillLabel(labels.withdrawnOn, {
      date: formatDate(withdrawal.date, release.lang, release.timezone),
    }),
    reason: fillLabel(labels.withdrawnReason, { reason: withdrawal.reason }),
  });
  return withFontFaces(
    withLifecycleHead(html, 'withdrawn', undefined, 'withdrawn.liquid'),
    'inline',
  );
}
