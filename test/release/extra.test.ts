import { describe, expect, it } from 'vitest';
import { MAX_EXTRA_BYTES } from '../../src/release/extra.js';
import { MINIMAL_YAML, expectError, problemFor, releaseFrom, thrown } from './helpers.js';

const FILE = 'releases/sample.md';
const invalid = (yaml: string) => thrown(() => releaseFrom(yaml));

describe('extra: a release carries its own data for its theme', () => {
  it('passes texts, lists and mappings through as written', () => {
    const release = releaseFrom(
      [
        MINIMAL_YAML,
        'extra:',
        '  campaign: Safe Migration 2026',
        '  partners: [IOM, UNHCR]',
        '  event:',
        '    venue: Palais d’Egmont',
        '    speakers:',
        '      - name: Ana',
        '        topics: [a, b]',
        '  note: |',
        '    Two lines',
        '    kept as written.',
        '  number: 2016',
        '  empty:',
      ].join('\n'),
    );
    expect(release.extra).toEqual({
      campaign: 'Safe Migration 2026',
      partners: ['IOM', 'UNHCR'],
      event: { venue: 'Palais d’Egmont', speakers: [{ name: 'Ana', topics: ['a', 'b'] }] },
      // Not typeset, not folded: the template decides what a value becomes.
      note: 'Two lines\nkept as written.\n',
      // YAML is read with the failsafe schema: every scalar is text.
      number: '2016',
      empty: '',
    });
  });

  it('is an empty mapping when the release has none', () => {
    expect(releaseFrom(MINIMAL_YAML).extra).toEqual({});
  });

  it('must be a mapping', () => {
    const error = invalid(`${MINIMAL_YAML}\nextra: just a text`);
    expect(expectError(error, 'E_SCHEMA', FILE)).toMatchObject({
      field: 'extra',
      line: 5,
      message: 'must be a mapping of names to values, not a string',
    });
  });

  it('refuses control and spoofing characters in values and in keys, where they are', () => {
    const error = invalid(
      [
        MINIMAL_YAML,
        'extra:',
        '  list:',
        '    - "ok"',
        '    - "bad \\e value"',
        '  "k\\u202Eey": x',
      ].join('\n'),
    );
    expectError(error, 'E_SCHEMA', FILE);
    expect(problemFor(error, 'extra.list[1]')).toMatchObject({
      line: 8,
      message: 'contains a control character U+001B (ESC)',
    });
    // The key is shown escaped, as every value presskit prints.
    expect(problemFor(error, 'extra.k\\u202eey')).toMatchObject({ line: 9 });
    expect(problemFor(error, 'extra.k\\u202eey').message).toMatch(/U\+202E \(RLO\)/);
  });

  it(`refuses more than ${MAX_EXTRA_BYTES} bytes of data`, () => {
    const long = 'x'.repeat(1000);
    const lines = Array.from({ length: 17 }, (_, index) => `  item${index}: ${long}`);
    const error = invalid([MINIMAL_YAML, 'extra:', ...lines].join('\n'));
    expect(problemFor(error, 'extra').message).toMatch(
      /^is 17\d{3} bytes, more than the 16384 a release's extra data may hold$/,
    );
    // Just under the limit passes.
    const fits = lines.slice(0, 16).join('\n');
    expect(Object.keys(releaseFrom(`${MINIMAL_YAML}\nextra:\n${fits}`).extra)).toHaveLength(16);
  });

  it('leaves unknown top-level fields errors: extra is the one place for them', () => {
    const error = invalid(`${MINIMAL_YAML}\ncampaign: Safe Migration 2026`);
    expect(problemFor(error, 'campaign')).toMatchObject({ line: 5, message: 'unknown field' });
  });
});
