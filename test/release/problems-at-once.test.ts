import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/project/config.js';
import { frontmatterSchema } from '../../src/release/schema.js';
import { salvage } from '../../src/release/salvage.js';
import { yamlHint } from '../../src/release/yaml-hints.js';
import { fieldsAt } from '../../src/release/zod-problems.js';
import { closestWord, editDistance } from '../../src/util/edit-distance.js';
import { isLanguageTag } from '../../src/locale/language-tag.js';
import { parseYaml } from '../../src/release/yaml-source.js';
import { releaseFrom, thrown } from './helpers.js';

describe('did you mean', () => {
  it.each([
    ['sumary', 'summary', 1],
    ['emial', 'email', 1],
    ['titel', 'title', 1],
    ['Title', 'title', 1],
    ['', 'ab', 2],
  ])('%s is %i from %s', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it('suggests the closest field of the same mapping, or none', () => {
    expect(closestWord('sumary', fieldsAt(frontmatterSchema, []))).toBe('summary');
    expect(closestWord('emial', fieldsAt(frontmatterSchema, ['contacts', 3]))).toBe('email');
    expect(closestWord('postcode', fieldsAt(frontmatterSchema, ['contacts', 0, 'address']))).toBe(
      'postalCode',
    );
    expect(closestWord('Lang', fieldsAt(frontmatterSchema, []))).toBe('lang');
    expect(closestWord('outt', fieldsAt(configSchema, []))).toBe('out');
    expect(closestWord('photographer', fieldsAt(frontmatterSchema, []))).toBeUndefined();
    expect(closestWord('ab', fieldsAt(frontmatterSchema, []))).toBeUndefined();
  });

  it('says it in the problem, for a release and for a nested field', () => {
    const error = thrown(() =>
      releaseFrom(
        'title: T\nlang: en\ndate: 2026-01-02\nsumary: S\ncontacts:\n  - name: A\n    emial: a@b.example',
      ),
    );
    expect(error.problems.map((p) => [p.field, p.line, p.message])).toEqual([
      ['sumary', 5, 'unknown field; did you mean "summary"?'],
      ['contacts[0].emial', 8, 'unknown field; did you mean "email"?'],
    ]);
  });
});

describe('salvage: the rest of a release is checked though some fields are refused', () => {
  it('drops unknown and refused fields, gives required ones a stand-in', () => {
    const data = parseYaml(
      'title: [not, text]\ndate: 2026-13-45\nsumary: x\ncontacts:\n  - name: A\n    email: nope\n    phone: "12"',
      'x.md',
    ).data;
    const first = frontmatterSchema.safeParse(data);
    expect(first.success).toBe(false);
    if (first.success) return;
    const kept = salvage(frontmatterSchema, data, first.error);
    expect(kept).toMatchObject({
      title: 'untitled',
      lang: 'en',
      date: '2026-13-45',
      contacts: [{ name: 'A', phone: '12' }],
    });
    expect(kept?.contacts?.[0]).not.toHaveProperty('email');
  });

  it('gives up on frontmatter that is not a mapping', () => {
    const first = frontmatterSchema.safeParse(['a']);
    if (first.success) throw new Error('a list passed');
    expect(salvage(frontmatterSchema, ['a'], first.error)).toBeUndefined();
  });

  it('reports a bad date beside a bad e-mail, sorted by line', () => {
    const error = thrown(() =>
      releaseFrom('title: T\ncontacts:\n  - name: A\n    email: nope\nlang: en\ndate: 2026-13-45'),
    );
    expect(error.problems.map((p) => [p.line, p.field])).toEqual([
      [5, 'contacts[0].email'],
      [7, 'date'],
    ]);
  });
});

describe('YAML hints', () => {
  it.each([
    ['title: Acme: a new era', 'title', 'title: "Acme: a new era"'],
    ['  - name: Acme: a team', 'name', 'name: "Acme: a team"'],
    ['title: "We are thrilled," says Acme', 'title', `title: '"We are thrilled," says Acme'`],
    ["summary: 'It''s here,' says Acme", 'summary', `summary: "'It''s here,' says Acme"`],
  ])('%s', (line, field, fixed) => {
    const hint = yamlHint(line);
    expect(hint?.field).toBe(field);
    expect(hint?.message).toContain(`put the whole ${field} in quotes, e.g. ${fixed}`);
  });

  it.each(['title: "Acme: a new era"', 'title: Plain', 'date: 2026-01-02T10:00:00+01:00', '- a'])(
    'no hint for %s',
    (line) => expect(yamlHint(line)).toBeUndefined(),
  );
});

describe('translation file names are known language tags', () => {
  it.each(['en', 'fr', 'fr-BE', 'zh-Hant-TW', 'es-419', 'sr-Latn', 'gsw'])('%s is', (name) =>
    expect(isLanguageTag(name)).toBe(true),
  );
  it.each(['oim-belgique-accord-cadre', 'new-office', 'faq', 'ceo', 'index', 'xx', 'en-', '2026'])(
    '%s is not',
    (name) => expect(isLanguageTag(name)).toBe(false),
  );
});
