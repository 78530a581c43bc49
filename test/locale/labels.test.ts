import { describe, expect, test } from 'vitest';
import type { Labels } from '../../src/locale/i18n.js';
import {
  aboutHeading,
  contactHeading,
  defaultPaper,
  fillLabel,
  isValidTimeZone,
  labelsFor,
  ogLocale,
  primaryLanguage,
} from '../../src/locale/i18n.js';
import { applyTypography } from '../../src/markdown/typography.js';

describe('labelsFor', () => {
  test.each([
    ['fr', 'fr'],
    ['fr-BE', 'fr'],
    ['fr-CA', 'fr'],
    ['FR', 'fr'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['de', 'de'],
    ['pt-BR', 'pt'],
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans-SG', 'zh'],
    ['zh-TW', 'en'],
    ['zh-Hant', 'en'],
    ['ar-EG', 'ar'],
    ['ru', 'ru'],
    ['sw', 'en'],
    ['', 'en'],
  ])('%j → %s', (lang, table) => {
    expect(labelsFor(lang).lang).toBe(table);
  });

  test.each([
    ['fr', 'Communiqué de presse', 'POUR DIFFUSION IMMÉDIATE', 'poste'],
    ['en', 'Press release', 'FOR IMMEDIATE RELEASE', 'ext.'],
    ['es', 'Comunicado de prensa', 'PARA DIFUSIÓN INMEDIATA', 'ext.'],
  ])('%s: kind, immediate release, extension', (lang, kind, immediate, extension) => {
    const labels = labelsFor(lang);
    expect(labels.kind).toBe(kind);
    expect(labels.immediateRelease).toBe(immediate);
    expect(labels.phoneExtension).toBe(extension);
    expect(labels.endMark).toBe('###');
  });

  const tables = ['fr', 'en', 'es'].map((lang) => labelsFor(lang));

  test('every table has every label, none empty', () => {
    const keys = Object.keys(labelsFor('en')).sort();
    for (const labels of tables) {
      const own = Object.keys(labels).filter((key) => key !== 'aboutBeforeVowel');
      expect(own.sort()).toEqual(keys);
      for (const value of Object.values(labels)) {
        const strings: unknown[] = typeof value === 'string' ? [value] : Object.values(value);
        for (const text of strings) expect(String(text).trim()).not.toBe('');
      }
    }
  });

  const placeholders: [keyof Labels, string[]][] = [
    ['about', ['{org}']],
    ['embargoedUntil', ['{date}']],
    ['page', ['{n}', '{total}']],
    ['published', ['{date}']],
    ['updated', ['{date}']],
  ];
  test.each(placeholders)('%s has its placeholders in every language', (key, names) => {
    for (const labels of tables) {
      const template = labels[key];
      expect(typeof template).toBe('string');
      for (const name of names) expect(String(template)).toContain(name);
    }
  });

  test('French labels are already typeset', () => {
    for (const value of Object.values(labelsFor('fr'))) {
      if (typeof value === 'string') expect(applyTypography(value, 'fr')).toBe(value);
    }
    expect(labelsFor('fr').embargoedUntil).toContain('’');
  });
});

describe('label helpers', () => {
  test('fillLabel fills every placeholder', () => {
    expect(fillLabel(labelsFor('fr').page, { n: 1, total: 3 })).toBe('Page 1 sur 3');
    expect(fillLabel(labelsFor('en').page, { n: 2, total: 3 })).toBe('Page 2 of 3');
    expect(fillLabel(labelsFor('es').page, { n: 3, total: 3 })).toBe('Página 3 de 3');
    expect(fillLabel(labelsFor('en').embargoedUntil, { date: 'Nov. 27, 2026' })).toBe(
      'EMBARGOED UNTIL Nov. 27, 2026',
    );
  });

  test('fillLabel refuses a missing value', () => {
    expect(() => fillLabel('About {org}', {})).toThrow(/\{org\}/);
  });

  test.each([
    ['fr', 1, 'Contact presse'],
    ['fr', 2, 'Contacts presse'],
    ['en', 1, 'Media contact'],
    ['en', 3, 'Media contacts'],
    ['es', 1, 'Contacto de prensa'],
    ['es', 2, 'Contactos de prensa'],
    ['en', 0, 'Media contacts'],
  ])('contactHeading(%s, %i) = %s', (lang, count, expected) => {
    expect(contactHeading(labelsFor(lang), count)).toBe(expected);
  });

  test.each([
    ['fr', 'Belgique', 'À propos de Belgique'],
    ['fr', 'OIM', 'À propos d’OIM'],
    ['fr', 'Écho Média', 'À propos d’Écho Média'],
    ['fr', 'Hachette', 'À propos de Hachette'],
    ['en', 'IOM', 'About IOM'],
    ['es', 'OIM', 'Acerca de OIM'],
  ])('aboutHeading(%s, %s)', (lang, org, expected) => {
    expect(aboutHeading(labelsFor(lang), org)).toBe(expected);
  });
});

describe('locale details', () => {
  test.each([
    ['fr', 'fr_FR'],
    ['fr-BE', 'fr_BE'],
    ['fr-CA', 'fr_CA'],
    ['en', 'en_US'],
    ['en-GB', 'en_GB'],
    ['es', 'es_ES'],
    ['es-419', 'es_ES'],
    ['pt', 'pt_BR'],
    ['zh-Hant', 'zh_TW'],
    ['fr_BE', 'fr_BE'],
    ['not a tag', 'en_US'],
  ])('ogLocale(%j) = %s', (lang, expected) => {
    expect(ogLocale(lang)).toBe(expected);
  });

  test.each([
    ['en-US', 'Letter'],
    ['fr-CA', 'Letter'],
    ['es-MX', 'Letter'],
    ['es-CO', 'Letter'],
    ['en-PH', 'Letter'],
    ['es-PR', 'Letter'],
    ['en', 'A4'],
    ['es', 'A4'],
    ['fr', 'A4'],
    ['fr-BE', 'A4'],
    ['en-GB', 'A4'],
    ['es-AR', 'A4'],
    ['nonsense tag!', 'A4'],
  ])('defaultPaper(%j) = %s', (lang, expected) => {
    expect(defaultPaper(lang)).toBe(expected);
  });

  test.each([
    ['fr-BE', 'fr'],
    ['EN_us', 'en'],
    [' es ', 'es'],
  ])('primaryLanguage(%j) = %s', (lang, expected) => {
    expect(primaryLanguage(lang)).toBe(expected);
  });

  test('isValidTimeZone', () => {
    expect(isValidTimeZone('Europe/Brussels')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Nowhere')).toBe(false);
  });
});
