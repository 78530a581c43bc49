import { addressLines } from '../contacts/address.js';
import { contactAffiliation } from '../contacts/affiliation.js';
import { formatPhoneDisplay } from '../contacts/phone.js';
import type { KitLifecycle, Release } from '../types.js';
import { statusText, updatedLine } from '../locale/lifecycle-labels.js';
import { printableLines } from '../util/unsafe-text.js';
import { aboutHeading, contactHeading, formatDate, labelTable } from '../locale/i18n.js';
import { withinStack } from '../markdown/depth.js';
import { markdownToTextBlocks } from '../markdown/text-blocks.js';
import { wrap } from './wrap.js';

/** Display columns: a Chinese character counts two. */
export const TEXT_WIDTH = 72;

/**
 * The wire-service version: the parts of a release in their conventional order, wrapped
 * for reading, with no Markdown syntax left. Lines end with LF; the file ends with one.
 */
export function renderText(
  release: Release,
  datelineText: string | undefined,
  lifecycle: KitLifecycle = 'published',
): string {
  const { labels } = labelTable(release.lang, release.labelOverrides);
  const blocks: string[] = [];
  blocks.push(
    [release.kind, release.region].filter(Boolean).join(' — ').toLocaleUpperCase(release.lang),
  );
  blocks.push(statusText(release, lifecycle));
  blocks.push([release.title, release.subtitle].filter(Boolean).join('\n'));
  // The dateline carries the date; without one, the date stands on its own line.
  if (!datelineText) blocks.push(formatDate(release.date, release.lang, release.timezone));
  const updated = updatedLine(release);
  if (updated) blocks.push([updated.text, updated.correction].filter(Boolean).join('\n'));

  const blocksOf = (markdown: string, field: string): string[] =>
    withinStack(() => markdownToTextBlocks(markdown, release.lang), {
      file: release.displayPath,
      field,
    });
  const body = blocksOf(release.body, 'body');
  if (datelineText) body[0] = body[0] ? `${datelineText} ${body[0]}` : datelineText;
  blocks.push(...body);

  if (release.boilerplate) {
    blocks.push(aboutHeading(labels, release.organization?.name ?? ''));
    blocks.push(...blocksOf(release.boilerplate, 'boilerplate'));
  }
  if (release.contacts.length > 0) {
    blocks.push(contactHeading(labels, release.contacts.length));
    for (const contact of release.contacts) {
      blocks.push(
        [
          contact.name ?? contact.organization,
          contact.role,
          contactAffiliation(contact),
          ...(contact.address ? addressLines(contact.address, release.lang) : []),
          contact.phone && `${labels.phone} ${formatPhoneDisplay(contact.phone, release.lang)}`,
          contact.email && `${labels.email} ${contact.email}`,
          contact.url,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }
  }
  blocks.push(labels.endMark);
  // Input checks refuse controls; should one slip through, `cat` must still not obey it.
  return printableLines(
    `${blocks.map((block) => wrap(block, TEXT_WIDTH, release.lang)).join('\n\n')}\n`,
  );
}
