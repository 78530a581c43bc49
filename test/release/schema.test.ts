import { describe, expect, it } from 'vitest';
import type { RawContact } from '../../src/release/fields.js';
import type { ReleaseDefaults } from '../../src/release/schema.js';
import { mergeContacts } from '../../src/release/schema.js';
import { MINIMAL_YAML, expectError, problemFor, releaseFrom, thrown } from './helpers.js';

const FILE = 'releases/sample.md';
const invalid = (yaml: string, defaults?: ReleaseDefaults) =>
  thrown(() => releaseFrom(yaml, defaults ? { defaults } : {}));

describe('validateRelease: a valid release', () => {
  it('returns the typed release, with defaults for kind and slug', () => {
    const release = releaseFrom(
      [
        MINIMAL_YAML,
        'subtitle: "  Un sous-titre  "',
        'region: Global',
        'dateline: Belgique',
        'timezone: Europe/Brussels',
        'embargo: 2016-10-05T10:00:00+02:00',
        'tags: [OIM, migration]',
        'contacts:',
        '  - name: Olivia Headon',
        '    phone: +1 212 681 7000 ext. 221',
        '    email: oheadon@iom.int',
      ].join('\n'),
      { body: 'Le corps.\n', slug: 'from-path' },
    );
    expect(release).toMatchObject({
      slug: 'from-path',
      lang: 'fr',
      title: 'A headline',
      subtitle: 'Un sous-titre',
      kind: 'Communiqué de presse',
      region: 'Global',
      dateline: 'Belgique',
      timezone: 'Europe/Brussels',
      tags: ['OIM', 'migration'],
      body: 'Le corps.\n',
      bodyLine: 16,
      displayPath: FILE,
    });
    expect(release.date).toEqual({
      text: '2016-10-04',
      instant: new Date('2016-10-04T00:00:00Z'),
      hasTime: false,
      offsetMinutes: 0,
    });
    expect(release.embargo?.instant.toISOString()).toBe('2016-10-05T08:00:00.000Z');
    expect(release.contacts).toEqual([
      {
        name: 'Olivia Headon',
        email: 'oheadon@iom.int',
        phone: {
          raw: '+1 212 681 7000 ext. 221',
          e164: '+12126817000',
          international: '+1 212 681 7000',
          extension: '221',
        },
      },
    ]);
    expect(release.lineOf(['contacts', 0, 'email'])).toBe(14);
    // Absent optionals are absent, not undefined.
    expect(Object.keys(release)).not.toContain('summary');
    expect(Object.keys(release)).not.toContain('organization');
  });

  it('lets frontmatter `slug` win over the path', () => {
    expect(releaseFrom(`${MINIMAL_YAML}\nslug: accord-cadre-2016`).slug).toBe('accord-cadre-2016');
  });

  it('takes kind from the language when not given', () => {
    expect(releaseFrom('title: T\ndate: 2016-10-04\nlang: en').kind).toBe('Press release');
    expect(releaseFrom(`${MINIMAL_YAML}\nkind: Communiqué`).kind).toBe('Communiqué');
  });

  it('resolves asset and logo paths against the release folder', () => {
    const release = releaseFrom(
      `${MINIMAL_YAML}\norganization:\n  name: OIM\n  logo: img/logo.png\nassets:\n  - file: photo.jpg\n    alt: Une photo`,
      { sourceFile: '/project/releases/oim/index.md' },
    );
    expect(release.organization?.logo).toBe('/project/releases/oim/img/logo.png');
    expect(release.assets).toEqual([
      { file: 'photo.jpg', source: '/project/releases/oim/photo.jpg', alt: 'Une photo' },
    ]);
  });
});

describe('validateRelease: problems, all at once, each with field and line', () => {
  it('reports every missing required field together', () => {
    const error = invalid('summary: Rien');
    expectError(error, 'E_SCHEMA', FILE);
    expect(error.problems.map((p) => p.field).sort()).toEqual(['date', 'lang', 'title']);
    for (const problem of error.problems) expect(problem.message).toBe('is required');
  });

  it('reports an empty frontmatter as the three missing fields', () => {
    const error = invalid('');
    expect(error.problems.map((p) => p.field).sort()).toEqual(['date', 'lang', 'title']);
  });

  it.each([
    ['a string', 'Juste du texte', /mapping.*not a string/],
    ['a list', '- a\n- b', /mapping.*not a list/],
  ])('refuses frontmatter that is %s', (_label, yaml, message) => {
    const error = invalid(yaml);
    expect(expectError(error, 'E_SCHEMA', FILE).message).toMatch(message);
  });

  it('reports wrong types with what was found', () => {
    const error = invalid(
      [
        'title:',
        '  - un',
        '  - deux',
        'date: 2016-10-04',
        'lang: fr',
        'contacts: Olivia Headon',
        'tags:',
        '  presse: oui',
        'organization: OIM',
        'assets: photo.jpg',
      ].join('\n'),
    );
    expectError(error, 'E_SCHEMA', FILE);
    expect(error.problems).toHaveLength(5);
    const title = problemFor(error, 'title');
    expect(title.message).toBe('must be a text value, not a list');
    expect(title.line).toBeGreaterThanOrEqual(2);
    expect(title.line).toBeLessThanOrEqual(3);
    expect(problemFor(error, 'contacts')).toMatchObject({
      message: 'must be a list of contacts, not a string',
      line: 7,
    });
    expect(problemFor(error, 'tags').message).toMatch(/must be a list/);
    expect(problemFor(error, 'tags').line).toBeGreaterThanOrEqual(8);
    expect(problemFor(error, 'organization')).toMatchObject({
      message: 'must be a mapping with name, url, logo, not a string',
      line: 10,
    });
    expect(problemFor(error, 'assets').line).toBe(11);
  });

  it('reports an unknown field (a typo) with its line', () => {
    const error = invalid('titel: Titre\ntitle: Titre\ndate: 2016-10-04\nlang: fr');
    expect(expectError(error, 'E_SCHEMA', FILE)).toMatchObject({
      field: 'titel',
      line: 2,
      message: 'unknown field; did you mean "title"?',
    });
  });

  it('reports an unknown field inside a contact with its path', () => {
    const error = invalid(`${MINIMAL_YAML}\ncontacts:\n  - name: A\n    mail: a@example.org`);
    expect(problemFor(error, 'contacts[0].mail')).toMatchObject({ line: 7 });
  });

  it.each([
    ['french', /BCP 47/],
    ['123', /BCP 47/],
    ['fr_BE', /BCP 47/],
    ['"fr BE"', /BCP 47/],
  ])('refuses lang %s', (lang, message) => {
    const error = invalid(`title: T\ndate: 2016-10-04\nlang: ${lang}`);
    const problem = problemFor(error, 'lang');
    expect(problem.message).toMatch(message);
    expect(problem.line).toBe(4);
  });

  it('refuses an empty lang', () => {
    const error = invalid('title: T\ndate: 2016-10-04\nlang: ""');
    const messages = error.problems.filter((p) => p.field === 'lang' && p.line === 4);
    expect(messages.map((p) => p.message)).toContain('must not be empty');
  });

  it.each(['fr', 'en', 'fr-BE', 'es-419', 'zh-Hant-TW'])('accepts lang %s', (lang) => {
    expect(releaseFrom(`title: T\ndate: 2016-10-04\nlang: ${lang}`).lang).toBe(lang);
  });

  it.each([
    ['2016-02-30', 'a day that does not exist'],
    ['2015-02-29', 'February 29 in a common year'],
    ['2016-13-01', 'month 13'],
    ['2016-00-10', 'month 0'],
    ['2016-10-04T10:00:00', 'a datetime without offset'],
    ['2016-10-04T25:00:00Z', 'hour 25'],
    ['04/10/2016', 'a national format'],
    ['hier', 'words'],
    ['2016-10-4', 'a day without its zero'],
  ])('refuses date %s (%s) with its line', (date, _label) => {
    const error = invalid(`title: T\nlang: fr\ndate: ${date}`);
    const problem = expectError(error, 'E_SCHEMA', FILE);
    expect(problem).toMatchObject({ field: 'date', line: 4 });
    expect(problem.message).toContain(`"${date}"`);
    expect(problem.message).toMatch(/YYYY-MM-DD.*offset/);
  });

  it('refuses an embargo without a time, asking for time and offset', () => {
    const error = invalid(`${MINIMAL_YAML}\nembargo: 2016-10-05`);
    const problem = problemFor(error, 'embargo');
    expect(problem.line).toBe(5);
    expect(problem.message).toMatch(/time and offset/);
  });

  it('refuses an embargo or modified date without an offset', () => {
    const error = invalid(
      `${MINIMAL_YAML}\nembargo: 2016-10-05T10:00:00\nmodified: 2016-10-06 09:00`,
    );
    expect(problemFor(error, 'embargo').line).toBe(5);
    expect(problemFor(error, 'modified').line).toBe(6);
  });

  it.each(['not-an-email', 'a@', '@example.org', 'a b@example.org', 'a@example'])(
    'refuses e-mail %s with its path and line',
    (email) => {
      const error = invalid(`${MINIMAL_YAML}\ncontacts:\n  - name: A\n    email: "${email}"`);
      expect(problemFor(error, 'contacts[0].email')).toMatchObject({
        line: 7,
        message: 'is not a valid e-mail address',
      });
    },
  );

  it.each(['12345', '01 42 68 53 00', '+1 212', '+33 1 42 68 53 00 call me', 'n/a'])(
    'refuses phone %s, naming contacts[1].phone and its line',
    (phone) => {
      const error = invalid(
        `${MINIMAL_YAML}\ncontacts:\n  - name: A\n    email: a@example.org\n  - name: B\n    phone: "${phone}"`,
      );
      const problem = problemFor(error, 'contacts[1].phone');
      expect(problem.line).toBe(9);
      expect(problem.message).toContain(`"${phone}"`);
      expect(problem.message).toMatch(/international phone number/);
    },
  );

  it('refuses a contact with neither name nor organization', () => {
    const error = invalid(`${MINIMAL_YAML}\ncontacts:\n  - role: Presse\n    email: p@example.org`);
    const problem = problemFor(error, 'contacts[0].name');
    expect(problem.line).toBe(6);
    expect(problem.message).toMatch(/needs a name/);
  });

  it('accepts a press office: an organization without a person', () => {
    const release = releaseFrom(
      `${MINIMAL_YAML}\ncontacts:\n  - organization: OIM\n    office: Bureau de presse`,
    );
    expect(release.contacts).toEqual([{ organization: 'OIM', office: 'Bureau de presse' }]);
  });

  it.each([
    ['ftp://example.org', 'organization.url', `organization:\n  name: O\n  url: `, 7],
    ['javascript:alert(1)', 'contacts[0].url', `contacts:\n  - name: A\n    url: `, 7],
    ['www.example.org', 'organization.url', `organization:\n  name: O\n  url: `, 7],
    ['https://', 'contacts[0].url', `contacts:\n  - name: A\n    url: `, 7],
  ])('refuses url %s (not http or https)', (url, field, yaml, line) => {
    const error = invalid(`${MINIMAL_YAML}\n${yaml}"${url}"`);
    expect(problemFor(error, field)).toMatchObject({
      line,
      message: 'must be an absolute http:// or https:// URL',
    });
  });

  it.each(['Bad Slug', 'accord_cadre', '-leading', 'ÉTÉ', 'a/b', '../x', 'x'.repeat(101)])(
    'refuses slug %s',
    (slug) => {
      const error = invalid(`${MINIMAL_YAML}\nslug: "${slug}"`);
      expect(problemFor(error, 'slug')).toMatchObject({
        line: 5,
        message: 'must be lowercase ASCII letters, digits and hyphens',
      });
    },
  );

  // Text fields are trimmed: "con " is con.
  it.each(['con', 'prn', 'aux', 'nul', 'com0', 'com9', 'lpt0', 'lpt9', '"con "'])(
    'refuses slug %s, a name Windows reserves, with one message',
    (slug) => {
      const error = invalid(`${MINIMAL_YAML}\nslug: ${slug}`);
      expect(error.problems.filter((problem) => problem.field === 'slug')).toEqual([
        expect.objectContaining({
          line: 5,
          message:
            'is a device name Windows reserves (con, prn, aux, nul, com0–com9, lpt0–lpt9): ' +
            'a kit named so cannot be unpacked there, choose another',
        }),
      ]);
    },
  );

  it.each(['CON', 'Con.txt', 'con.', 'con. '])('refuses slug %s by its form alone', (slug) => {
    const error = invalid(`${MINIMAL_YAML}\nslug: "${slug}"`);
    expect(error.problems.filter((problem) => problem.field === 'slug')).toEqual([
      expect.objectContaining({ message: 'must be lowercase ASCII letters, digits and hyphens' }),
    ]);
  });

  it.each(['console', 'con-fr', 'com10', 'lpt', 'auxiliary', 'null'])(
    'accepts slug %s, which Windows does not reserve',
    (slug) => {
      expect(releaseFrom(`${MINIMAL_YAML}\nslug: ${slug}`).slug).toBe(slug);
    },
  );

  it.each(['Mars/Olympus', 'CET+1', 'Europe/Bruxelles'])('refuses timezone %s', (zone) => {
    const error = invalid(`${MINIMAL_YAML}\ntimezone: ${zone}`);
    expect(problemFor(error, 'timezone')).toMatchObject({ line: 5 });
    expect(problemFor(error, 'timezone').message).toMatch(/IANA/);
  });

  it('refuses control characters in text', () => {
    const error = invalid('title: "Titre\\u0007"\ndate: 2016-10-04\nlang: fr');
    expect(problemFor(error, 'title')).toMatchObject({
      line: 2,
      message: 'contains a control character U+0007 (BEL)',
    });
  });

  it('refuses a blank title', () => {
    const error = invalid('title: "   "\ndate: 2016-10-04\nlang: fr');
    expect(problemFor(error, 'title').message).toBe('must not be empty');
  });

  it('refuses a binary-tagged value, which is not text', () => {
    const error = invalid('title: !!binary aGVsbG8=\ndate: 2016-10-04\nlang: fr');
    expect(problemFor(error, 'title').message).toMatch(/must be a text value/);
  });

  it('reports an asset without a file, and the other problems after schema checks', () => {
    const error = invalid(`${MINIMAL_YAML}\nassets:\n  - file: a.pdf\n  - caption: Sans fichier`);
    expect(problemFor(error, 'assets[1].file')).toMatchObject({ line: 7, message: 'is required' });
  });

  it('reports date, embargo and phone problems of one release together', () => {
    const error = invalid(
      'title: T\nlang: fr\ndate: 2016-02-30\nembargo: 2016-10-05\ncontacts:\n  - name: A\n    phone: "123"',
    );
    expect(error.problems.map((p) => [p.field, p.line])).toEqual([
      ['date', 4],
      ['embargo', 5],
      ['contacts[0].phone', 8],
    ]);
    expect(error.message.split('\n')).toHaveLength(3);
    expect(error.message.split('\n')[0]).toBe(
      `${FILE}:4: date: "2016-02-30" is not a date YYYY-MM-DD or a datetime with offset`,
    );
  });
});

/** A contact as the schema outputs it: every member present, most undefined. */
function contact(fields: Partial<RawContact>): RawContact {
  return {
    name: undefined,
    givenName: undefined,
    familyName: undefined,
    role: undefined,
    organization: undefined,
    office: undefined,
    phone: undefined,
    email: undefined,
    url: undefined,
    ...fields,
  };
}

describe('validateRelease: project defaults', () => {
  const configContacts: RawContact[] = [
    contact({ name: 'Press Office', email: 'PRESS@example.org' }),
    contact({ name: 'Olivia Headon', email: 'oheadon@iom.int' }),
  ];

  it('appends config contacts not already present, matching e-mail case-insensitively', () => {
    const release = releaseFrom(
      `${MINIMAL_YAML}\ncontacts:\n  - name: Olivia H.\n    email: OHeadon@IOM.int`,
      { defaults: { contacts: configContacts } },
    );
    expect(release.contacts.map((c) => [c.name, c.email])).toEqual([
      ['Olivia H.', 'OHeadon@IOM.int'],
      ['Press Office', 'PRESS@example.org'],
    ]);
  });

  it('uses only the config contacts when the release has none', () => {
    const release = releaseFrom(MINIMAL_YAML, { defaults: { contacts: configContacts } });
    expect(release.contacts.map((c) => c.email)).toEqual(['PRESS@example.org', 'oheadon@iom.int']);
  });

  it('validates the phone of a config contact too', () => {
    const error = invalid(MINIMAL_YAML, { contacts: [contact({ name: 'X', phone: '12' })] });
    expect(problemFor(error, 'contacts[0].phone').message).toContain('"12"');
  });

  it('mergeContacts keys on e-mail, then name, then organization', () => {
    expect(
      mergeContacts(
        [contact({ name: 'A' }), contact({ organization: 'OIM' })],
        [contact({ name: 'a' }), contact({ organization: 'oim' }), contact({ name: 'B' })],
      ),
    ).toEqual([contact({ name: 'A' }), contact({ organization: 'OIM' }), contact({ name: 'B' })]);
  });

  it.each([
    ['fr', 'Texte FR'],
    ['fr-BE', 'Texte FR'],
    ['en', 'Text EN'],
    ['en-GB', 'Text EN GB'],
  ])('picks the boilerplate for %s (exact tag, then primary language)', (lang, expected) => {
    const release = releaseFrom(`title: T\ndate: 2016-10-04\nlang: ${lang}`, {
      defaults: {
        contacts: [],
        boilerplate: { fr: 'Texte FR', en: 'Text EN', 'en-GB': 'Text EN GB' },
      },
    });
    expect(release.boilerplate).toBe(expected);
  });

  it('has no boilerplate for a language the config does not cover', () => {
    const release = releaseFrom('title: T\ndate: 2016-10-04\nlang: de', {
      defaults: { contacts: [], boilerplate: { fr: 'Texte FR' } },
    });
    expect(release.boilerplate).toBeUndefined();
  });

  it('lets the release boilerplate win, and uses a single config text for every language', () => {
    expect(
      releaseFrom(`${MINIMAL_YAML}\nboilerplate: Le mien`, {
        defaults: { contacts: [], boilerplate: { fr: 'Config' } },
      }).boilerplate,
    ).toBe('Le mien');
    expect(
      releaseFrom('title: T\ndate: 2016-10-04\nlang: de', {
        defaults: { contacts: [], boilerplate: 'Everyone' },
      }).boilerplate,
    ).toBe('Everyone');
  });

  it('takes the config organization, with its logo resolved from the project root', () => {
    const release = releaseFrom(MINIMAL_YAML, {
      sourceFile: '/project/releases/x/index.md',
      defaults: {
        contacts: [],
        organization: { name: 'OIM', logo: 'brand/logo.svg', url: undefined },
        organizationBase: '/project',
      },
    });
    expect(release.organization).toEqual({ name: 'OIM', logo: '/project/brand/logo.svg' });
  });

  it('lets the release organization win over the config one', () => {
    const release = releaseFrom(`${MINIMAL_YAML}\norganization:\n  name: Mine\n  logo: l.png`, {
      sourceFile: '/project/releases/x/index.md',
      defaults: {
        contacts: [],
        organization: { name: 'OIM', logo: 'brand/logo.svg', url: undefined },
        organizationBase: '/project',
      },
    });
    expect(release.organization).toEqual({ name: 'Mine', logo: '/project/releases/x/l.png' });
  });
});
