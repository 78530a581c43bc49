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
