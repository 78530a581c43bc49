import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { exiftool, makeJpeg } from '../media/helpers.js';
import { ninjsValidator } from './ninjs-schema.js';
import type { Run } from './helpers.js';
import { expectValidKit, makeProject, minimalRelease, run, runCli } from './helpers.js';

const BASE = 'https://press.example.org/kits/';

const logo = (rgb: { r: number; g: number; b: number }): Promise<Buffer> =>
  sharp({ create: { width: 240, height: 80, channels: 3, background: rgb } })
    .png()
    .toBuffer();

const ORGANIZATION = '\n  name: Acme Relief\n  logo: logo.png';
const PHOTO_ASSET = `
  - file: photo.jpg
    alt: Pupils at their desks
    caption: First day of school in Gao, 4 October
    credit: Jane Doe / Acme Relief
    copyright: © 2026 Acme Relief`;

const metaContent = (html: string, property: string): string | undefined =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)">`).exec(html)?.[1];

describe('media for a picture desk, from the real binary in another folder', () => {
  let root: string;
  let elsewhere: string;
  let built: Run;
  const build = (...args: string[]): Promise<Run> =>
    runCli(
      ['build', join(root, 'releases'), '--root', root, '--out', join(root, 'dist'), ...args],
      {
        cwd: elsewhere,
      },
    );

  beforeAll(async () => {
    root = await makeProject({
      'releases/photo.jpg': await makeJpeg(2400, 1600),
      'releases/logo.png': await logo({ r: 200, g: 30, b: 40 }),
      'releases/with-photo.md': minimalRelease({
        title: 'Forty schools open in the north',
        organization: ORGANIZATION,
        assets: PHOTO_ASSET,
      }),
      'releases/no-photo.md': minimalRelease({
        title: 'Acme Relief names a new director for West and Central Africa',
        organization: ORGANIZATION,
      }),
      'releases/embargoed.md': minimalRelease({
        title: 'Not yet',
        embargo: '2099-01-01T00:00:00Z',
        organization: ORGANIZATION,
      }),
    });
    elsewhere = await mkdtemp(join(tmpdir(), 'presskit-elsewhere-'));
    built = await build('--base-url', BASE);
  });

  it('writes a web-size photo with its caption, credit and copyright, beside the original', async () => {
    expect(built.code, built.stderr).toBe(0);
    const kit = join(root, 'dist/with-photo');
    const tags = exiftool(await readFile(join(kit, 'assets/web/photo.jpg')));
    expect(tags).toMatchObject({
      ImageWidth: 1600,
      ImageHeight: 1067,
      Description: 'First day of school in Gao, 4 October',
      Credit: 'Jane Doe / Acme Relief',
      Rights: '© 2026 Acme Relief',
    });
    // The original as given, in the folder, the zip and the checksums.
    expect(await readFile(join(kit, 'assets/photo.jpg'))).toEqual(
      await readFile(join(root, 'releases/photo.jpg')),
    );
    const listing = (await run('unzip', ['-Z1', join(root, 'dist/with-photo.zip')])).stdout;
    expect(listing.split('\n')).toEqual(
      expect.arrayContaining(['with-photo/assets/photo.jpg', 'with-photo/assets/web/photo.jpg']),
    );
    const sums = await readFile(join(kit, 'SHA256SUMS'), 'utf8');
    expect(sums).toMatch(/ {2}assets\/photo\.jpg\n/);
    expect(sums).toMatch(/ {2}assets\/web\/photo\.jpg\n/);
    await expectValidKit(join(root, 'dist'), 'with-photo');
  });

  it('shows the web version on the page, sized, and shares it as og:image', async () => {
    const html = await readFile(join(root, 'dist/with-photo/index.html'), 'utf8');
    expect(html).toContain(
      '<img src="assets/web/photo.jpg" alt="Pupils at their desks" width="1600" height="1067">',
    );
    expect(metaContent(html, 'og:image')).toBe(`${BASE}with-photo/assets/web/photo.jpg`);
    expect(metaContent(html, 'og:image:width')).toBe('1600');
    expect(metaContent(html, 'twitter:card')).toBe('summary_large_image');
    expect(existsSync(join(root, 'dist/with-photo/social-card.png'))).toBe(false);
    // The PDF prints the web version: 1600 px across a photo at most 9 cm high.
    const images = await run('pdfimages', ['-list', join(root, 'dist/with-photo/with-photo.pdf')]);
    expect(images.stdout).toMatch(/ 1600 +1067 /);
  });

  it('lists the web version in the ninjs as a second rendition, which IPTC’s schema accepts', async () => {
    const doc = JSON.parse(
      await readFile(join(root, 'dist/with-photo/with-photo.ninjs.json'), 'utf8'),
    ) as { associations: { rel: string; renditions: Record<string, unknown>[] }[] };
    const picture = doc.associations.find((association) => association.rel === 'picture');
    expect(picture?.renditions).toEqual([
      expect.objectContaining({ name: 'original', width: 2400, height: 1600 }),
      {
        name: 'web',
        href: `${BASE}with-photo/assets/web/photo.jpg`,
        contentType: 'image/jpeg',
        width: 1600,
        height: 1067,
        sizeInBytes: (await readFile(join(root, 'dist/with-photo/assets/web/photo.jpg'))).length,
      },
    ]);
    const { validate, errors } = await ninjsValidator();
    expect(validate(doc), errors()).toBe(true);
  });

  it('makes a 1200 × 630 social card for a release without a photo, as its og:image', async () => {
    const card = join(root, 'dist/no-photo/social-card.png');
    expect((await run('file', ['-b', card])).stdout).toMatch(/^PNG image data, 1200 x 630,/);
    const html = await readFile(join(root, 'dist/no-photo/index.html'), 'utf8');
    expect(metaContent(html, 'og:image')).toBe(`${BASE}no-photo/social-card.png`);
    expect(metaContent(html, 'og:image:width')).toBe('1200');
    expect(metaContent(html, 'og:image:height')).toBe('630');
    expect(metaContent(html, 'og:image:alt')).toBe(
      'Acme Relief names a new director for West and Central Africa',
    );
    expect(metaContent(html, 'twitter:card')).toBe('summary_large_image');
    const jsonLd = JSON.parse(
      /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? '{}',
    ) as { image?: unknown };
    expect(jsonLd.image).toEqual([`${BASE}no-photo/social-card.png`]);
    const listing = (await run('unzip', ['-Z1', join(root, 'dist/no-photo.zip')])).stdout;
    expect(listing.split('\n')).toContain('no-photo/social-card.png');
  });

  it('makes none for an embargoed kit, which has no social tags', async () => {
    expect(existsSync(join(root, 'dist/embargoed/social-card.png'))).toBe(false);
    const html = await readFile(join(root, 'dist/embargoed/index.html'), 'utf8');
    expect(html).not.toContain('og:image');
  });

  it('is the same bytes built again; a no-change build stays one; a new logo rebuilds', async () => {
    const zips = async (): Promise<Buffer[]> =>
      Promise.all(
        ['with-photo', 'no-photo'].map((slug) => readFile(join(root, `dist/${slug}.zip`))),
      );
    const first = await zips();
    const unchanged = await build('--base-url', BASE);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    expect(unchanged.stderr).toMatch(/0 built, 3 unchanged/);
    const forced = await build('--base-url', BASE, '--force');
    expect(forced.stderr).toMatch(/3 built/);
    expect(await zips()).toEqual(first);

    const card = await readFile(join(root, 'dist/no-photo/social-card.png'));
    await writeFile(join(root, 'releases/logo.png'), await logo({ r: 20, g: 120, b: 60 }));
    const relogo = await build('--base-url', BASE);
    expect(relogo.stderr).toMatch(/3 built/);
    expect(await readFile(join(root, 'dist/no-photo/social-card.png'))).not.toEqual(card);
  });

  it('makes no card without a base URL: og:image needs an absolute address', async () => {
    const out = join(root, 'plain');
    const plain = await runCli(['build', join(root, 'releases'), '--root', root, '--out', out], {
      cwd: elsewhere,
    });
    expect(plain.code, plain.stderr).toBe(0);
    expect(existsSync(join(out, 'no-photo/social-card.png'))).toBe(false);
    expect(existsSync(join(out, 'with-photo/assets/web/photo.jpg'))).toBe(true);
  });

  it('checks a theme’s social-card.liquid with each release, as it checks the page', async () => {
    const project = await makeProject({
      'presskit.config.yaml': 'template: theme\n',
      'releases/a.md': minimalRelease(),
      'theme/social-card.liquid': '<html>\n<h1>{{ headline }}</h1>\n</html>\n',
    });
    const check = await runCli(['check'], { cwd: project });
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n')[0]).toMatch(
      /^theme\/social-card\.liquid:2:8: undefined variable "headline"/,
    );
  });
});
