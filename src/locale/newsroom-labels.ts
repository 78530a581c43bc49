/**
 * The newsroom's furniture, in the project's language (config `lang`), and the label of a
 * page's language switcher, in the page's. Kept apart from the press-release tables
 * (`en.ts`, …): a language may have these before it has a whole locale. A language with
 * no table gets English, and says so (`lang: 'en'`), so the page marks it.
 */
import { primaryLanguage } from './i18n.js';

export interface NewsroomLabels {
  /** The language of this table, after any fallback. */
  lang: string;
  /** The newsroom's heading and title. */
  heading: string;
  /** The title with the organisation's name: `{org}`. */
  titleWithOrg: string;
  empty: string;
  webPage: string;
  pdf: string;
  /** `{size}`, e.g. "1.2 MB". */
  pressKit: string;
  /** Before the list of a release's other languages. */
  otherLanguages: string;
  /** A page's language switcher (its accessible name), in the page's language. */
  languages: string;
}

const ENGLISH: NewsroomLabels = {
  lang: 'en',
  heading: 'Press releases',
  titleWithOrg: '{org} — press releases',
  empty: 'No press kit has been built yet.',
  webPage: 'Web page',
  pdf: 'PDF',
  pressKit: 'Press kit (zip, {size})',
  otherLanguages: 'Other languages',
  languages: 'Languages',
};

// Each language's plain press vocabulary (the word its kind label uses: communiqué,
// comunicado, Pressemitteilung…); the wording of a project's own newsroom is its theme's.
const TABLES: Readonly<Record<string, NewsroomLabels>> = {
  en: ENGLISH,
  fr: {
    lang: 'fr',
    heading: 'Communiqués de presse',
    titleWithOrg: '{org} — communiqués de presse',
    empty: 'Aucun dossier de presse n’a encore été produit.',
    webPage: 'Page web',
    pdf: 'PDF',
    pressKit: 'Dossier de presse (zip, {size})',
    otherLanguages: 'Autres langues',
    languages: 'Langues',
  },
  es: {
    lang: 'es',
    heading: 'Comunicados de prensa',
    titleWithOrg: '{org} — comunicados de prensa',
    empty: 'Aún no se ha generado ningún dosier de prensa.',
    webPage: 'Página web',
    pdf: 'PDF',
    pressKit: 'Dosier de prensa (zip, {size})',
    otherLanguages: 'Otros idiomas',
    languages: 'Idiomas',
  },
  ar: {
    lang: 'ar',
    heading: 'البيانات الصحفية',
    titleWithOrg: '{org} — البيانات الصحفية',
    empty: 'لم يُنشأ أي ملف صحفي بعد.',
    webPage: 'صفحة الويب',
    pdf: 'PDF',
    pressKit: 'الملف الصحفي (zip، {size})',
    otherLanguages: 'لغات أخرى',
    languages: 'اللغات',
  },
  zh: {
    lang: 'zh',
    heading: '新闻稿',
    titleWithOrg: '{org} — 新闻稿',
    empty: '尚未生成任何新闻资料包。',
    webPage: '网页',
    pdf: 'PDF',
    pressKit: '新闻资料包（zip，{size}）',
    otherLanguages: '其他语言',
    languages: '语言',
  },
  ru: {
    lang: 'ru',
    heading: 'Пресс-релизы',
    titleWithOrg: '{org} — пресс-релизы',
    empty: 'Пресс-киты ещё не созданы.',
    webPage: 'Веб-страница',
    pdf: 'PDF',
    pressKit: 'Пресс-кит (zip, {size})',
    otherLanguages: 'Другие языки',
    languages: 'Языки',
  },
  de: {
    lang: 'de',
    heading: 'Pressemitteilungen',
    titleWithOrg: '{org} — Pressemitteilungen',
    empty: 'Es wurde noch keine Pressemappe erstellt.',
    webPage: 'Webseite',
    pdf: 'PDF',
    pressKit: 'Pressemappe (ZIP, {size})',
    otherLanguages: 'Weitere Sprachen',
    languages: 'Sprachen',
  },
  pt: {
    lang: 'pt',
    heading: 'Comunicados de imprensa',
    titleWithOrg: '{org} — comunicados de imprensa',
    empty: 'Ainda não foi gerado nenhum kit de imprensa.',
    webPage: 'Página web',
    pdf: 'PDF',
    pressKit: 'Kit de imprensa (zip, {size})',
    otherLanguages: 'Outros idiomas',
    languages: 'Idiomas',
  },
};

/** The table for `lang` (`fr-BE` → French), English for a language without one. */
export function newsroomLabels(lang: string): NewsroomLabels {
  return TABLES[primaryLanguage(lang)] ?? ENGLISH;
}
