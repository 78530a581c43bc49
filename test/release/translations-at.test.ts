import { describe, expect, it } from 'vitest';
import type { TranslationSets } from '../../src/release/translations.js';
import { translationsAt } from '../../src/release/translations.js';

const EMBARGO = Date.parse('2026-12-10T09:00:00Z');
const BEFORE = new Date('2026-12-10T08:59:59Z');
const AFTER = new Date('2026-12-10T09:00:00Z');

/** en public, fr under embargo, es a draft: one folder, three sources. */
function sets(): TranslationSets {
  const set = {
    original: 'accord-en',
    members: [
      { slug: 'accord-en', lang: 'en' },
      { slug: 'accord-es', lang: 'es' },
      { slug: 'accord-fr', lang: 'fr' },
    ],
  };
  return {
    sets: new Map(['en.md', 'es.md', 'fr.md'].map((file) => [file, set])),
    problems: new Map(),
    slugs: new Map([
      ['en.md', 'accord-en'],
      ['es.md', 'accord-es'],
      ['fr.md', 'accord-fr'],
    ]),
    publicFrom: new Map<string, number | undefined | 'never'>([
      ['accord-en', undefined],
      ['accord-es', 'never'],
      ['accord-fr', EMBARGO],
    ]),
  };
}

const slugs = (found: ReturnType<typeof translationsAt>): string[] | undefined =>
  found?.members.map((member) => member.slug);

describe('translationsAt', () => {
  it('leaves out of a kit’s languages the siblings under embargo and the drafts', () => {
    expect(slugs(translationsAt(sets(), 'en.md', BEFORE))).toBeUndefined();
    expect(slugs(translationsAt(sets(), 'fr.md', BEFORE))).toEqual(['accord-en', 'accord-fr']);
    expect(slugs(translationsAt(sets(), 'es.md', BEFORE))).toEqual(['accord-en', 'accord-es']);
  });

  it('links a sibling from the moment its embargo ends, never a draft', () => {
    expect(slugs(translationsAt(sets(), 'en.md', AFTER))).toEqual(['accord-en', 'accord-fr']);
    expect(translationsAt(sets(), 'fr.md', AFTER)?.original).toBe('accord-en');
  });

  it('gives the set itself when every member is public, and none for a source in no set', () => {
    const all = sets();
    all.publicFrom.set('accord-es', undefined);
    all.publicFrom.set('accord-fr', undefined);
    expect(translationsAt(all, 'en.md', BEFORE)).toBe(all.sets.get('en.md'));
    expect(translationsAt(all, 'other.md', BEFORE)).toBeUndefined();
  });
});
