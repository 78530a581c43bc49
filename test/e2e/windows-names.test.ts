import { describe, expect, it } from 'vitest';
import { TINY_PDF, makePng, makeProject, minimalRelease, run, runCli } from './helpers.js';

/** Windows' device names, as a path component (the part before the first dot). */
const DEVICE = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

describe('names Windows reserves for devices', () => {
  it('are renamed in a kit made from file names, so the zip unpacks on Windows', async () => {
    const root = await makeProject({
      'releases/con.md': minimalRelease(
        {
          title: 'A release in con.md',
          assets: '\n  - file: AUX.png\n    alt: A red square\n  - file: nul.pdf',
          contacts: '\n  - name: Nul\n    email: nul@example.org',
        },
        'Body.',
      ),
      'releases/AUX.png': makePng(20, 20, [200, 40, 40]),
      'releases/nul.pdf': TINY_PDF,
    });
    const build = await runCli(['build'], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    const listing = await run('unzip', ['-Z1', `${root}/dist/con-release.zip`]);
    expect(listing.code).toBe(0);
    const entries = listing.stdout.trim().split('\n');
    expect(entries).toEqual(
      expect.arrayContaining([
        'con-release/con-release.pdf',
        'con-release/assets/aux-asset.png',
        'con-release/assets/nul-asset.pdf',
        'con-release/contacts/nul-contact.vcf',
      ]),
    );
    for (const entry of entries) {
      for (const part of entry.split('/').filter(Boolean)) {
        expect(DEVICE.test(part.split('.')[0] ?? ''), entry).toBe(false);
      }
    }
  });

  it('are refused as a frontmatter slug, by check and build alike', async () => {
    const root = await makeProject({
      'releases/launch.md': minimalRelease({ slug: 'con' }),
    });
    const expected =
      'releases/launch.md:5: slug: is a device name Windows reserves (con, prn, aux, nul, ' +
      'com0–com9, lpt0–lpt9): a kit named so cannot be unpacked there, choose another';
    for (const command of ['check', 'build']) {
      const result = await runCli([command], { cwd: root });
      expect(result.code, command).toBe(1);
      expect(result.stdout + result.stderr, command).toContain(expected);
    }
  });
});
