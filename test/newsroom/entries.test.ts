import { describe, expect, it } from 'vitest';
import { newsroomLabels } from '../../src/locale/newsroom-labels.js';
import type { KitSummary } from '../../src/newsroom/kit-summary.js';
import { newsroomEntries } from '../../src/newsroom/entries.js';

const kit = (slug: string, lang: string, date: string, group = slug): KitSummary => ({
  slug,
  title: `${slug} title`,
  date,
  lang,
  kind: 'Press release',
  lifecycle: 'published',
  publiclyListable: true,
  zipBytes: 2048,
  zipSha256: 'a'.repeat(64),
  hasPdf: true,
  group,
});

const KITS = [
  kit('x-fr', 'fr', '2016-10-04', 'x-en'),
  kit('x-en', 'en', '2016-10-04'),
  kit('x-ar', 'ar', '2016-10-04', 'x-en'),
  kit('later', 'es', '2016-11-02T10:00:00-05:00'),
];

describe('newsroomEntries', () => {
  it('makes one entry of a set, in the newsroom language, the others linked in tag order', () => {
    const entries = newsroomEntries(KITS, 'en', newsroomLabels('en'));
    expect(entries.map((entry) => entry.slug)).toEqual(['later', 'x-en']);
    const [, set] = entries;
    expect(set?.others.map((other) => [other.lang, other.dir, other.languageName])).toEqual([
      ['ar', 'rtl', 'العربية'],
      ['fr', 'ltr', 'Français'],
    ]);
    expect(set?.others[0]).toMatchObject({
      page: 'x-ar/index.html',
      pdf: 'x-ar/x-ar.pdf',
      zip: 'x-ar.zip',
      zipLabel: 'Press kit (zip, 2 KB)',
    });
  });

  it('leads with the version in the newsroom language, else the original', () => {
    expect(newsroomEntries(KITS, 'fr-BE', newsroomLabels('fr'))[1]?.slug).toBe('x-fr');
    expect(newsroomEntries(KITS, 'de', newsroomLabels('de'))[1]?.slug).toBe('x-en');
    const french = newsroomEntries(KITS, 'fr', newsroomLabels('fr'))[1];
    expect(french?.others[0]?.zipLabel).toBe('Dossier de presse (zip, 2 KB)');
  });

  it('dates each entry in its language, the day its author wrote', () => {
    const [later, set] = newsroomEntries(KITS, 'fr', newsroomLabels('fr'));
    expect(later?.dateText).toBe('2 de noviembre de 2016');
    expect(set?.dateText).toBe('4 octobre 2016');
    const arabic = newsroomEntries([kit('a', 'ar', '2016-10-05')], 'en', newsroomLabels('en'));
    expect(arabic[0]?.dateText).toBe('5 تشرين الأول/أكتوبر 2016');
    expect(arabic[0]?.dir).toBe('rtl');
  });
});
