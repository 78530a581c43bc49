import type { PreparedAsset } from '../assets/prepare.js';
import { formatBytes } from '../assets/prepare.js';
import { addressLines } from '../contacts/address.js';
import { formatPhoneDisplay, phoneTelUri } from '../contacts/phone.js';
import type { Contact, KitLifecycle, ProjectSettings, Release, TranslationSet } from '../types.js';
import { runningHeader, statusText, updatedLine } from '../locale/lifecycle-labels.js';
import {
  FONT_FACES_PLACEHOLDER,
  PRINT_FONT_ORIGIN,
  withFontFaces,
  withInlineFontFacesBytes,
} from './fonts.js';
import {
  aboutHeading,
  contactHeading,
  formatDate,
  formatNumber,
  labelTable,
  ogLocale,
} from '../locale/i18n.js';
import { textDirection } from '../locale/languages.js';
import type { LabelTable, Labels } from '../locale/i18n.js';
import { justifiesInPrint } from '../locale/hyphenation.js';
import { newsArticleJsonLd } from './json-ld.js';
import { pageCss } from './page-css.js';
import { withLifecycleHead } from './lifecycle-head.js';
import { translationLinks } from './translations.js';
import type { Theme } from './templates.js';
import { QR_STAND_IN_MAX, qrStandInSrc } from './qr-stand-in.js';
import type { QrModules } from '../contacts/qr.js';

/**
 * The page forbids every script and every load from outside the kit: styles and fonts are
 * inline, images come from the kit's own folder (or `data:` when printing).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'";

/** The print version's: its fonts come from the print page's own font origin. */
const PRINT_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  'font-src data:',
  `font-src data: ${PRINT_FONT_ORIGIN}`,
);

/** A contact ready to show: its vCard already written, so the QR code can carry it. */
export interface ContactCard {
  contact: Contact;
  /** Path inside the kit, e.g. `contacts/olivia-headon.vcf`. */
  kitPath: string;
  vcard: string;
  qrSvg: string;
  /** The same code's modules: the PDF draws them in place of the print version's stand-in. */
  qrModules: QrModules;
}

export interface PageInput {
  release: Release;
  settings: ProjectSettings;
  theme: Theme;
  bodyHtml: string;
  boilerplateHtml?: string;
  assets: PreparedAsset[];
  cards: ContactCard[];
  generator: string;
  /** Where an asset's bytes are shown from: its kit path on the page, a data: URI in print. */
  assetSrc: (asset: PreparedAsset) => string;
  /**
   * In print, the footer with download links is omitted, and fonts come from the print
   * page's font origin rather than inline.
   */
  print: boolean;
  /** What the kit is at the build's time: only a published kit gets social tags and no noindex. */
  lifecycle: KitLifecycle;
  /** The release's languages, when it is published in several. */
  translations?: TranslationSet;
  /** The size in pixels of the file an image is shown from (its web version, if it has one). */
  shownSize?: (asset: PreparedAsset) => { width: number; height: number } | undefined;
  /** The kit's social card, made when the release has no image of its own (see below). */
  socialCard?: { kitPath: string; width: number; height: number };
}

const SHAREABLE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/**
 * The image a shared link is previewed with: the release's first photo (of its `assets`,
 * else of its text), or none; social networks show no SVG. Without one, the build makes a
 * social card.
 */
export function ownSocialImage(assets: readonly PreparedAsset[]): PreparedAsset | undefined {
  const shareable = assets.filter((asset) => SHAREABLE.has(asset.mediaType));
  return (
    shareable.find((asset) => asset.role === 'asset') ??
    shareable.find((asset) => asset.role === 'inline')
  );
}

export async function renderPage(input: PageInput): Promise<string> {
  return withFontFaces(
    await renderPageMarkup(input),
    input.print ? 'print' : 'inline',
    pageLabelText(input),
  );
}

/** The screen page as the kit's `index.html`: see withInlineFontFacesBytes. */
export async function renderPageBytes(input: Omit<PageInput, 'print'>): Promise<Buffer> {
  const screen = { ...input, print: false };
  return withInlineFontFacesBytes(await renderPageMarkup(screen), pageLabelText(screen));
}

/** The labels' characters, so that the page and its print ask for the same font subsets. */
function pageLabelText(input: PageInput): string {
  return labelText(labelTable(input.release.lang, input.release.labelOverrides));
}

/** The page as the theme renders it, its `@font-face` rules still to add: what `check` renders. */
export async function renderPageMarkup(input: PageInput): Promise<string> {
  const { release, settings } = input;
  const table = labelTable(release.lang, release.labelOverrides);
  const { labels } = table;
  // A label shown in English on a page in another language says so (WCAG 3.1.2).
  const attrs = (key: keyof Labels): string => (table.english.has(key) ? ' lang="en"' : '');
  const kindIsLabel = release.kind === labels.kind;
  const url = settings.baseUrl ? new URL(`${release.slug}/`, settings.baseUrl).href : undefined;
  const images = input.assets.filter((asset) => asset.isImage && asset.role === 'asset');
  const absolute = (asset: PreparedAsset): string | undefined =>
    url ? new URL(asset.kitPath, url).href : undefined;
  const imageUrls = images.map((asset) => absolute(asset) ?? asset.kitPath);
  const logo = input.assets.find((asset) => asset.role === 'logo');
  const socialImage = socialImageOf(input, url);
  const updated = updatedLine(release);
  const translations =
    input.translations &&
    translationLinks(input.translations, release.slug, release.lang, settings.baseUrl);

  const context = {
    lang: release.lang,
    dir: textDirection(release.lang),
    csp: input.print ? PRINT_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    title: release.title,
    summary: release.summary,
    keywords: release.tags.join(', '),
    generator: input.generator,
    // An embargoed kit, or a draft, must not be previewed by a social network or a search
    // engine that finds its address: no canonical, Open Graph or Twitter tags.
    social: url &&
      input.lifecycle === 'published' && {
        url,
        title: release.title,
        description: release.summary,
        locale: ogLocale(release.lang),
        // The other languages a reader of the shared link may be offered.
        alternateLocales: (input.translations?.members ?? [])
          .filter((member) => member.slug !== release.slug)
          .map((member) => ogLocale(member.lang)),
        siteName: release.organization?.name,
        published: release.date.text,
        image: socialImage?.url,
        imageWidth: socialImage?.width,
        imageHeight: socialImage?.height,
        imageAlt: socialImage?.alt,
      },
    fontCss: FONT_FACES_PLACEHOLDER,
    css: await input.theme.file('style.css'),
    pageCss: pageCss(
      settings.paper,
      labels.page,
      runningHeader(release, input.lifecycle),
      justifiesInPrint(release.lang),
    ),
    // Google recommends an image for a NewsArticle: without a photo, the card is the one.
    jsonLd: newsArticleJsonLd(
      release,
      imageUrls.length === 0 && input.socialCard && socialImage ? [socialImage.url] : imageUrls,
      url,
      translations?.jsonLd,
    ),
    // Links to the other kits, which a PDF cannot follow: the page's only.
    translations: input.print ? undefined : translations,
    organization: release.organization && {
      name: release.organization.name,
      logoSrc: logo && input.assetSrc(logo),
    },
    status: {
      embargoed: release.embargo !== undefined || input.lifecycle === 'draft',
      text: statusText(release, input.lifecycle),
      attrs:
        input.lifecycle === 'draft'
          ? ''
          : attrs(release.embargo ? 'embargoedUntil' : 'immediateRelease'),
    },
    head: {
      kind: release.kind,
      kindAttrs: kindIsLabel ? attrs('kind') : '',
      region: release.region,
      title: release.title,
      subtitle: release.subtitle,
      dateIso: release.date.text,
      dateText: formatDate(release.date, release.lang, release.timezone),
      updated: updated && { ...updated, iso: release.modified?.text },
    },
    bodyHtml: input.bodyHtml,
    boilerplateHtml: input.boilerplateHtml,
    labels: {
      about: aboutHeading(labels, release.organization?.name ?? ''),
      contacts: contactHeading(labels, input.cards.length),
      media: labels.mediaAssets,
      credit: `${labels.photoCredit}${table.colon}`,
      phone: labels.phone,
      email: labels.email,
      addContact: labels.addToContacts,
      scanToAdd: labels.scanToAdd,
      endMark: labels.endMark,
      attrs: {
        about: attrs('about'),
        contacts: attrs('contact'),
        media: attrs('mediaAssets'),
        credit: attrs('photoCredit'),
        phone: attrs('phone'),
        email: attrs('email'),
        addContact: attrs('addToContacts'),
        scanToAdd: attrs('scanToAdd'),
      },
    },
    figures: images.map((asset) => ({
      src: input.assetSrc(asset),
      width: input.shownSize?.(asset)?.width,
      height: input.shownSize?.(asset)?.height,
      alt: asset.alt,
      caption: asset.caption,
      credit: asset.credit,
    })),
    files: input.assets
      .filter((asset) => asset.role === 'asset' && !asset.isImage)
      .map((asset) => ({
        href: asset.kitPath,
        name: asset.kitPath.slice('assets/'.length),
        type: asset.typeLabel,
        size: formatBytes(asset.bytes, (value, digits) =>
          formatNumber(value, release.lang, digits),
        ),
        caption: asset.caption,
      })),
    contacts: input.cards.map((card, index) =>
      contactView(card, release.lang, input.print ? index : undefined),
    ),
    downloads: input.print
      ? []
      : [
          { href: `${release.slug}.pdf`, label: labels.pdfVersion, attrs: attrs('pdfVersion') },
          { href: `${release.slug}.txt`, label: labels.textVersion, attrs: attrs('textVersion') },
        ],
  };
  // `extra` (the release's own data) as a global: a theme's partials see it too.
  const page = await input.theme.render('page', context, { extra: release.extra });
  return withLifecycleHead(page, input.lifecycle, release.embargo?.text);
}

/** The shared link's image: the release's own, as the page shows it, or the social card. */
function socialImageOf(
  input: PageInput,
  url: string | undefined,
): { url: string; width?: number; height?: number; alt?: string } | undefined {
  if (!url) return undefined;
  const own = ownSocialImage(input.assets);
  if (own) {
    const size = input.print ? undefined : input.shownSize?.(own);
    return {
      // The file the page shows (its web version): what a network's crawler should fetch.
      url: new URL(input.print ? own.kitPath : input.assetSrc(own), url).href,
      ...(size ?? {}),
      ...(own.alt ? { alt: own.alt } : {}),
    };
  }
  const card = input.socialCard;
  if (!card) return undefined;
  return {
    url: new URL(card.kitPath, url).href,
    width: card.width,
    height: card.height,
    alt: input.release.title,
  };
}

function labelText(table: LabelTable): string {
  const { contact, ...rest } = table.labels;
  return [...Object.values(rest), contact.one, contact.other].join('');
}

/** `printIndex`: the card's place in the print version, whose QR codes are stand-ins. */
function contactView(card: ContactCard, lang: string, printIndex: number | undefined) {
  const { contact } = card;
  const affiliation = [contact.office, contact.organization]
    .filter((part): part is string => Boolean(part))
    .filter((part, index, parts) => index === 0 || !parts[0]?.includes(part));
  const displayName = contact.name ?? contact.organization ?? '';
  return {
    displayName,
    role: contact.role,
    affiliation: contact.name ? affiliation.join(', ') : contact.office,
    address: contact.address && addressLines(contact.address, lang),
    phone: contact.phone && {
      text: unbreakable(formatPhoneDisplay(contact.phone, lang)),
      href: phoneTelUri(contact.phone),
    },
    email: contact.email,
    url: contact.url,
    vcardHref: card.kitPath,
    qrSvg: card.qrSvg,
    // An image rather than inline SVG: Chrome tags an <img> as a Figure with its alt text
    // as /Alt (PDF/UA 7.3), and an inline SVG not at all. In print, a stand-in that the PDF
    // draws the code in place of (see qr-stand-in.ts).
    qrSrc:
      printIndex !== undefined && printIndex <= QR_STAND_IN_MAX
        ? qrStandInSrc(printIndex)
        : `data:image/svg+xml;base64,${Buffer.from(card.qrSvg).toString('base64')}`,
    // "QR" and "vCard" read the same in every language the labels cover.
    qrLabel: `QR vCard — ${displayName}`,
  };
}

/**
 * A phone number must not wrap mid-number: spaces become no-break spaces and hyphens
 * non-breaking hyphens (html-validate's tel-non-breaking).
 */
export function unbreakable(text: string): string {
  return text.replace(/ /g, '\u00A0').replace(/-/g, '\u2011');
}
