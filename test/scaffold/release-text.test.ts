import { describe, expect, it } from 'vitest';
import { rawContact, rawOrganization } from '../../src/release/fields.js';
import { parseYaml } from '../../src/release/yaml-source.js';
import { releaseSource, yamlValue } from '../../src/scaffold/release-text.js';
import { releaseFrom } from '../release/helpers.js';

/** Headlines that break a YAML line written without quotes. */
const HEADLINES = [
  'Acme: a new era',
  '"We are thrilled," says Acme',
  "It's Acme's day",
  '- a dash first',
  '#1 in the region',
  '[Update] Acme & partners',
  '* starred',
  '! bang',
  '% percent',
  '@ at',
  '`code`',
  '2026',
  'yes',
  'null',
  '~',
  'a: b # c',
  '{curly}',
  '> folded',
  '| literal',
  'L’OIM et la Belgique signent un Accord-cadre',
  'مؤتمر صحفي',
];

describe('yamlValue: a text written so that YAML reads it back as it was', () => {
  it.each(HEADLINES)('%s', (headline) => {
    const source = parseYaml(`title: ${yamlValue(headline)}`, 'x.md');
    expect(source.data).toEqual({ title: headline });
  });
});

describe('releaseSource: a release that passes check as written', () => {
  const draft = {
    title: 'Acme: a new era',
    lang: 'en',
    date: '2026-11-27',
    body: 'Body.\n',
    configName: 'presskit.config.yaml',
  };

  it('writes title, lang and date, and every other field commented out', () => {
    const source = releaseSource({ ...draft, defaults: { contacts: [] } });
    const frontmatter = source.split('\n---\n')[0] ?? '';
    const fields = frontmatter
      .split('\n')
      .filter((line) => /^[a-z]+:/.test(line))
      .map((line) => line.split(':')[0]);
    expect(fields).toEqual(['title', 'lang', 'date']);
    expect(source).toMatch(/^# contacts:$/m);
    expect(source).toMatch(/^# extra:$/m);
    const release = releaseFrom(frontmatter.replace(/^---\n/, ''), { body: 'Body.\n' });
    expect(release).toMatchObject({ lang: 'en', date: { text: '2026-11-27' }, contacts: [] });
  });

  it('names the config’s contacts and organisation in comments, and copies neither', () => {
    // As the config's schema gives them.
    const defaults = {
      organization: rawOrganization.parse({ name: 'IOM' }),
      contacts: [
        rawContact.parse({
          name: 'Olivia Headon',
          office: 'IOM New York',
          email: 'oheadon@iom.int',
        }),
        rawContact.parse({ organization: 'IOM Press Office' }),
      ],
    };
    const source = releaseSource({ ...draft, defaults });
    expect(source).toContain('# Press contacts: presskit.config.yaml adds these to every release:');
    expect(source).toContain('#   Olivia Headon, IOM New York <oheadon@iom.int>');
    expect(source).toContain('#   IOM Press Office\n');
    expect(source).toContain('# The organisation, IOM, comes from presskit.config.yaml.');
    expect(source).not.toMatch(/^(contacts|organization):/m);
  });
});
