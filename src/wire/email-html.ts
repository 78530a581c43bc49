import { contactAffiliation } from '../contacts/affiliation.js';
import { formatPhoneDisplay, phoneTelUri } from '../contacts/phone.js';
import { escapeHtml } from '../html/escape.js';
import { unbreakable } from '../html/page.js';
import {
  aboutHeading,
  contactHeading,
  fillLabel,
  formatDate,
  formatEmbargo,
  labelsFor,
} from '../locale/i18n.js';
import type { PreparedAsset } from '../assets/prepare.js';
import type { Release } from '../types.js';
import type { KitLinks } from './links.js';
import { absoluteLinks } from './links.js';

/**
 * Each element's style, written on the element itself: Gmail and Outlook drop or rewrite
 * `<style>` elements, and a distribution list's mailer should not have to inline CSS. No
 * web fonts (clients block them, and `data:` fonts would weigh more than the text): the
 * system's serif for the text, its sans-serif for labels.
 */
const SERIF = "Georgia, 'Times New Roman', serif";
const SANS = 'Arial, Helvetica, sans-serif';
const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#0b5394';
const STYLES: Record<string, string> = {
  p: 'margin:0 0 1em;',
  h2: `font-family:${SANS};font-size:18px;line-height:1.3;margin:1.5em 0 0.5em;`,
  h3: `font-family:${SANS};font-size:16px;line-height:1.3;margin:1.2em 0 0.4em;`,
  h4: `font-family:${SANS};font-size:15px;margin:1em 0 0.4em;`,
  h5: `font-family:${SANS};font-size:14px;margin:1em 0 0.4em;`,
  h6: `font-family:${SANS};font-size:13px;margin:1em 0 0.4em;`,
  blockquote: `margin:0 0 1em;padding:0 0 0 16px;border-left:3px solid ${ACCENT};color:${INK};`,
  ul: 'margin:0 0 1em;padding:0 0 0 24px;',
  ol: 'margin:0 0 1em;padding:0 0 0 24px;',
  li: 'margin:0 0 0.3em;',
  a: `color:${ACCENT};`,
  img: 'max-width:100%;height:auto;border:0;',
  table: 'border-collapse:collapse;margin:0 0 1em;',
  th: `border:1px solid #cccccc;padding:4px 8px;text-align:left;font-family:${SANS};`,
  td: 'border:1px solid #cccccc;padding:4px 8px;',
  pre: 'white-space:pre-wrap;font-family:monospace;font-size:14px;',
  code: 'font-family:monospace;',
  hr: 'border:0;border-top:1px solid #cccccc;margin:1.5em 0;',
};
const TAGS = new RegExp(`<(${Object.keys(STYLES).join('|')})(?=[\\s>])`, 'g');

/**
 * Adds each element's style to HTML presskit rendered itself (the Markdown renderer escapes
 * every `<` of the text and never writes a `style` attribute), so a tag is always a tag.
 */
export function inlineStyles(html: string): string {
  return html.replace(TAGS, (_whole, tag: string) => `<${tag} style="${STYLES[tag] ?? ''}"`);
}

export interface EmailHtmlInput {
  release: Release;
  /** The body as the page shows it, dateline included. */
  bodyHtml: string;
  boilerplateHtml?: string;
  /** The kit's media assets (the `assets` list): linked, with caption and credit. */
  assets: readonly PreparedAsset[];
  links: KitLinks;
}

/** The HTML part of the e-mail: the release in one column, every style inline. */
export function renderEmailHtml(input: EmailHtmlInput): string {
  const { release, links } = input;
  const labels = labelsFor(release.lang);
  const e = escapeHtml;
  const label = [release.kind, release.region].filter(Boolean).join(' — ');
  const notice = releaseNotice(release);
  const styled = (html: string): string => inlineStyles(absoluteLinks(html, links));
  const parts: string[] = [];
  parts.push(
    `<p style="margin:0 0 4px;font-family:${SANS};font-size:12px;letter-spacing:0.08em;text-transform:uppercase;color:${MUTED};">${e(label)}</p>`,
    `<p style="margin:0 0 16px;font-family:${SANS};font-size:13px;font-weight:bold;color:${release.embargo ? '#a61b1b' : INK};">${e(notice)}</p>`,
    `<h1 style="margin:0 0 8px;font-family:${SERIF};font-size:26px;line-height:1.25;color:${INK};">${e(release.title)}</h1>`,
  );
  if (release.subtitle) {
    parts.push(
      `<p style="margin:0 0 12px;font-family:${SERIF};font-size:18px;line-height:1.4;color:${MUTED};">${e(release.subtitle)}</p>`,
    );
  }
  if (!release.dateline) {
    parts.push(
      `<p style="margin:0 0 12px;font-family:${SANS};font-size:13px;color:${MUTED};">${e(formatDate(release.date, release.lang, release.timezone))}</p>`,
    );
  }
  const button = (href: string, text: string): string =>
    `<a href="${e(href)}" style="display:inline-block;margin:0 8px 8px 0;padding:8px 14px;border:1px solid ${ACCENT};border-radius:4px;color:${ACCENT};text-decoration:none;font-family:${SANS};font-size:14px;">${e(text)}</a>`;
  parts.push(
    `<p style="margin:0 0 20px;">${button(links.pdf, labels.pdfVersion)}${button(links.zip, labels.downloadPressKit)}</p>`,
  );
  parts.push(`<div style="font-family:${SERIF};font-size:16px;line-height:1.55;color:${INK};">`);
  parts.push(
    styled(input.bodyHtml.replace('<span class="dateline">', '<span style="font-weight:bold;">')),
  );
  parts.push('</div>');
  const media = input.assets.filter((asset) => asset.role === 'asset');
  if (media.length > 0) {
    parts.push(
      `<h2 style="font-family:${SANS};font-size:16px;margin:28px 0 8px;color:${INK};">${e(labels.mediaAssets)}</h2>`,
    );
    for (const asset of media) {
      const name = asset.caption ?? asset.kitPath.replace(/^assets\//, '');
      const credit = asset.credit
        ? `<br><span style="color:${MUTED};">${e(labels.photoCredit)}${labels.lang === 'fr' ? '\u00A0: ' : ': '}${e(asset.credit)}</span>`
        : '';
      parts.push(
        `<p style="margin:0 0 10px;font-family:${SANS};font-size:14px;line-height:1.5;"><a href="${e(links.file(asset.kitPath))}" style="color:${ACCENT};">${e(name)}</a> (${e(asset.typeLabel)})${credit}</p>`,
      );
    }
  }
  if (input.boilerplateHtml) {
    parts.push(
      `<h2 style="font-family:${SANS};font-size:16px;margin:28px 0 8px;color:${INK};">${e(aboutHeading(labels, release.organization?.name ?? ''))}</h2>`,
      `<div style="font-family:${SERIF};font-size:14px;line-height:1.5;color:${MUTED};">${styled(input.boilerplateHtml)}</div>`,
    );
  }
  if (release.contacts.length > 0) {
    parts.push(
      `<h2 style="font-family:${SANS};font-size:16px;margin:28px 0 8px;color:${INK};">${e(contactHeading(labels, release.contacts.length))}</h2>`,
    );
    for (const contact of release.contacts) {
      const lines = [
        contact.name ?? contact.organization,
        contact.role,
        contactAffiliation(contact),
      ]
        .filter((line): line is string => !!line)
        .map(e);
      if (contact.phone) {
        lines.push(
          `${e(labels.phone)} <a href="${e(phoneTelUri(contact.phone))}" style="color:${ACCENT};">${e(unbreakable(formatPhoneDisplay(contact.phone, release.lang)))}</a>`,
        );
      }
      if (contact.email) {
        lines.push(
          `${e(labels.email)} <a href="mailto:${e(contact.email)}" style="color:${ACCENT};">${e(contact.email)}</a>`,
        );
      }
      if (contact.url) {
        lines.push(`<a href="${e(contact.url)}" style="color:${ACCENT};">${e(contact.url)}</a>`);
      }
      parts.push(
        `<p style="margin:0 0 12px;font-family:${SANS};font-size:14px;line-height:1.5;color:${INK};">${lines.join('<br>')}</p>`,
      );
    }
  }
  parts.push(
    `<p style="margin:24px 0 0;text-align:center;font-family:${SANS};color:${MUTED};">${e(labels.endMark)}</p>`,
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(release.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(release.title)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background:#ffffff;">`,
    // The inbox's preview line: the summary, rather than the labels the message opens with.
    ...(release.summary
      ? [
          `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${e(release.summary)}</div>`,
        ]
      : []),
    `<div style="max-width:640px;margin:0 auto;padding:24px 16px;">`,
    ...parts,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** "FOR IMMEDIATE RELEASE", or "EMBARGOED UNTIL <date>", in the release's language. */
export function releaseNotice(release: Release): string {
  const labels = labelsFor(release.lang);
  return release.embargo
    ? fillLabel(labels.embargoedUntil, {
        date: formatEmbargo(release.embargo, release.lang, release.timezone),
      })
    : labels.immediateRelease;
}
