/**
 * The words a communiqué's furniture is written with, per language: the label line, the
 * closing "for more information" sentence and its field labels. They follow the shape of
 * IOM's releases (../shared/seed/), which the organisation publishes in these four
 * languages; a text in another language is imported with `--lang` and its contacts by hand.
 */
export interface CommuniqueWords {
  lang: string;
  /** Label lines ("Communiqué", "Press release"), lowercase. */
  kinds: readonly string[];
  /** The closing sentence up to the first contact's name. */
  contactIntro: RegExp;
  /** Words joining two contacts ("or", "ou"). */
  contactJoin: RegExp;
}

export const COMMUNIQUE_WORDS: readonly CommuniqueWords[] = [
  {
    lang: 'fr',
    kinds: ['communiqué', 'communiqué de presse', 'note aux rédactions', 'avis aux médias'],
    contactIntro:
      /^pour (?:plus d['’]informations?|de plus amples informations|toute information)\s*,?\s*(?:veuillez|merci de)?\s*(?:contacter|vous adresser à|prendre contact avec)\s*:?\s*/iu,
    contactJoin: /^\s*(?:ou|et|;)\s*/iu,
  },
  {
    lang: 'en',
    kinds: ['press release', 'news release', 'media advisory', 'note to editors', 'release'],
    contactIntro: /^for (?:more|further) information\s*,?\s*(?:please\s+)?contact\s*:?\s*/iu,
    contactJoin: /^\s*(?:or|and|;)\s*/iu,
  },
  {
    lang: 'es',
    kinds: ['comunicado', 'comunicado de prensa', 'nota de prensa', 'aviso a los medios'],
    contactIntro:
      /^para (?:más|mayor|obtener más) información\s*,?\s*(?:por favor\s*,?\s*)?(?:contacte|contactar|póngase en contacto|comuníquese)(?:\s+(?:a|con))?\s*:?\s*/iu,
    contactJoin: /^\s*(?:o|u|y|;)\s*/iu,
  },
  {
    lang: 'ar',
    kinds: ['بيان صحفي', 'بيان', 'بيان إعلامي', 'نشرة صحفية', 'مذكرة إلى المحررين', 'إشعار إعلامي'],
    // "لمزيد من المعلومات، يرجى الاتصال بـ …" / "… التواصل مع: …". A ب written onto the
    // name ("بأوليفيا") cannot be told from the name's first letter: it stays, for the
    // author to see in the import's report.
    contactIntro:
      /^(?:لمزيد|للمزيد|لمزيدٍ) من المعلومات\s*[،,]?\s*(?:يرجى|يُرجى|الرجاء|نرجو)?\s*(?:الاتصال|التواصل)\s*(?:بـ|(?:ب|مع)(?=[\s:]))?\s*:?\s*/u,
    // "و" (and) is written onto the next word: only a free-standing "أو" (or) joins.
    contactJoin: /^\s*(?:أو|او|؛|;)\s+/u,
  },
];

/** The language whose label or closing sentence a text uses, if any. */
export function wordsOf(lang: string): CommuniqueWords | undefined {
  const primary = lang.toLowerCase().split('-')[0];
  return COMMUNIQUE_WORDS.find((words) => words.lang === primary);
}
