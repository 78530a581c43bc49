/**
 * Whether a kit may be listed where anyone can see it: the public newsroom's feeds and
 * sitemap. For now, every kit but one whose embargo is later than the build's time; the
 * release lifecycle (drafts, withdrawals) is to decide here too, so that the index, the
 * feeds and the sitemap never disagree.
 */
export function isPubliclyListable(kit: { embargoedUntil?: Date }, now: Date): boolean {
  return kit.embargoedUntil === undefined || kit.embargoedUntil.getTime() <= now.getTime();
}
