import type { CivilDate, ClockTime, LocaleDefinition } from './types.js';
import { twoDigits } from './types.js';

/**
 * The United Nations' Arabic style names each month twice, the Levantine name then the
 * Egyptian and Gulf one, so that every Arabic reader knows it: "أيلول/سبتمبر".
 */
const MONTHS = [
  'كانون الثاني/يناير',
  'شباط/فبراير',
  'آذار/مارس',
  'نيسان/أبريل',
  'أيار/مايو',
  'حزيران/يونيه',
  'تموز/يوليه',
  'آب/أغسطس',
  'أيلول/سبتمبر',
  'تشرين الأول/أكتوبر',
  'تشرين الثاني/نوفمبر',
  'كانون الأول/ديسمبر',
] as const;

/**
 * Arabic, as the United Nations writes it. Sources: the UN's Arabic documents and press
 * releases (documents.un.org, news.un.org/ar) and IOM's Arabic releases (iom.int/ar): dual month names,
 * European (0-9) digits, 24-hour times ("الساعة 10:00"), the Arabic comma "،". Quotes
 * are CLDR's for Arabic (common/main/ar.xml delimiters: ” … “, ’ … ‘ inside). Written
 * right to left (`dir="rtl"`, see `textDirection`).
 */
export const arabic: LocaleDefinition = {
  labels: {
    lang: 'ar',
    kind: 'بيان صحفي',
    contact: { one: 'جهة الاتصال الإعلامية', other: 'جهات الاتصال الإعلامية' },
    about: 'نبذة عن {org}',
    immediateRelease: 'للنشر الفوري',
    embargoedUntil: 'يُحظر النشر قبل {date}',
    page: 'الصفحة {n} من {total}',
    endMark: '###',
    phoneExtension: 'تحويلة',
    phone: 'الهاتف',
    email: 'البريد الإلكتروني',
    website: 'الموقع الإلكتروني',
    download: 'تنزيل',
    photo: 'صورة',
    photoCredit: 'حقوق الصورة',
    mediaAssets: 'المواد الإعلامية',
    published: 'نُشر في {date}',
    updated: 'حُدّث في {date}',
    correction: 'تصحيح: {text}',
    draft: 'مسودة — ليست للنشر',
    withdrawnOn: 'سُحب هذا البيان الصحفي في {date}.',
    withdrawnReason: 'السبب: {reason}',
    table: 'جدول',
    pressKit: 'الملف الصحفي',
    downloadPressKit: 'تنزيل الملف الصحفي',
    pdfVersion: 'نسخة PDF',
    textVersion: 'نسخة نصية',
    addToContacts: 'إضافة إلى جهات الاتصال',
    scanToAdd: 'امسح الرمز لإضافة جهة الاتصال',
    tags: 'الكلمات المفتاحية',
    skipToContent: 'الانتقال إلى المحتوى',
  },
  dateline: (place, day) => `${place}، ${day} —`,
  date,
  time,
  dateTime(day, clock) {
    return `${date(day, true)}، ${time(clock)}`;
  },
};

function date({ year, month, day }: CivilDate, withYear: boolean): string {
  const text = `${day} ${MONTHS[month - 1] ?? ''}`;
  return withYear ? `${text} ${year}` : text;
}

function time({ hour, minute }: ClockTime): string {
  return `الساعة ${hour}:${twoDigits(minute)}`;
}
