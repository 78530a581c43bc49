import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/project/config.js';
import {
  expectError,
  problemFor,
  rejection,
  releaseFrom,
  tempDir,
  writeTree,
} from '../release/helpers.js';

const display = (root: string, name = 'presskit.config.yaml'): string =>
  relative(process.cwd(), join(root, name));

describe('loadConfig', () => {
  it('returns empty defaults when the project has no config file', async () => {
    const root = await tempDir();
    expect(await loadConfig(root)).toEqual({ defaults: { contacts: [] } });
  });

  it('reads every setting, normalised', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'presskit.config.yaml': [
        'organization:',
        '  name: OIM',
        '  logo: brand/logo.png',
        'contacts:',
        '  - name: Bureau de presse',
        '    email: presse@example.org',
        'boilerplate:',
        '  fr: À propos en français.',
        '  en: About, in English.',
        'paper: letter',
        'vcardVersion: "4.0"',
        'baseUrl: https://example.org/press',
        'maxAssetSize: 5MB',
        'out: build',
        'template: theme',
      ].join('\n'),
    });
    const config = await loadConfig(root);
    expect(config).toEqual({
      file: join(root, 'presskit.config.yaml'),
      defaults: {
        contacts: [{ name: 'Bureau de presse', email: 'presse@example.org' }],
        organizationBase: root,
        organization: { name: 'OIM', logo: 'brand/logo.png' },
        boilerplate: { fr: 'À propos en français.', en: 'About, in English.' },
      },
      paper: 'Letter',
      vcardVersion: '4.0',
      baseUrl: 'https://example.org/press/',
      maxAssetBytes: 5_000_000,
      out: 'build',
      templateDir: join(root, 'theme'),
    });
  });

  it.each([
    ['500KB', 500_000],
    ['2 MiB', 2 * 1024 * 1024],
    ['1.5mb', 1_500_000],
    ['1024', 1024],
  ])('reads maxAssetSize %s as %i bytes', async (size, bytes) => {
    const root = await tempDir();
    await writeTree(root, { 'presskit.config.yaml': `maxAssetSize: ${size}\n` });
    expect((await loadConfig(root)).maxAssetBytes).toBe(bytes);
  });

  it('also finds presskit.config.yml', async () => {
    const root = await tempDir();
    await writeTree(root, { 'presskit.config.yml': 'paper: A4\n' });
    expect((await loadConfig(root)).paper).toBe('A4');
  });

  it('reports every bad setting at once, with field and line', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'presskit.config.yaml': [
        'paper: A5',
        'vcardVersion: 2.1',
        'maxAssetSize: lots',
        'baseUrl: ftp://example.org',
        'colour: blue',
        'boilerplate:',
        '  - a list',
        'contacts:',
        '  - email: p@example.org',
        '    phone: "+32 2 123"',
      ].join('\n'),
    });
    const error = await rejection(() => loadConfig(root));
    expectError(error, 'E_CONFIG', display(root));
    expect(problemFor(error, 'paper')).toMatchObject({ line: 1, message: 'must be A4 or Letter' });
    expect(problemFor(error, 'vcardVersion')).toMatchObject({ line: 2 });
    expect(problemFor(error, 'maxAssetSize')).toMatchObject({ line: 3 });
    expect(problemFor(error, 'baseUrl')).toMatchObject({ line: 4 });
    expect(problemFor(error, 'colour')).toMatchObject({ line: 5, message: 'unknown field' });
    expect(problemFor(error, 'boilerplate').line).toBeGreaterThanOrEqual(6);
    expect(problemFor(error, 'contacts[0].name')).toMatchObject({ line: 9 });
  });

  it('reports YAML errors in the config file with their line', async () => {
    const root = await tempDir();
    await writeTree(root, { 'presskit.config.yaml': 'paper: A4\nout: a\npaper: Letter\n' });
    const error = await rejection(() => loadConfig(root));
    expect(expectError(error, 'E_YAML', display(root)).line).toBe(3);
  });

  it('refuses an alias bomb in the config file', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) {
      const [previous, name] = [String.fromCharCode(96 + level), String.fromCharCode(97 + level)];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const root = await tempDir();
    await writeTree(root, { 'presskit.config.yaml': lines.join('\n') });
    const error = await rejection(() => loadConfig(root));
    expect(expectError(error, 'E_YAML', display(root)).message).toMatch(/aliases/);
  });

  it('feeds a release: contacts merged, boilerplate by language, logo from the root', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'presskit.config.yaml': [
        'organization:',
        '  name: OIM',
        '  logo: brand/logo.png',
        'contacts:',
        '  - name: Olivia Headon',
        '    email: oheadon@iom.int',
        '  - name: Bureau de presse',
        '    email: presse@example.org',
        'boilerplate:',
        '  fr: Texte FR',
      ].join('\n'),
    });
    const { defaults } = await loadConfig(root);
    const release = releaseFrom(
      'title: T\ndate: 2016-10-04\nlang: fr-BE\ncontacts:\n  - name: O. Headon\n    email: OHEADON@iom.int',
      { sourceFile: join(root, 'releases', 'x', 'index.md'), defaults },
    );
    expect(release.contacts.map((c) => c.email)).toEqual(['OHEADON@iom.int', 'presse@example.org']);
    expect(release.boilerplate).toBe('Texte FR');
    expect(release.organization).toEqual({ name: 'OIM', logo: join(root, 'brand', 'logo.png') });
  });
});
