import { textDirection } from '../locale/languages.js';
import { readFile } from 'node:fs/promises';
import type { PreparedAsset } from '../assets/prepare.js';
import { pixelSize } from '../assets/image-check.js';
import type { BrowserManager } from '../browser/manager.js';
import { datelineText } from '../locale/dateline.js';
import { headingTexts } from '../html/headings.js';
import { escapeHtml } from '../html/escape.js';
import type { ContactCard, PageInput } from '../html/page.js';
import { ownSocialImage, renderPage, renderPageBytes } from '../html/page.js';
import { renderSocialCardHtml } from '../html/social-card.js';
import type { WebImage } from '../media/web-image.js';
import { webImages } from '../media/web-image.js';
import { SOCIAL_CARD } from '../media/settings.js';
import { renderMarkdown } from '../markdown/render.js';
import { hyphenateHtml } from '../markdown/hyphenate.js';
import type { Theme } from '../html/templates.js';
import type { KitLifecycle, ProjectSettings } from '../types.js';
import { GENERATOR } from '../version.js';
import type { PreparedRelease } from './prepare-release.js';
import type { KitEntry } from '../output/stage-kit.js';
import { boilerplateContext } from './prepare-release.js';

/** Print hyphenates words from seven letters ("Migra-tion"), the page from twelve. */
const PRINT_MIN_WORD = 7;
const SCREEN_MIN_WORD = 12;

/** A page's body and boilerplate, hyphenated for print or for the screen. */
interface HyphenatedText {
  body: string;
  boilerplate: string | undefined;
}

export interface RenderedKit {
  /** The PDF (and what depends on it) as promises, last: see stageKit. */
  entries: KitEntry[];
  /** From the print's start to the PDF's post-processing's end; rejects as the print does. */
  pdfMs: Promise<number>;
  /** Settles once this kit needs the browser no more (its PDF and social card are done). */
  browserDone: Promise<void>;
}

/**
 * Everything but the zip: page, PDF, text, vCards, assets. Returns as soon as everything
 * but the PDF is made, while Chrome still prints it.
 */
export async function renderKit(
  prepared: PreparedRelease,
  cards: ContactCard[],
  settings: ProjectSettings,
  theme: Theme,
  browser: BrowserManager,
  documentDate: Date,
  /** What the kit is at the build's time: marks, robots and social tags follow from it. */
  lifecycle: KitLifecycle,
  /** Called as the PDF starts printing: Node is then idle until Chrome is done. */
  whilePrinting: () => void = () => undefined,
): Promise<RenderedKit> {
  const { release, assets } = prepared;
  const dateline = datelineText(release);
  const body = (src: (asset: PreparedAsset) => string): string =>
    renderMarkdown(release.body, {
      file: release.displayPath,
      firstLine: release.bodyLine,
      lang: release.lang,
      headingOffset: 'auto',
      imageSrc: (href) => {
        const asset = assets.find(
          (candidate) => candidate.role === 'inline' && candidate.href === href,
        );
        return asset && src(asset);
      },
      ...(dateline
        ? { leadPrefixHtml: `<span class="dateline">${escapeHtml(dateline)}</span> ` }
        : {}),
    });
  const boilerplate =
    release.boilerplate && renderMarkdown(release.boilerplate, boilerplateContext(release));

  // Large photos are shown, on the page and in print, from a web-size version (media/).
  const web = await webImages(assets, release.displayPath);
  const { uris: dataUris, sizes } = await inlineImages(assets, web);
  const pageSrc = (asset: PreparedAsset): string => web.get(asset)?.kitPath ?? asset.kitPath;
  const shownSize = (asset: PreparedAsset): { width: number; height: number } | undefined =>
    web.get(asset) ?? sizes.get(asset);
  // A shared link needs an image: without one of its own, the kit makes a card, only for a
  // kit with social tags (a base URL, published: see renderPage).
  const socialCard =
    settings.baseUrl && lifecycle === 'published' && !ownSocialImage(assets)
      ? SOCIAL_CARD
      : undefined;
  const printSrc = (asset: PreparedAsset): string => dataUris.get(asset) ?? '';
  const pageMarkdown = body(pageSrc);
  // Only images in the text make the two bodies differ...
  const printMarkdown = assets.some((asset) => asset.role === 'inline')
    ? body(printSrc)
    : pageMarkdown;
  // ...and hyphens: print hyphenates its justified text, the page only words long enough
  // to overflow a phone's line (which it would otherwise break anywhere, with no hyphen).
  // (The screen's hyphens are added once the print has started: nothing printed needs them.)
  const hyphenated = (markdownHtml: string, minWord: number): HyphenatedText => ({
    body: hyphenateHtml(markdownHtml, release.lang, minWord),
    boilerplate: boilerplate ? hyphenateHtml(boilerplate, release.lang, minWord) : undefined,
  });
  const page = (print: boolean, html: HyphenatedText): PageInput => {
    const src = print ? printSrc : pageSrc;
    return {
      release,
      settings,
      theme,
      bodyHtml: html.body,
      ...(html.boilerplate !== undefined ? { boilerplateHtml: html.boilerplate } : {}),
      assets,
      cards,
      generator: GENERATOR,
      assetSrc: src,
      print,
      lifecycle,
      ...(prepared.translations ? { translations: prepared.translations } : {}),
      shownSize,
      ...(socialCard ? { socialCard } : {}),
    };
  };
  // The print version first, and printed at once: the screen page, the text and the e-mail
  // are made while Chrome prints, rather than before it starts.
  const printHtml = await renderPage(page(true, hyphenated(printMarkdown, PRINT_MIN_WORD)));

  const started = performance.now();
  // Loaded on first use: pdf-lib is heavy and `check` never prints.
  const { renderPdf } = await import('../pdf/print-pdf.js');
  const printing = renderPdf(browser, printHtml, {
    title: release.title,
    ...(release.organization ? { author: release.organization.name } : {}),
    ...(release.summary ? { subject: release.summary } : {}),
    keywords: release.tags,
    lang: release.lang,
    // Chrome's bookmarks of right-to-left headings read backwards: given in logical order.
    ...(textDirection(release.lang) === 'rtl' ? { outlineTitles: headingTexts(printHtml) } : {}),
    date: documentDate,
    creator: GENERATOR,
    qrCodes: cards.map((card) => card.qrModules),
  });
  // Awaited below; if what is made meanwhile fails first, the print's failure is not unhandled.
  printing.catch(() => undefined);
  // Shot while the PDF prints, on another page of the same browser.
  const card = socialCard && makeSocialCard(prepared, theme, dataUris, browser);
  card?.catch(() => undefined);
  whilePrinting();
  // Loaded only now, while Chrome prints: nodemailer and the line breaker's tables are a
  // third of this module's code, and nothing printed needs them.
  const outputs = Promise.all([
    import('../text/render-text.js'),
    import('../wire/email.js'),
    import('../wire/ninjs.js'),
  ]);
  // Awaited below; a failure to load is reported there, not as unhandled.
  outputs.catch(() => undefined);
  const screen = hyphenated(pageMarkdown, SCREEN_MIN_WORD);
  const pageBody = screen.body;
  const pageBoilerplate = screen.boilerplate;
  const pageBytes = await renderPageBytes(page(false, screen));
  const [{ renderText }, { renderEmail }, { renderNinjs }] = await outputs;
  const text = renderText(release, dateline, lifecycle);
  const email = await renderEmail({
    release,
    text,
    bodyHtml: pageBody,
    ...(boilerplate && pageBoilerplate ? { boilerplateHtml: pageBoilerplate } : {}),
    assets,
    baseUrl: settings.baseUrl,
    generator: GENERATOR,
  });
  // The PDF, and ninjs (which gives its size), come last: the kit's other files are
  // written while Chrome prints (see stageKit). Each is awaited there, or not at all when
  // an earlier file fails: none of their failures may go unhandled.
  const pdf = printing.then((bytes) => ({ bytes, ms: performance.now() - started }));
  const ninjs = pdf.then(({ bytes }) =>
    renderNinjs({
      release,
      assets,
      text,
      bodyHtml: pageBody,
      pdfBytes: bytes.byteLength,
      pixelSizes: sizes,
      webVersions: web,
      baseUrl: settings.baseUrl,
    }),
  );
  const entries: KitEntry[] = [
    { path: 'index.html', data: pageBytes },
    { path: `${release.slug}.txt`, data: text },
    { path: `${release.slug}.eml`, data: email },
    ...cards.map((card) => ({ path: card.kitPath, data: card.vcard })),
    ...uniqueAssets(assets).map((asset) => ({ path: asset.kitPath, copyFrom: asset.source })),
    ...[...new Set(web.values())].map((image) => ({ path: image.kitPath, data: image.data })),
    { path: `${release.slug}.pdf`, data: pdf.then(({ bytes }) => bytes) },
    { path: `${release.slug}.ninjs.json`, data: ninjs },
    ...(card ? [{ path: SOCIAL_CARD.kitPath, data: card }] : []),
  ];
  const pdfMs = pdf.then(({ ms }) => ms);
  for (const pending of [pdfMs, ...entries.map((entry) => 'data' in entry && entry.data)]) {
    if (pending instanceof Promise) pending.catch(() => undefined);
  }
  // The browser is done with this kit once its PDF and its card are, however they ended.
  const browserDone = Promise.allSettled([printing, card]).then(() => undefined);
  return { entries, pdfMs, browserDone };
}

/**
 * The print page's document is set in place on about:blank (an opaque origin): images must be data: URIs.
 * Their sizes in pixels, read from the same bytes, are for the ninjs renditions.
 */
async function inlineImages(
  assets: PreparedAsset[],
  web: Map<PreparedAsset, WebImage>,
): Promise<{
  uris: Map<PreparedAsset, string>;
  sizes: Map<PreparedAsset, { width: number; height: number }>;
}> {
  const uris = new Map<PreparedAsset, string>();
  const sizes = new Map<PreparedAsset, { width: number; height: number }>();
  for (const asset of assets) {
    if (!asset.isImage) continue;
    const bytes = await readFile(asset.source);
    const shown = web.get(asset);
    uris.set(
      asset,
      shown
        ? `data:${shown.mediaType};base64,${shown.data.toString('base64')}`
        : `data:${asset.mediaType};base64,${bytes.toString('base64')}`,
    );
    const size = pixelSize(bytes);
    if (size) sizes.set(asset, size);
  }
  return { uris, sizes };
}

/** The card of a release without an image of its own: headline, organisation, logo. */
async function makeSocialCard(
  prepared: PreparedRelease,
  theme: Theme,
  dataUris: Map<PreparedAsset, string>,
  browser: BrowserManager,
): Promise<Buffer> {
  const logo = prepared.assets.find((asset) => asset.role === 'logo');
  const html = await renderSocialCardHtml({
    release: prepared.release,
    theme,
    logoSrc: logo && dataUris.get(logo),
    width: SOCIAL_CARD.width,
    height: SOCIAL_CARD.height,
  });
  const { renderSocialCard } = await import('../media/social-card.js');
  return renderSocialCard(browser, html);
}

function uniqueAssets(assets: PreparedAsset[]): PreparedAsset[] {
  const seen = new Set<string>();
  return assets.filter((asset) => !seen.has(asset.kitPath) && seen.add(asset.kitPath));
}
