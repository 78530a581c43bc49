import { describe, expect, it } from 'vitest';
import { splitRelease } from '../../src/release/load.js';
import { MAX_FRONTMATTER_BYTES, parseYaml } from '../../src/release/yaml-source.js';
import { expectError, thrown } from './helpers.js';

const FILE = 'releases/sample.md';
const split = (text: string) => splitRelease(text, '/project/releases/sample.md', FILE);

/** Nine levels of nine aliases: 9^9 (387 million) strings once expanded. */
function billionLaughs(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return lines.join('\n');
}

describe('YAML errors carry the line in the release file', () => {
  it.each([
    // [label, frontmatter lines, line in the file, message]
    [
      'a list item indented one space too far',
      ['title: T', 'lang: fr', 'contacts:', '  - name: A', '   email: a@example.org'],
      6,
      /invalid YAML/,
    ],
    [
      'a mapping key indented less than its siblings',
      ['title: T', 'organization:', '  name: O', ' url: https://example.org'],
      5,
      /same column|indent/i,
    ],
    ['a tab used as indentation', ['title: T', 'contacts:', '\t- name: A'], 4, /tab/i],
    ['an unclosed flow list', ['title: T', 'tags: [a, b', 'lang: fr'], 4, /\]/],
    // The quote is on the last line, so its line and the end of input agree; see KNOWN-BUGS.
    ['an unclosed double quote', ['title: T', 'lang: fr', 'summary: "Une phrase'], 4, /quote/],
    ['a duplicate key', ['title: T', 'lang: fr', 'title: Autre'], 4, /unique/],
    ['a duplicate key in a contact', ['contacts:', '  - name: A', '    name: B'], 4, /unique/],
  ])('%s', (_label, lines, line, message) => {
    const error = thrown(() => split(`---\n${lines.join('\n')}\n---\nBody\n`));
    const problem = expectError(error, 'E_YAML', FILE);
    expect(problem.message).toMatch(message);
    expect(problem.message).toMatch(/^invalid YAML: /);
    expect(problem.line).toBe(line);
  });

  it('counts from `firstLine` when parsing YAML on its own', () => {
    const error = thrown(() => parseYaml('a: 1\na: 2\n', 'config.yaml', 10));
    expect(expectError(error, 'E_YAML', 'config.yaml').line).toBe(11);
  });

  it('reports lineOf in file lines, for the deepest node that exists', () => {
    const yaml = parseYaml('contacts:\n  - name: A\n    email: a@b.org\n', 'x.yaml', 2);
    expect(yaml.lineOf(['contacts'])).toBe(3);
    expect(yaml.lineOf(['contacts', 0, 'email'])).toBe(4);
    // `phone` is absent: the line of the contact it belongs to is the best hint.
    expect(yaml.lineOf(['contacts', 0, 'phone'])).toBe(3);
    expect(yaml.lineOf(['nothing', 'here'])).toBeUndefined();
  });
});

describe('YAML is parsed safely', () => {
  it('refuses a billion-laughs alias bomb with a clear message', () => {
    const error = thrown(() => split(`---\n${billionLaughs()}\n---\nBody\n`));
    const problem = expectError(error, 'E_YAML', FILE);
    expect(problem.message).toMatch(/too many YAML aliases/);
    expect(problem.line).toBe(2);
    expect(error.problems).toHaveLength(1);
  });

  it('still allows a few aliases', () => {
    const raw = split('---\nbase: &org OIM\ncopy: *org\n---\n');
    expect(raw.frontmatter.data).toEqual({ base: 'OIM', copy: 'OIM' });
  });

  it('refuses frontmatter over the size limit, naming the limit', () => {
    const filler = 'x'.repeat(MAX_FRONTMATTER_BYTES);
    const error = thrown(() => split(`---\ntitle: T\nsummary: ${filler}\n---\nBody\n`));
    const problem = expectError(error, 'E_YAML', FILE);
    expect(problem.message).toContain(String(MAX_FRONTMATTER_BYTES));
    expect(problem.line).toBe(2);
  });

  it('measures the limit in bytes, not characters', () => {
    // 22,000 × "é" is 44,000 bytes (< 64 KiB); 33,000 × "é" is 66,000 bytes (> 64 KiB).
    expect(split(`---\ns: ${'é'.repeat(22_000)}\n---\n`).frontmatter.data).toBeTruthy();
    const error = thrown(() => split(`---\ns: ${'é'.repeat(33_000)}\n---\n`));
    expectError(error, 'E_YAML', FILE);
  });

  it.each([
    ['date: 2016-10-04', { date: '2016-10-04' }],
    ['embargo: 2026-11-27T10:00:00+01:00', { embargo: '2026-11-27T10:00:00+01:00' }],
    ['zip: 01234', { zip: '01234' }],
    ['octal: 0o17', { octal: '0o17' }],
    ['hex: 0x1F', { hex: '0x1F' }],
    ['answer: yes', { answer: 'yes' }],
    ['flag: true', { flag: 'true' }],
    ['country: NO', { country: 'NO' }],
    ['nothing: null', { nothing: 'null' }],
    ['tilde: ~', { tilde: '~' }],
    ['price: 1.50', { price: '1.50' }],
    ['big: 12345678901234567890', { big: '12345678901234567890' }],
    ['time: 10:30', { time: '10:30' }],
    ['inf: .inf', { inf: '.inf' }],
  ])('keeps `%s` as the string written', (line, expected) => {
    expect(split(`---\n${line}\n---\n`).frontmatter.data).toEqual(expected);
  });

  it('keeps values inside lists and mappings as strings too', () => {
    const raw = split('---\ntags: [2016, yes, 01]\ncontacts:\n  - phone: 0032 2 123\n---\n');
    expect(raw.frontmatter.data).toEqual({
      tags: ['2016', 'yes', '01'],
      contacts: [{ phone: '0032 2 123' }],
    });
  });

  it.each([
    ['f: !!js/function "function () { return 1 }"', { f: 'function () { return 1 }' }],
    ['f: !!int 12', { f: '12' }],
    ['f: !!float 1e3', { f: '1e3' }],
    ['f: !custom text', { f: 'text' }],
  ])('ignores the type tag in `%s`: the value stays text, never code', (line, expected) => {
    const data = split(`---\n${line}\n---\n`).frontmatter.data;
    expect(data).toEqual(expected);
  });
});
