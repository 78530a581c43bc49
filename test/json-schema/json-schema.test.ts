import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isPresskitError } from '../../src/errors.js';
import { CONFIG_FIELDS, RELEASE_FIELDS } from '../../src/json-schema/field-docs.js';
import { configJsonSchema, releaseJsonSchema } from '../../src/json-schema/generate.js';
import { configSchema, loadConfig } from '../../src/project/config.js';
import { frontmatterSchema } from '../../src/release/schema.js';
import { splitRelease } from '../../src/release/load.js';
import { SAMPLE } from '../e2e/helpers.js';
import { releaseFrom, tempDir, writeTree } from '../release/helpers.js';

/**
 * A validator no one here wrote, in its strict mode (unknown keywords are errors), but for
 * `strictRequired`: "a name or an organization" is `anyOf: [{required: [name]}, …]`, whose
 * branches name properties declared beside them, which is standard JSON Schema.
 */
function validator(schema: object): (data: unknown) => boolean {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  return (data) => validate(data);
}

const validRelease = validator(releaseJsonSchema());
const validConfig = validator(configJsonSchema());

/** The YAML as an editor reads it: the `yaml` package's default (core) schema. */
const asEditorReads = (yaml: string): unknown => parse(yaml);

const checkAccepts = (yaml: string): boolean => {
  try {
    releaseFrom(yaml);
    return true;
  } catch (error) {
    if (isPresskitError(error)) return false;
    throw error;
  }
};

const BASE = 'title: A headline\nlang: en\ndate: 2026-11-27';

/** Frontmatter that both `check` and the JSON Schema accept. */
const ACCEPTED: Record<string, string> = {
  'the three required fields': BASE,
  'every field, nested ones too': [
    BASE,
    'subtitle: A subheadline',
    'modified: 2026-11-28T09:30:00+01:00',
    'kind: Media advisory',
    'region: Global',
    'dateline: Brussels',
    'embargo: 2026-11-27T10:00:00+01:00',
    'timezone: Europe/Brussels',
    'summary: One sentence.',
    'slug: a-headline-2026',
    'organization: {name: IOM, url: "https://www.iom.int", logo: logo.png}',
    'contacts:',
    '  - name: Olivia Headon',
    '    role: Spokesperson',
    '    office: IOM New York',
    '    phone: +1 212 681 7000 ext. 221',
    '    email: oheadon@iom.int',
    '    url: https://www.iom.int',
    '    address: {street: 17 route des Morillons, locality: Geneva, postalCode: 1211, country: CH}',
    '  - organization: IOM Press Office',
    'boilerplate: |',
    '  About **IOM**.',
    'assets:',
    '  - {file: photo.jpg, caption: A caption, credit: © IOM, alt: A photo}',
    'tags: [IOM, migration]',
    'extra:',
    '  campaign: Safe Migration',
    '  partners: [IOM, {name: UNHCR, since: 1951}]',
  ].join('\n'),
  'the lifecycle fields': [
    BASE,
    'modified: 2026-11-28',
    'correction: The second figure was wrong.',
    'status: withdrawn',
    'withdrawn: {date: 2026-11-29, reason: Published in error}',
  ].join('\n'),
  'a draft': `${BASE}\nstatus: draft`,
  // An editor reads these as a number, a boolean and null; presskit reads text.
  'scalars an editor reads as numbers, booleans or null': [
    BASE,
    'subtitle:',
    'slug: 2016',
    'region: true',
    'contacts:',
    '  - name: Ana',
    '    phone: +12126817000',
  ].join('\n'),
};

/** Frontmatter that `check` refuses, and so must the JSON Schema. */
const REJECTED: Record<string, string> = {
  'an unknown field': `${BASE}\nsumary: A typo`,
  'an unknown field of a contact': `${BASE}\ncontacts:\n  - name: Ana\n    emial: ana@example.org`,
  'no title': 'lang: en\ndate: 2026-11-27',
  'no lang': 'title: A headline\ndate: 2026-11-27',
  'no date': 'title: A headline\nlang: en',
  'an empty title': `title: ""\nlang: en\ndate: 2026-11-27`,
  'a title that is a list': 'title: [a, b]\nlang: en\ndate: 2026-11-27',
  'a date that is not one': `title: T\nlang: en\ndate: 27 November 2026`,
  'a date written as a number': `title: T\nlang: en\ndate: 2026`,
  'an embargo with no time': `${BASE}\nembargo: 2026-11-27`,
  'an embargo time with no offset': `${BASE}\nembargo: 2026-11-27T10:00:00`,
  'a lang that is no language tag': 'title: T\nlang: français\ndate: 2026-11-27',
  'a slug with capitals': `${BASE}\nslug: A-Headline`,
  'a slug Windows reserves': `${BASE}\nslug: con`,
  'contacts as a text': `${BASE}\ncontacts: Olivia Headon`,
  'a contact as a text': `${BASE}\ncontacts:\n  - Olivia Headon`,
  'a contact with no name nor organization': `${BASE}\ncontacts:\n  - email: a@example.org`,
  'a contact e-mail that is not one': `${BASE}\ncontacts:\n  - name: Ana\n    email: ana at example`,
  'a contact URL that is not http(s)': `${BASE}\ncontacts:\n  - name: Ana\n    url: www.iom.int`,
  'an organization as a text': `${BASE}\norganization: IOM`,
  'an organization with no name': `${BASE}\norganization: {url: "https://www.iom.int"}`,
  'an asset with no file': `${BASE}\nassets:\n  - caption: A caption`,
  'tags as a mapping': `${BASE}\ntags: {a: b}`,
  'tags left empty': `${BASE}\ntags:`,
  'extra as a text': `${BASE}\nextra: a campaign`,
  'extra as a list': `${BASE}\nextra: [a, b]`,
  'a status presskit has not': `${BASE}\nstatus: retired`,
  'a withdrawal with no reason': `${BASE}\nstatus: withdrawn\nwithdrawn: {date: 2026-11-29}`,
  'a withdrawal date that is not one': `${BASE}\nstatus: withdrawn\nwithdrawn: {date: soon, reason: R}`,
};

describe('the JSON Schema of the frontmatter agrees with check', () => {
  it('accepts the sample release as an editor reads it', async () => {
    const sample = splitRelease(await readFile(SAMPLE, 'utf8'), SAMPLE, 'sample.md');
    const yaml = (await readFile(SAMPLE, 'utf8')).split('\n---\n')[0]?.replace(/^---\n/, '') ?? '';
    expect(sample.frontmatter.data).toBeTypeOf('object');
    expect(validRelease(asEditorReads(yaml))).toBe(true);
    // and as presskit reads it (every scalar a text)
    expect(validRelease(sample.frontmatter.data)).toBe(true);
  });

  for (const [name, yaml] of Object.entries(ACCEPTED)) {
    it(`accepts ${name}, as check does`, () => {
      expect(checkAccepts(yaml), 'check').toBe(true);
      expect(validRelease(asEditorReads(yaml)), 'JSON Schema').toBe(true);
    });
  }

  for (const [name, yaml] of Object.entries(REJECTED)) {
    it(`rejects ${name}, as check does`, () => {
      expect(checkAccepts(yaml), 'check').toBe(false);
      expect(validRelease(asEditorReads(yaml)), 'JSON Schema').toBe(false);
    });
  }

  it('leaves to check what a JSON Schema cannot say (the README lists them)', () => {
    const beyond = {
      'a phone number that does not exist': `${BASE}\ncontacts:\n  - name: A\n    phone: +1 000`,
      'a day the calendar lacks': 'title: T\nlang: en\ndate: 2026-02-30',
      'a time zone that does not exist': `${BASE}\ntimezone: Europe/Atlantis`,
      'a control character': `title: "A \\e headline"\nlang: en\ndate: 2026-11-27`,
      'a withdrawn status that says not when nor why': `${BASE}\nstatus: withdrawn`,
      'a correction with no modified date': `${BASE}\ncorrection: Fixed.`,
    };
    for (const yaml of Object.values(beyond)) {
      expect(checkAccepts(yaml)).toBe(false);
      expect(validRelease(asEditorReads(yaml))).toBe(true);
    }
  });
});

const configAccepted = async (yaml: string): Promise<boolean> => {
  const root = await tempDir();
  await writeTree(root, { 'presskit.config.yaml': yaml });
  try {
    await loadConfig(root);
    return true;
  } catch (error) {
    if (isPresskitError(error)) return false;
    throw error;
  }
};

const CONFIG_ACCEPTED: Record<string, string> = {
  'every setting': [
    'organization: {name: IOM, url: "https://www.iom.int", logo: brand/logo.png}',
    'contacts:',
    '  - organization: IOM Press Office',
    '    email: press@iom.int',
    'boilerplate: {fr: À propos., en: About.}',
    'paper: letter',
    'template: theme',
    'out: public',
    'vcardVersion: 4.0',
    'baseUrl: https://press.example.org/',
    'maxAssetSize: 20MiB',
    'timezone: Europe/Brussels',
  ].join('\n'),
  'a boilerplate as one text, a size in bytes, vCard 3': [
    'boilerplate: About us.',
    'maxAssetSize: 5000000',
    'vcardVersion: 3',
  ].join('\n'),
};

const CONFIG_REJECTED: Record<string, string> = {
  'an unknown setting': 'papper: A4',
  'a paper size presskit has not': 'paper: A5',
  'a vCard version presskit has not': 'vcardVersion: 2.1',
  'a vCard version written as 5': 'vcardVersion: 5',
  'a size with no unit it knows': 'maxAssetSize: 20 megabytes',
  'a base URL with no scheme': 'baseUrl: press.example.org',
  'contacts as a mapping': 'contacts: {name: Ana}',
  'an organization with no name': 'organization: {url: "https://www.iom.int"}',
};

describe('the JSON Schema of the config agrees with presskit', () => {
  for (const [name, yaml] of Object.entries(CONFIG_ACCEPTED)) {
    it(`accepts ${name}`, async () => {
      expect(await configAccepted(yaml), 'presskit').toBe(true);
      expect(validConfig(asEditorReads(yaml)), 'JSON Schema').toBe(true);
    });
  }
  for (const [name, yaml] of Object.entries(CONFIG_REJECTED)) {
    it(`rejects ${name}`, async () => {
      expect(await configAccepted(yaml), 'presskit').toBe(false);
      expect(validConfig(asEditorReads(yaml)), 'JSON Schema').toBe(false);
    });
  }
});

describe('the JSON Schema follows the zod schema', () => {
  const cases = [
    {
      name: 'frontmatter',
      schema: releaseJsonSchema(),
      zod: frontmatterSchema,
      docs: RELEASE_FIELDS,
    },
    { name: 'config', schema: configJsonSchema(), zod: configSchema, docs: CONFIG_FIELDS },
  ];
  for (const { name, schema, zod, docs } of cases) {
    it(`has every field of the ${name} schema, and nothing else`, () => {
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(Object.keys(schema['properties'] as object).sort()).toEqual(
        Object.keys(zod.shape).sort(),
      );
      expect(schema['additionalProperties']).toBe(false);
    });

    it(`documents only fields the ${name} schema has (a renamed field leaves no stale entry)`, () => {
      for (const path of Object.keys(docs)) {
        let node: unknown = schema;
        for (const part of path.split('.')) {
          const here = node as {
            properties?: Record<string, unknown>;
            items?: { properties?: Record<string, unknown> };
          };
          node = (here.properties ?? here.items?.properties)?.[part];
        }
        expect(node, path).toBeTypeOf('object');
        expect((node as { description?: unknown }).description, path).toBeTypeOf('string');
      }
    });
  }
});
