import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/project/config.js';
import { labelTable } from '../../src/locale/i18n.js';
import {
  MINIMAL_YAML,
  expectError,
  problemFor,
  rejection,
  releaseFrom,
  tempDir,
  writeTree,
} from '../release/helpers.js';

async function configError(yaml: string) {
  const root = await tempDir();
  await writeTree(root, { 'presskit.config.yaml': yaml });
  const error = await rejection(() => loadConfig(root));
  expectError(error, 'E_CONFIG', relative(process.cwd(), join(root, 'presskit.config.yaml')));
  return error;
}

describe('config labels: the furniture per language', () => {
  it('reaches the release of that language, and its default kind', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'presskit.config.yaml':
        'labels:\n  sw:\n    kind: Taarifa kwa vyombo vya habari\n    contact: { one: Mawasiliano }\n',
    });
    const { defaults } = await loadConfig(root);
    const release = releaseFrom(MINIMAL_YAML.replace(/^lang: .*$/m, 'lang: sw-KE'), { defaults });
    expect(release.kind).toBe('Taarifa kwa vyombo vya habari');
    const table = labelTable(release.lang, release.labelOverrides);
    expect(table.labels.contact).toEqual({ one: 'Mawasiliano', other: 'Media contacts' });
    expect(table.english.has('kind')).toBe(false);
    expect(table.english.has('contact')).toBe(true);
  });

  it.each([
    [
      'labels:\n  sw:\n    immediateRelease: { a: 1 }\n',
      'labels.sw.immediateRelease',
      'must be a text value',
    ],
    [
      'labels:\n  sw:\n    page: Ukurasa {n}\n',
      'labels.sw.page',
      'must hold {n} and {total} and no other {placeholder}',
    ],
    [
      'labels:\n  sw:\n    phone: Simu {number}\n',
      'labels.sw.phone',
      'takes no {placeholder} (found {number})',
    ],
    ['labels:\n  sw:\n    fone: Simu\n', 'labels.sw', 'fone'],
    ['labels:\n  "not a tag!":\n    phone: Simu\n', 'labels.not a tag!', 'BCP 47'],
  ])('refuses %j, naming %s', async (yaml, field, message) => {
    const error = await configError(yaml);
    const problem = error.problems[0];
    expect(`${problem?.field ?? ''}: ${problem?.message ?? ''}`).toContain(message);
    expect(problem?.field ?? '').toContain(field.split('.').slice(0, 2).join('.'));
    expect(problem?.line).toBeGreaterThan(0);
  });
});

void problemFor;
