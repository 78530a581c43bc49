import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { PreparedAsset } from '../assets/prepare.js';
import type { Release } from '../types.js';
import { releaseNotice, renderEmailHtml } from './email-html.js';
import { kitLinks } from './links.js';

export interface EmailInput {
  release: Release;
  /** The kit's plain-text version: the text/plain part, as it is. */
  text: string;
  bodyHtml: string;
  boilerplateHtml?: string;
  assets: readonly PreparedAsset[];
  baseUrl: string | undefined;
  generator: string;
}

/** An address for `From` when no contact has one: `.invalid` never delivers (RFC 6761). */
const NO_ADDRESS = 'press@example.invalid';

/**
 * The release as an e-mail for distribution lists (`<slug>.eml`, RFC 5322): one message,
 * multipart/alternative, the kit's plain text and the HTML with inline styles, links to the
 * kit's PDF and zip and no attachment (lists reject them, and journalists' filters do).
 * Addressed to no one: the list's mailer sets the recipients. Every header that mailers
 * make up (Date, Message-ID, the MIME boundary) is derived from the release, so the same
 * release gives the same bytes.
 */
export async function renderEmail(input: EmailInput): Promise<Buffer> {
  const { release } = input;
  const links = kitLinks(release.slug, input.baseUrl);
  const html = renderEmailHtml({
    release,
    bodyHtml: input.bodyHtml,
    ...(input.boilerplateHtml ? { boilerplateHtml: input.boilerplateHtml } : {}),
    assets: input.assets,
    links,
  });
  const sender = release.contacts.find((contact) => contact.email);
  const name = release.organization?.name ?? sender?.name ?? sender?.organization;
  const date = release.date.instant;
  const host = input.baseUrl ? new URL(input.baseUrl).hostname : 'presskit.invalid';
  const stamp = date.toISOString().slice(0, 10).replace(/-/g, '');
  const composer = new MailComposer({
    from: { name: name ?? '', address: sender?.email ?? NO_ADDRESS },
    subject: subject(release),
    date,
    messageId: `<${release.slug}.${stamp}@${host}>`,
    baseBoundary: createHash('sha256')
      .update(`${release.slug}\n${stamp}`)
      .digest('hex')
      .slice(0, 16),
    headers: {
      'Content-Language': release.lang,
      'X-Mailer': input.generator,
    },
    text: input.text,
    html,
  });
  const message = await composer.compile().build();
  // RFC 5322 lines end in CRLF; the composer keeps the text's own LFs in the encoded
  // bodies. The message is 7-bit (quoted-printable bodies, encoded words), so this is safe.
  return Buffer.from(message.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

/**
 * The headline; under an embargo, the embargo first: the subject is what a forwarded or
 * previewed message shows, and the line a journalist must not miss.
 */
function subject(release: Release): string {
  return release.embargo ? `${releaseNotice(release)}: ${release.title}` : release.title;
}
