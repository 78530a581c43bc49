import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/project/config.js';
import { formatEmbargo } from '../../src/locale/i18n.js';
import {
  MINIMAL_YAML,
  expectError,
  problemFor,
  rejection,
  releaseFrom,
  tempDir,
  writeTree,
} from '../release/helpers.js';

describe('config timezone: the project time zone', () => {
  it('is every release’s timezone unless the release names its own', async () => {
    const root = await tempDir();
    await writeTree(root, { 'presskit.config.yaml': 'timezone: America/New_York\n' });
    const { defaults } = await loadConfig(root);
    expect(defaults.timezone).toBe('America/New_York');

    const embargoed = `${MINIMAL_YAML}\nembargo: 2026-11-27T10:00:00+01:00`;
    const inherited = releaseFrom(embargoed, { defaults });
    expect(inherited.timezone).toBe('America/New_York');
    // The embargo is shown in the project's zone: 10:00 in Brussels is 04:00 in New York.
    expect(inherited.embargo).toBeDefined();
    if (inherited.embargo) {
      const shown = formatEmbargo(inherited.embargo, 'en', inherited.timezone);
      expect(shown.replace(/\s/gu, ' ')).toBe('Nov. 27, 2026, 4 a.m. EST (09:00 UTC)');
    }

    const own = releaseFrom(`${embargoed}\ntimezone: Europe/Brussels`, { defaults });
    expect(own.timezone).toBe('Europe/Brussels');
  });

  it('is absent without a setting', async () => {
    const root = await tempDir();
    expect((await loadConfig(root)).defaults.timezone).toBeUndefined();
    expect(releaseFrom(MINIMAL_YAML).timezone).toBeUndefined();
  });

  it('must be an IANA zone, named with its line', async () => {
    const root = await tempDir();
    await writeTree(root, { 'presskit.config.yaml': 'paper: A4\ntimezone: Brussels\n' });
    const error = await rejection(() => loadConfig(root));
    expectError(error, 'E_CONFIG', relative(process.cwd(), join(root, 'presskit.config.yaml')));
    expect(problemFor(error, 'timezone')).toMatchObject({
      line: 2,
      message: 'is not an IANA time zone (e.g. Europe/Brussels)',
    });
  });
});
