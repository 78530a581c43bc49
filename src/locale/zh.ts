import type { CivilDate, ClockTime, LocaleDefinition } from './types.js';
import { twoDigits } from './types.js';

/**
 * Chinese (Simplified). Sources: GB/T 15834-2011《标点符号用法》(full-width punctuation,
 * “双引号” with ‘单引号’ inside, no spaces around it); GB/T 15835-2011《出版物上数字用法》
 * (dates "2026年9月3日" in Arabic numerals, times "10时30分"); labels modelled on the
 * UN's Chinese press releases (news.un.org/zh) and IOM China's (china.iom.int). No spaces between a label and Chinese text.
 */
export const chinese: LocaleDefinition = {
  labels: {
    lang: 'zh',
    kind: '新闻稿',
    contact: { one: '媒体联系人', other: '媒体联系人' },
    about: '关于{org}',
    immediateRelease: '即时发布',
    embargoedUntil: '禁发至{date}',
    page: '第{n}页，共{total}页',
    endMark: '###',
    phoneExtension: '分机',
    phone: '电话',
    email: '电子邮件',
    website: '网站',
    download: '下载',
    photo: '照片',
    photoCredit: '图片来源',
    mediaAssets: '媒体资料',
    published: '发布于{date}',
    updated: '更新于{date}',
    correction: '更正：{text}',
    draft: '草稿——不得发布',
    withdrawnOn: '本新闻稿已于{date}撤回。',
    withdrawnReason: '原因：{reason}',
    table: '表格',
    pressKit: '新闻资料包',
    downloadPressKit: '下载新闻资料包',
    pdfVersion: 'PDF版',
    textVersion: '纯文本版',
    addToContacts: '添加到通讯录',
    scanToAdd: '扫码添加联系人',
    tags: '标签',
    skipToContent: '跳至正文',
  },
  colon: '：',
  // GB/T 15834: the dash is two em dashes, with no spaces.
  dateline: (place, day) => `${place}，${day}——`,
  date,
  time,
  dateTime(day, clock) {
    return `${date(day, true)}${time(clock)}`;
  },
};

function date({ year, month, day }: CivilDate, withYear: boolean): string {
  const text = `${month}月${day}日`;
  return withYear ? `${year}年${text}` : text;
}

function time({ hour, minute }: ClockTime): string {
  return minute === 0 ? `${hour}时` : `${hour}时${twoDigits(minute)}分`;
}
