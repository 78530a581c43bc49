import type { CivilDate, ClockTime, LocaleDefinition } from './types.js';
import { twoDigits } from './types.js';

const NBSP = '\u00A0';

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/**
 * French (France, Belgium, Switzerland, Canada): "1er octobre 2016" (Intl would print
 * "1 octobre"), times as "10 h" and "10 h 30" (Lexique de l’Imprimerie nationale: not
 * "10 h 00", not "10:30"), with no-break spaces so a time never breaks across lines.
 */
export const french: LocaleDefinition = {
  labels: {
    lang: 'fr',
    kind: 'Communiqué de presse',
    contact: { one: 'Contact presse', other: 'Contacts presse' },
    about: 'À propos de {org}',
    aboutBeforeVowel: 'À propos d’{org}',
    immediateRelease: 'POUR DIFFUSION IMMÉDIATE',
    embargoedUntil: 'SOUS EMBARGO JUSQU’AU {date}',
    page: 'Page {n} sur {total}',
    endMark: '###',
    phoneExtension: 'poste',
    phone: 'Tél.',
    email: 'Courriel',
    website: 'Site web',
    download: 'Télécharger',
    photo: 'Photo',
    photoCredit: 'Crédit photo',
    mediaAssets: 'Médias',
    published: 'Publié le {date}',
    updated: 'Mis à jour le {date}',
    correction: 'Correctif\u00A0: {text}',
    draft: 'BROUILLON — NE PAS PUBLIER',
    withdrawnOn: 'Ce communiqué a été retiré le {date}.',
    withdrawnReason: 'Motif\u00A0: {reason}',
    pressKit: 'Dossier de presse',
    downloadPressKit: 'Télécharger le dossier de presse',
    pdfVersion: 'Version PDF',
    textVersion: 'Version texte',
    addToContacts: 'Ajouter aux contacts',
    scanToAdd: 'Scannez pour ajouter le contact',
    table: 'Tableau',
    tags: 'Mots-clés',
    skipToContent: 'Aller au contenu',
  },
  date,
  time,
  dateTime(day, clock) {
    return `${date(day, true)} à ${time(clock)}`;
  },
};

function date({ year, month, day }: CivilDate, withYear: boolean): string {
  const dayText = day === 1 ? '1er' : String(day);
  const text = `${dayText} ${MONTHS[month - 1] ?? ''}`;
  return withYear ? `${text} ${year}` : text;
}

function time({ hour, minute }: ClockTime): string {
  return minute === 0 ? `${hour}${NBSP}h` : `${hour}${NBSP}h${NBSP}${twoDigits(minute)}`;
}
