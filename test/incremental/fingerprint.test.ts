import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectSettings } from '../../src/types.js';

const SETTINGS: ProjectSettings = {
  root: '/project',
  paper: 'A4',
  vcardVersion: '3.0',
  vcardCharset: false,
  maxAssetBytes: 1 << 20,
};

/** The project digest, with media/settings.ts as `media` says (the real one when undefined). */
async function digestWith(media?: string): Promise<string> {
  vi.resetModules();
  if (media !== undefined) {
    vi.doMock('../../src/media/settings.js', () => ({ MEDIA_SETTINGS: media }));
  }
  const { projectDigest, projectPlace } = await import('../../src/incremental/fingerprint.js');
  return projectDigest({
    settings: SETTINGS,
    place: projectPlace(SETTINGS.root),
    configFile: undefined,
    themeDirs: [],
  });
}

describe('the project digest', () => {
  afterEach(() => {
    vi.doUnmock('../../src/media/settings.js');
  });

  it('changes with the sizes and qualities of the images presskit makes, and only then', async () => {
    const real = await digestWith();
    expect(await digestWith()).toBe(real);
    const { MEDIA_SETTINGS } = await import('../../src/media/settings.js');
    expect(await digestWith(MEDIA_SETTINGS)).toBe(real);
    const otherQuality = MEDIA_SETTINGS.replace('"quality":82', '"quality":90');
    expect(otherQuality).not.toBe(MEDIA_SETTINGS);
    expect(await digestWith(otherQuality)).not.toBe(real);
  });

  it('changes with the base URL, which decides whether a kit has a social card', async () => {
    vi.resetModules();
    const { projectDigest, projectPlace } = await import('../../src/incremental/fingerprint.js');
    const digest = (settings: ProjectSettings): Promise<string> =>
      projectDigest({
        settings,
        place: projectPlace(settings.root),
        configFile: undefined,
        themeDirs: [],
      });
    expect(await digest({ ...SETTINGS, baseUrl: 'https://press.example.org/' })).not.toBe(
      await digest(SETTINGS),
    );
  });
});
