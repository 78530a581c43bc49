import { describe, expect, it } from 'vitest';
import { splitPersonName } from '../../src/contacts/person-name.js';

describe('splitPersonName', () => {
  it.each([
    ['Amélie Dupré-Lefèvre', 'Dupré-Lefèvre', 'Amélie', [], [], []],
    ['Jane Doe, Jr.', 'Doe', 'Jane', [], [], ['Jr.']],
    ['John Smith, Jr., PhD', 'Smith', 'John', [], [], ['Jr.', 'PhD']],
    ['William Lacy Swing', 'Swing', 'William', ['Lacy'], [], []],
    ['John Ronald Reuel Tolkien', 'Tolkien', 'John', ['Ronald', 'Reuel'], [], []],
    ['Alexander De Croo', 'De Croo', 'Alexander', [], [], []],
    ['Ana Maria de la Cruz', 'de la Cruz', 'Ana', ['Maria'], [], []],
    ['Ludwig van Beethoven', 'van Beethoven', 'Ludwig', [], [], []],
    ['Dr. Jane Doe', 'Doe', 'Jane', [], ['Dr.'], []],
    ['Mme Olivia Headon', 'Headon', 'Olivia', [], ['Mme'], []],
    ['Dr. Watson', 'Watson', '', [], ['Dr.'], []],
    ['Cher', '', 'Cher', [], [], []],
    ['  Olivia   Headon  ', 'Headon', 'Olivia', [], [], []],
    // The first word stays the given name even when it looks like a particle.
    ['Van Morrison', 'Morrison', 'Van', [], [], []],
    ['Le Pen', 'Pen', 'Le', [], [], []],
  ])('%j', (name, family, given, additional, prefixes, suffixes) => {
    expect(splitPersonName(name)).toEqual({ family, given, additional, prefixes, suffixes });
  });
});

describe('splitPersonName: two surnames in Spanish and Portuguese', () => {
  it.each([
    ['es', 'María José Núñez Peña', 'Núñez Peña', 'María José'],
    ['es', 'Gabriel García Márquez', 'García Márquez', 'Gabriel'],
    ['es-MX', 'José Luis Rodríguez Zapatero', 'Rodríguez Zapatero', 'José Luis'],
    ['pt', 'Ana de Sousa Costa', 'de Sousa Costa', 'Ana'],
    ['pt-BR', 'João Pedro Alves Ferreira', 'Alves Ferreira', 'João Pedro'],
    // Two words are a given name and a surname; a particle after the first surname makes it one.
    ['es', 'Ana Pérez', 'Pérez', 'Ana'],
    ['es', 'Ana María de la Cruz', 'de la Cruz', 'Ana'],
    // A lower-case last word is no surname to pair.
    ['es', 'Rosa Elena Díaz y', 'y', 'Rosa'],
  ])('%s: %j', (lang, name, family, given) => {
    const parts = splitPersonName(name, { lang });
    expect({ family: parts.family, given: parts.given }).toEqual({ family, given });
  });

  it('leaves other languages as they were', () => {
    expect(splitPersonName('María José Núñez Peña', { lang: 'en' })).toEqual({
      family: 'Peña',
      given: 'María',
      additional: ['José', 'Núñez'],
      prefixes: [],
      suffixes: [],
    });
    expect(splitPersonName('María José Núñez Peña', { lang: 'fr' }).family).toBe('Peña');
  });

  it('keeps prefixes and suffixes with the two surnames', () => {
    expect(splitPersonName('Dra. María Núñez Peña, PhD', { lang: 'es' })).toEqual({
      family: 'Núñez Peña',
      given: 'María',
      additional: [],
      prefixes: ['Dra.'],
      suffixes: ['PhD'],
    });
  });
});

describe('splitPersonName: givenName and familyName win over the rule', () => {
  it.each([
    [{ givenName: 'María José', familyName: 'Núñez Peña' }, 'Núñez Peña', 'María José'],
    // One given: the other is the rest of the name.
    [{ familyName: 'Núñez Peña' }, 'Núñez Peña', 'María José'],
    [{ givenName: 'María José' }, 'Núñez Peña', 'María José'],
    [{ familyName: 'Peña' }, 'Peña', 'María José Núñez'],
  ])('%j', (explicit, family, given) => {
    expect(splitPersonName('María José Núñez Peña', { lang: 'en', ...explicit })).toEqual({
      family,
      given,
      additional: [],
      prefixes: [],
      suffixes: [],
    });
  });

  it('a family name first, as written in many East Asian names', () => {
    expect(
      splitPersonName('Dr. Wang Xiaoming, PhD', { givenName: 'Xiaoming', familyName: 'Wang' }),
    ).toEqual({
      family: 'Wang',
      given: 'Xiaoming',
      additional: [],
      prefixes: ['Dr.'],
      suffixes: ['PhD'],
    });
  });
});
