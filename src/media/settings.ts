/**
 * What the media stage makes, in numbers. Kept apart from the code that uses sharp, so the
 * build's fingerprint can include them without loading it (incremental/fingerprint.ts):
 * changing one rebuilds every kit, where a no-change build stays a no-change.
 */
export const WEB_IMAGE = {
  /**
   * An image is "large" when its longer side is over this many pixels... A 1600 px photo
   * fills the page's column twice over on a high-density screen, and in print, bounded at
   * 9 cm high (see style.css), a 3:2 photo comes out 13.5 cm wide: 1600 px give it 300 dpi.
   */
  maxSide: 1600,
  /** ...or its file heavier than this: a page should not load half a megabyte per photo. */
  maxBytes: 500 * 1024,
  /** JPEG and WebP quality (mozjpeg): visually lossless on photos at web size. */
  quality: 82,
  /** Bump when the encoding changes in a way the numbers above do not say. */
  revision: 1,
} as const;

/** The social card: the size Facebook, LinkedIn and X recommend for a large preview. */
export const SOCIAL_CARD = { width: 1200, height: 630, kitPath: 'social-card.png' } as const;

/** Everything above, for the build's fingerprint. */
export const MEDIA_SETTINGS = JSON.stringify({ WEB_IMAGE, SOCIAL_CARD });
