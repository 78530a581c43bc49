import type { CivilDate, ClockTime, LocaleDefinition } from './types.js';
import { twoDigits } from './types.js';

const NBSP = '\u00A0';

const MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/**
 * Russian. Sources: А. Э. Мильчин, Л. К. Чельцова, «Справочник издателя и автора»
 * (quotes «ёлочки», „лапки“ inside; "3 сентября 2026 г." with a no-break space before
 * "г."; times "10:00", 24-hour); labels modelled on the UN's Russian press releases
 * (news.un.org/ru, unic.ru) and IOM's Russian-language releases. "Об" before a vowel
 * sound: "Об ООН", but "О Юнеско".
 */
export const russian: LocaleDefinition = {
  labels: {
    lang: 'ru',
    kind: 'Пресс-релиз',
    contact: { one: 'Контакт для СМИ', other: 'Контакты для СМИ' },
    about: 'О {org}',
    aboutBeforeVowel: 'Об {org}',
    immediateRelease: 'ДЛЯ НЕМЕДЛЕННОГО РАСПРОСТРАНЕНИЯ',
    embargoedUntil: 'ЭМБАРГО ДО {date}',
    page: 'Страница {n} из {total}',
    endMark: '###',
    phoneExtension: 'доб.',
    phone: 'Тел.',
    email: 'Эл. почта',
    website: 'Сайт',
    download: 'Скачать',
    photo: 'Фото',
    photoCredit: 'Фото',
    mediaAssets: 'Материалы для СМИ',
    published: 'Опубликовано {date}',
    updated: 'Обновлено {date}',
    correction: 'Исправление: {text}',
    draft: 'ЧЕРНОВИК — НЕ ДЛЯ ПУБЛИКАЦИИ',
    withdrawnOn: 'Этот пресс-релиз был отозван {date}.',
    withdrawnReason: 'Причина: {reason}',
    table: 'Таблица',
    pressKit: 'Пресс-кит',
    downloadPressKit: 'Скачать пресс-кит',
    pdfVersion: 'Версия PDF',
    textVersion: 'Текстовая версия',
    addToContacts: 'Добавить в контакты',
    scanToAdd: 'Отсканируйте, чтобы добавить контакт',
    tags: 'Теги',
    skipToContent: 'Перейти к содержанию',
  },
  date,
  time,
  dateTime(day, clock) {
    return `${date(day, true)} в${NBSP}${time(clock)}`;
  },
};

function date({ year, month, day }: CivilDate, withYear: boolean): string {
  const text = `${day}${NBSP}${MONTHS[month - 1] ?? ''}`;
  return withYear ? `${text} ${year}${NBSP}г.` : text;
}

function time({ hour, minute }: ClockTime): string {
  return `${hour}:${twoDigits(minute)}`;
}
