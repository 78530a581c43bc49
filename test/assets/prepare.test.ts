import { symlink, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareAssets } from '../../src/assets/prepare.js';
import { imageHrefs, rawLocator } from '../../src/markdown/render.js';
import type { Release } from '../../src/types.js';
import {
  JPEG_BYTES,
  MINIMAL_YAML,
  PDF_BYTES,
  PNG_BYTES,
  expectError,
  problemFor,
  rejection,
  releaseFrom,
  tempDir,
  writeTree,
} from '../release/helpers.js';
import { makePng } from '../e2e/helpers.js';

const DISPLAY = 'releases/launch/index.md';
const MB = 1024 * 1024;

interface Project {
  root: string;
  /** A release at releases/launch/index.md with these extra YAML lines and body. */
  release(yaml: string, body?: string): Release;
  prepare(release: Release, maxAssetBytes?: number): ReturnType<typeof prepareAssets>;
}

async function project(files: Record<string, string | Uint8Array> = {}): Promise<Project> {
  const root = await tempDir();
  await writeTree(root, files);
  const sourceFile = join(root, 'releases', 'launch', 'index.md');
  return {
    root,
    release: (yaml, body) =>
      releaseFrom(`${MINIMAL_YAML}\n${yaml}`, {
        sourceFile,
        displayPath: DISPLAY,
        ...(body !== undefined ? { body } : {}),
      }),
    // As prepareRelease does: every image of the body, with its line in the file.
    prepare: (release, maxAssetBytes = 5 * MB) =>
      prepareAssets(
        release,
        imageHrefs(release.body).map((href) => ({
          href,
          line: rawLocator(release.body, release.bodyLine)(href),
        })),
        { root, maxAssetBytes },
      ),
  };
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const SAFE_SVG = `<svg xmlns="${SVG_NS}" viewBox="0 0 1 1"><rect/></svg>`;

describe('prepareAssets: accepted files', () => {
  it('checks, types and names the assets list, body images and the logo', async () => {
    const p = await project({
      'releases/launch/dossier.pdf': PDF_BYTES,
      'releases/launch/Photo Été.JPEG': JPEG_BYTES,
      'releases/launch/chart.png': PNG_BYTES,
      'brand/logo.svg': SAFE_SVG,
    });
    const release = p.release(
      [
        'organization:',
        '  name: OIM',
        '  logo: ../../brand/logo.svg',
        'assets:',
        '  - file: dossier.pdf',
        '    caption: Le dossier',
        '  - file: Photo Été.JPEG',
        '    alt: Deux ministres',
        '    credit: OIM',
      ].join('\n'),
      'Texte.\n\n![Un graphique](chart.png)\n\n![Les ministres](Photo%20%C3%89t%C3%A9.JPEG)\n',
    );
    const assets = await p.prepare(release);
    expect(
      assets.map((a) => [a.role, a.kitPath, a.mediaType, a.typeLabel, a.isImage, a.href]),
    ).toEqual([
      ['asset', 'assets/dossier.pdf', 'application/pdf', 'PDF', false, undefined],
      ['asset', 'assets/photo-ete.jpg', 'image/jpeg', 'JPEG', true, undefined],
      ['inline', 'assets/chart.png', 'image/png', 'PNG', true, 'chart.png'],
      // The same file as an asset and in the body ships once, under one name.
      ['inline', 'assets/photo-ete.jpg', 'image/jpeg', 'JPEG', true, 'Photo%20%C3%89t%C3%A9.JPEG'],
      ['logo', 'assets/logo.svg', 'image/svg+xml', 'SVG', true, undefined],
    ]);
    expect(assets[0]).toMatchObject({
      source: join(p.root, 'releases/launch/dossier.pdf'),
      bytes: PDF_BYTES.length,
      caption: 'Le dossier',
    });
    expect(assets[1]).toMatchObject({ alt: 'Deux ministres', credit: 'OIM' });
    expect(assets[4]).toMatchObject({ alt: 'OIM', source: join(p.root, 'brand/logo.svg') });
  });

  it('gives files with the same name in different folders unique, safe kit names', async () => {
    const p = await project({
      'releases/launch/Photo 1.JPG': JPEG_BYTES,
      'releases/launch/extra/Photo 1.JPG': JPEG_BYTES,
      'releases/launch/more/photo-1.jpg': JPEG_BYTES,
      'releases/launch/more/Ça & là?.pdf': PDF_BYTES,
    });
    const release = p.release(
      [
        'assets:',
        '  - file: Photo 1.JPG',
        '    alt: A',
        '  - file: extra/Photo 1.JPG',
        '    alt: B',
        '  - file: more/photo-1.jpg',
        '    alt: C',
        '  - file: more/Ça & là?.pdf',
      ].join('\n'),
    );
    const names = (await p.prepare(release)).map((a) => a.kitPath);
    expect(names).toEqual([
      'assets/photo-1.jpg',
      'assets/photo-1-2.jpg',
      'assets/photo-1-3.jpg',
      'assets/ca-la.pdf',
    ]);
    for (const name of names) expect(name).toMatch(/^assets\/[a-z0-9-]+\.[a-z0-9]+$/);
  });

  it('renames files Windows reserves for devices, keeping them unique', async () => {
    const p = await project({
      'releases/launch/con.png': PNG_BYTES,
      'releases/launch/AUX.pdf': PDF_BYTES,
      'releases/launch/other/con.png': PNG_BYTES,
      'releases/launch/con-asset.png': PNG_BYTES,
      'releases/launch/console.pdf': PDF_BYTES,
    });
    const release = p.release(
      [
        'assets:',
        '  - file: con.png',
        '    alt: A',
        '  - file: AUX.pdf',
        '  - file: other/con.png',
        '    alt: B',
        '  - file: con-asset.png',
        '    alt: C',
        '  - file: console.pdf',
      ].join('\n'),
    );
    const assets = await p.prepare(release);
    expect(assets.map((asset) => asset.kitPath)).toEqual([
      'assets/con-asset.png',
      'assets/aux-asset.pdf',
      'assets/con-asset-2.png',
      'assets/con-asset-3.png',
      'assets/console.pdf',
    ]);
  });

  it('follows a symlink that stays inside the project, shipping the real file', async () => {
    const p = await project({ 'shared/photo.jpg': JPEG_BYTES });
    await writeTree(p.root, { 'releases/launch/.keep': '' });
    await symlink(join(p.root, 'shared/photo.jpg'), join(p.root, 'releases/launch/link.jpg'));
    const [asset] = await p.prepare(p.release('assets:\n  - file: link.jpg\n    alt: A photo'));
    expect(asset?.source).toBe(join(p.root, 'shared/photo.jpg'));
  });

  it('accepts a file exactly at the size limit', async () => {
    const p = await project({ 'releases/launch/a.pdf': PDF_BYTES });
    const [asset] = await p.prepare(p.release('assets:\n  - file: a.pdf'), PDF_BYTES.length);
    expect(asset?.bytes).toBe(PDF_BYTES.length);
  });
});

describe('prepareAssets: refused files', () => {
  /** One asset named `file`; the problem must name assets[0].file on line 6. */
  async function refuseAsset(
    p: Project,
    file: string,
    message: RegExp,
    extra = '    alt: Une image',
    maxAssetBytes?: number,
  ): Promise<void> {
    const release = p.release(`assets:\n  - file: "${file}"\n${extra}`);
    const error = await rejection(() => p.prepare(release, maxAssetBytes));
    expectError(error, 'E_ASSET', DISPLAY);
    const problem = problemFor(error, 'assets[0].file');
    expect(problem.line).toBe(6);
    expect(problem.message).toContain(`"${file}"`);
    expect(problem.message).toMatch(message);
  }

  it('refuses a missing file', async () => {
    await refuseAsset(await project(), 'absent.pdf', /cannot read it \(no such file\)/);
  });

  it('refuses a path that climbs out of the project with ../', async () => {
    const p = await project({ 'releases/launch/.keep': '' });
    await refuseAsset(p, '../../../outside.png', /outside the project folder/);
  });

  it('refuses an absolute path outside the project', async () => {
    await refuseAsset(await project(), '/etc/hostname', /outside the project folder/);
  });

  it('refuses a symlink inside the project that points outside', async () => {
    const outside = await tempDir('presskit-outside-');
    await writeTree(outside, { 'secret.pdf': PDF_BYTES });
    const p = await project({ 'releases/launch/.keep': '' });
    await symlink(join(outside, 'secret.pdf'), join(p.root, 'releases/launch/leak.pdf'));
    await refuseAsset(p, 'leak.pdf', /link to a file outside the project/);
  });

  it('refuses a symlinked folder inside the project that points outside', async () => {
    const outside = await tempDir('presskit-outside-');
    await writeTree(outside, { 'secret.pdf': PDF_BYTES });
    const p = await project({ 'releases/launch/.keep': '' });
    await symlink(outside, join(p.root, 'releases/launch/shared'));
    await refuseAsset(p, 'shared/secret.pdf', /link to a file outside the project/);
  });

  it('refuses a .png whose bytes are JPEG', async () => {
    const p = await project({ 'releases/launch/photo.png': JPEG_BYTES });
    await refuseAsset(p, 'photo.png', /content is not PNG/);
  });

  it('refuses a .pdf that is really HTML', async () => {
    const p = await project({ 'releases/launch/doc.pdf': '<html><script>x</script></html>' });
    await refuseAsset(p, 'doc.pdf', /content is not PDF/, '');
  });

  it('refuses an unsupported extension, listing the supported ones', async () => {
    const p = await project({ 'releases/launch/setup.exe': 'MZ\u0090\u0000' });
    await refuseAsset(p, 'setup.exe', /"\.exe" is not supported \(use jpg, jpeg, png/);
  });

  it('refuses a file without an extension', async () => {
    const p = await project({ 'releases/launch/README': 'text' });
    await refuseAsset(p, 'README', /not supported/);
  });

  it('refuses a file over maxAssetBytes, naming the size, the limit and the setting', async () => {
    const p = await project({ 'releases/launch/video.mp4': '' });
    await truncate(join(p.root, 'releases/launch/video.mp4'), 3 * MB);
    await refuseAsset(
      p,
      'video.mp4',
      /is 3\.0 MB, over the limit of 2\.0 MB \(maxAssetSize/,
      '',
      2 * MB,
    );
  });

  it('refuses a folder named as a file', async () => {
    const p = await project({ 'releases/launch/photos.jpg/a.jpg': JPEG_BYTES });
    await refuseAsset(p, 'photos.jpg', /not a regular file/);
  });

  it('refuses an image without alt text, explaining why alt matters', async () => {
    const p = await project({ 'releases/launch/photo.jpg': JPEG_BYTES });
    await refuseAsset(p, 'photo.jpg', /needs alt text: add "alt:"/, '    caption: Sans alt');
  });

  // The sanitiser's own vectors are in test/assets/svg-safety.test.ts; these check that
  // its verdict reaches the release's problems, for the whole file, however large.
  it('refuses an unsafe SVG, naming the element and its line in the SVG', async () => {
    const svg = `<svg xmlns="${SVG_NS}" xmlns:svg="${SVG_NS}">\n<svg:script>alert(1)</svg:script></svg>`;
    const p = await project({ 'releases/launch/logo.svg': svg });
    await refuseAsset(
      p,
      'logo.svg',
      /^"logo\.svg": SVG contains <svg:script> at line 2: not an allowed SVG element$/,
    );
  });

  it('refuses an SVG that is not well-formed XML, as a problem, not a crash', async () => {
    const p = await project({ 'releases/launch/logo.svg': `<svg xmlns="${SVG_NS}"><g></svg>` });
    await refuseAsset(p, 'logo.svg', /"logo\.svg": SVG is not well-formed XML \(line 1: /);
  });

  it('reads the whole of a large .SVG, whatever the case of its extension', async () => {
    const desc = `<desc>${'x'.repeat(20_000)}</desc>`;
    const p = await project({
      'releases/launch/Logo.SVG': `<svg xmlns="${SVG_NS}">${desc}<script>alert(1)</script></svg>`,
      'releases/launch/Clean.SVG': `<svg xmlns="${SVG_NS}">${desc}<rect/></svg>`,
    });
    await refuseAsset(p, 'Logo.SVG', /<script> at line 1/);
    const release = p.release('assets:\n  - file: Clean.SVG\n    alt: Un logo');
    const [asset] = await p.prepare(release);
    expect(asset).toMatchObject({ kitPath: 'assets/clean.svg', mediaType: 'image/svg+xml' });
  });

  it('finds a <script> far into a large SVG, not only in its first bytes', async () => {
    const svg = `<svg xmlns="${SVG_NS}"><desc>${'x'.repeat(20_000)}</desc><script>alert(1)</script></svg>`;
    const p = await project({ 'releases/launch/logo.svg': svg });
    await refuseAsset(p, 'logo.svg', /<script> at line 1/);
  });

  it.each([
    'https://example.com/a.png',
    'http://example.com/a.pdf',
    '//example.com/a.png',
    'file:///etc/passwd',
    'data:image/png;base64,iVBORw0KGgo=',
  ])('refuses the remote or URL asset %s', async (url) => {
    await refuseAsset(await project(), url, /remote files are not allowed/);
  });

  it('refuses a remote image in the body, with the line of the image', async () => {
    const p = await project();
    const release = p.release('', 'Premier.\n\nDeuxième ![x](https://example.com/a.png)\n');
    const error = await rejection(() => p.prepare(release));
    expectError(error, 'E_ASSET', DISPLAY);
    const problem = problemFor(error, 'body image');
    // Frontmatter is lines 1-6 (with the empty extra line), the body starts on line 7.
    expect(problem.line).toBe(release.bodyLine + 2);
    expect(problem.message).toMatch(/"https:\/\/example\.com\/a\.png": remote files/);
  });

  it('refuses a body image outside the project', async () => {
    const p = await project({ 'releases/launch/.keep': '' });
    const release = p.release('', '![](../../../../etc/passwd.png)\n');
    const error = await rejection(() => p.prepare(release));
    const problem = problemFor(error, 'body image');
    expect(problem.line).toBe(release.bodyLine);
    expect(problem.message).toMatch(/outside the project folder/);
  });

  it('refuses a body image that climbs out through percent-encoded dots', async () => {
    const p = await project({ 'releases/launch/.keep': '' });
    const release = p.release('', '![x](%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd.png)\n');
    const error = await rejection(() => p.prepare(release));
    expect(problemFor(error, 'body image').message).toMatch(/outside the project folder/);
  });

  it('refuses a logo outside the project, naming organization.logo and its line', async () => {
    const outside = await tempDir('presskit-outside-');
    await writeTree(outside, { 'logo.png': PNG_BYTES });
    const p = await project();
    const release = p.release(`organization:\n  name: OIM\n  logo: ${join(outside, 'logo.png')}`);
    const error = await rejection(() => p.prepare(release));
    expect(problemFor(error, 'organization.logo')).toMatchObject({ line: 7 });
    expect(problemFor(error, 'organization.logo').message).toMatch(/outside the project/);
  });

  it('refuses a logo whose content does not match its extension', async () => {
    const p = await project({ 'releases/launch/logo.png': JPEG_BYTES });
    const error = await rejection(() =>
      p.prepare(p.release('organization:\n  name: OIM\n  logo: logo.png')),
    );
    expect(problemFor(error, 'organization.logo').message).toMatch(/not PNG/);
  });

  it('refuses a PNG cut short, naming its type', async () => {
    const whole = makePng(40, 30, [200, 60, 40]);
    const p = await project({ 'releases/launch/photo.png': whole.subarray(0, whole.length - 20) });
    await refuseAsset(
      p,
      'photo.png',
      /^"photo\.png": the PNG stops before the end of its image data \(cut short/,
    );
  });

  it('refuses a JPEG without its end, a damaged PNG and an oversize body image, each on its line', async () => {
    const damaged = makePng(40, 30, [200, 60, 40]);
    const at = damaged.indexOf('IDAT') + 20;
    damaged.writeUInt8(damaged.readUInt8(at) ^ 0xff, at);
    const huge = makePng(1, 1, [0, 0, 0]);
    // Its header says 30000 × 30000: the size alone is refused, before the data is looked at.
    huge.writeUInt32BE(30000, 16);
    huge.writeUInt32BE(30000, 20);
    const p = await project({
      'releases/launch/cut.jpg': JPEG_BYTES.subarray(0, JPEG_BYTES.length - 2),
      'releases/launch/damaged.png': damaged,
      'releases/launch/huge.png': huge,
    });
    const release = p.release(
      'assets:\n  - file: cut.jpg\n    alt: A\n  - file: damaged.png\n    alt: B',
      'Text.\n\n![A huge image](huge.png)\n',
    );
    const error = await rejection(() => p.prepare(release));
    expect(error.problems.map((problem) => [problem.field, problem.line, problem.message])).toEqual(
      [
        [
          'assets[0].file',
          6,
          '"cut.jpg": the JPEG stops before the end of its image data (cut short when copied or downloaded?)',
        ],
        [
          'assets[1].file',
          8,
          '"damaged.png": the PNG is damaged: its IDAT chunk fails its checksum',
        ],
        [
          'body image',
          release.bodyLine + 2,
          '"huge.png": is 30000 × 30000 pixels (900 megapixels), over the 268 megapixels ' +
            'Chromium prints reliably: scale it down',
        ],
      ],
    );
  });

  it('reports every bad file of a release together', async () => {
    const p = await project({ 'releases/launch/photo.png': JPEG_BYTES });
    const release = p.release(
      'assets:\n  - file: missing.pdf\n  - file: photo.png\n    alt: A\n  - file: x.exe',
      '![a](https://example.com/x.png)\n',
    );
    const error = await rejection(() => p.prepare(release));
    expect(error.problems.map((problem) => [problem.field, problem.line])).toEqual([
      ['assets[0].file', 6],
      ['assets[1].file', 7],
      ['assets[2].file', 9],
      ['body image', release.bodyLine],
    ]);
  });
});
