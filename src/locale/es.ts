import type { CivilDate, ClockTime, LocaleDefinition } from './types.js';
import { twoDigits } from './types.js';

const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;

/** Spanish: "1 de octubre de 2016", "a las 10:00", "a la 1:30" (RAE, 24-hour clock). */
export const spanish: LocaleDefinition = {
  labels: {
    lang: 'es',
    kind: 'Comunicado de prensa',
    contact: { one: 'Contacto de prensa', other: 'Contactos de prensa' },
    about: 'Acerca de {org}',
    immediateRelease: 'PARA DIFUSIÓN INMEDIATA',
    embargoedUntil: 'BAJO EMBARGO HASTA EL {date}',
    page: 'Página {n} de {total}',
    endMark: '###',
    phoneExtension: 'ext.',
    phone: 'Tel.',
    email: 'Correo electrónico',
    website: 'Sitio web',
    download: 'Descargar',
    photo: 'Foto',
    photoCredit: 'Crédito de la foto',
    mediaAssets: 'Recursos multimedia',
    published: 'Publicado el {date}',
    updated: 'Actualizado el {date}',
    correction: 'Corrección: {text}',
    draft: 'BORRADOR — NO PUBLICAR',
    withdrawnOn: 'Este comunicado fue retirado el {date}.',
    withdrawnReason: 'Motivo: {reason}',
    pressKit: 'Dosier de prensa',
    downloadPressKit: 'Descargar el dosier de prensa',
    pdfVersion: 'Versión PDF',
    textVersion: 'Versión en texto plano',
    addToContacts: 'Añadir a contactos',
    scanToAdd: 'Escanee para añadir el contacto',
    table: 'Tabla',
    tags: 'Etiquetas',
    skipToContent: 'Ir al contenido',
  },
  date,
  time,
  dateTime(day, clock) {
    const article = clock.hour === 1 ? 'la' : 'las';
    return `${date(day, true)} a ${article} ${time(clock)}`;
  },
};

function date({ year, month, day }: CivilDate, withYear: boolean): string {
  const text = `${day} de ${MONTHS[month - 1] ?? ''}`;
  return withYear ? `${text} de ${year}` : text;
}

function time({ hour, minute }: ClockTime): string {
  return `${hour}:${twoDigits(minute)}`;
}
