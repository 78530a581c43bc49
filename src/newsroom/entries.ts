import { formatBytes } from '../assets/prepare.js';
import { newsroomEmbargo } from '../html/embargo-label.js';
import { fillLabel, formatDate, labelsFor, primaryLanguage } from '../locale/i18n.js';
import { nativeLanguageName, textDirection } from '../locale/languages.js';
import type { NewsroomLabels } from '../locale/newsroom-labels.js';
import type { KitSummary } from './kit-summary.js';

/** One kit's links, as the newsroom shows them. */
interface KitLinks {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The language in its own name: "Français", "العربية". */
  languageName: string;
  page: string;
  pdf?: string;
  zip: string;
  /** "Press kit (zip, 120 KB)", in the newsroom's language. */
  zipLabel: string;
  zipSha256: string;
}

/** One release, in one language or several, as the newsroom lists it. */
export interface NewsroomEntry extends KitLinks {
  slug: string;
  title: string;
  kind: string;
  date: string;
  /** The date in the entry's own language. */
  dateText: string;
  /** Its other languages, in order of their tags. */
  others: KitLinks[];
  /** Listed only in an index for a press list (--include-embargoed). */
  embargoed: boolean;
  /** The embargo as written, and as the newsroom shows it. */
  embargo?: string;
  embargoText?: string;
}

/**
 * The newsroom's entries, newest first: the kits of a release in several languages make
 * one entry, shown in the newsroom's language when the release has it (else in its
 * original's), with links to each other language's kit.
 */
export function newsroomEntries(
  kits: readonly KitSummary[],
  lang: string,
  labels: NewsroomLabels,
): NewsroomEntry[] {
  const groups = new Map<string, KitSummary[]>();
  for (const kit of kits) groups.set(kit.group, [...(groups.get(kit.group) ?? []), kit]);
  const entries = [...groups.entries()].flatMap(([group, members]) => {
    const lead = leadOf(members, group, lang);
    if (!lead) return [];
    const others = members
      .filter((kit) => kit !== lead)
      .sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
    const entry: NewsroomEntry = {
      ...links(lead, labels),
      slug: lead.slug,
      title: lead.title,
      kind: lead.kind,
      date: lead.date,
      dateText: calendarDate(lead.date, lead.lang),
      others: others.map((kit) => links(kit, labels)),
      embargoed: lead.lifecycle === 'embargoed',
      ...(lead.embargo !== undefined
        ? { embargo: lead.embargo, embargoText: newsroomEmbargo(lead.embargo) }
        : {}),
    };
    return [entry];
  });
  return entries.sort((a, b) =>
    a.date === b.date ? a.slug.localeCompare(b.slug) : a.date < b.date ? 1 : -1,
  );
}

function leadOf(members: KitSummary[], group: string, lang: string): KitSummary | undefined {
  const sorted = [...members].sort((a, b) => a.slug.localeCompare(b.slug));
  return (
    sorted.find((kit) => kit.lang.toLowerCase() === lang.toLowerCase()) ??
    sorted.find((kit) => primaryLanguage(kit.lang) === primaryLanguage(lang)) ??
    sorted.find((kit) => kit.slug === group) ??
    sorted[0]
  );
}

function links(kit: KitSummary, labels: NewsroomLabels): KitLinks {
  return {
    lang: kit.lang,
    dir: textDirection(kit.lang),
    languageName: nativeLanguageName(kit.lang),
    page: `${kit.slug}/index.html`,
    ...(kit.hasPdf ? { pdf: `${kit.slug}/${kit.slug}.pdf` } : {}),
    zip: `${kit.slug}.zip`,
    zipLabel: fillLabel(labels.pressKit, { size: formatBytes(kit.zipBytes) }),
    zipSha256: kit.zipSha256,
  };
}

/**
 * The day a kit was published, in its language ("4 octobre 2016", "Oct. 4, 2016"): the
 * date as its author wrote it (a datetime's own day at its own offset), without the time.
 */
function calendarDate(text: string, lang: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return text;
  const instant = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // A language presskit has no press style for still gets its date in its own words.
  if (labelsFor(lang).lang !== primaryLanguage(lang)) return intlDate(instant, lang);
  return formatDate({ text: match[0], instant, hasTime: false, offsetMinutes: 0 }, lang);
}

function intlDate(instant: Date, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(instant);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}
