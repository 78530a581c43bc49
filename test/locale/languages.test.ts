import { describe, expect, it } from 'vitest';
import { nativeLanguageName, textDirection } from '../../src/locale/languages.js';
import { newsroomLabels } from '../../src/locale/newsroom-labels.js';

describe('textDirection', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['fa', 'rtl'],
    ['he', 'rtl'],
    ['ur', 'rtl'],
    ['yi', 'rtl'],
    // The script decides, not the language: Arabic in Latin letters is left to right.
    ['ar-Latn', 'ltr'],
    ['az-Arab', 'rtl'],
    ['en', 'ltr'],
    ['zh', 'ltr'],
    ['ru', 'ltr'],
    ['not a tag', 'ltr'],
  ])('%s is %s', (lang, dir) => {
    expect(textDirection(lang)).toBe(dir);
  });
});

describe('nativeLanguageName', () => {
  it.each([
    ['en', 'English'],
    ['fr', 'Français'],
    ['es', 'Español'],
    ['ar', 'العربية'],
    ['zh', '中文'],
    ['ru', 'Русский'],
    ['de', 'Deutsch'],
    ['fr-BE', 'Français (Belgique)'],
  ])('%s is %s', (lang, name) => {
    expect(nativeLanguageName(lang)).toBe(name);
  });

  it('is the tag itself where CLDR has no name', () => {
    expect(nativeLanguageName('qaa')).toBe('qaa');
  });
});

describe('newsroomLabels', () => {
  it('has a table for the UN languages and German and Portuguese, by primary subtag', () => {
    for (const lang of ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'de', 'pt']) {
      expect(newsroomLabels(lang).lang).toBe(lang);
    }
    expect(newsroomLabels('fr-BE').heading).toBe('Communiqués de presse');
    expect(newsroomLabels('zh-Hans').heading).toBe('新闻稿');
  });

  it('falls back to English, saying so', () => {
    expect(newsroomLabels('sw')).toMatchObject({ lang: 'en', heading: 'Press releases' });
  });
});
