import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INKSCAPE_LOGO } from '../assets/svg-fixtures.js';
import { makeProject, run, runCli } from './helpers.js';

const SVG = 'http://www.w3.org/2000/svg';

const release = (slug: string, extra: string, body = 'Body text.'): string =>
  `---\ntitle: A test release\nlang: en\ndate: 2026-11-27\nslug: ${slug}\n${extra}---\n\n${body}\n`;

const withLogo = (slug: string): string =>
  release(slug, 'assets:\n  - file: logo.svg\n    alt: The logo\n');

describe('SVG assets through the real CLI', () => {
  let project: string;
  let result: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    project = await makeProject({
      'releases/hostile/index.md': withLogo('hostile'),
      'releases/hostile/logo.svg': `<svg xmlns="${SVG}" xmlns:svg="${SVG}">\n<svg:script>alert(document.domain)</svg:script>\n</svg>\n`,
      'releases/tracker/index.md': release('tracker', '', 'Intro.\n\n![A pixel](pixel.svg)'),
      'releases/tracker/pixel.svg': `<svg xmlns="${SVG}"><rect style="background:url(http://x)"/></svg>`,
      'releases/clean/index.md': withLogo('clean'),
      'releases/clean/logo.svg': INKSCAPE_LOGO,
    });
    result = await runCli(['build'], { cwd: project });
  }, 120_000);

  it('exits 1 with one line per hostile SVG, naming the file, field and line', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^.*releases\/hostile\/index\.md:7: assets\[0\]\.file: "logo\.svg": SVG contains <svg:script> at line 2: not an allowed SVG element$/m,
    );
    expect(result.stderr).toMatch(
      /^.*releases\/tracker\/index\.md:10: body image: "pixel\.svg": SVG contains style="background:url\(http:\/\/x\)" on <rect> at line 1: CSS that loads another resource: url\(http:\/\/x\) \(only url\(#id\) is allowed\)$/m,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('writes no kit for a release with a hostile SVG, nor the SVG anywhere', async () => {
    for (const slug of ['hostile', 'tracker']) {
      expect(existsSync(join(project, 'dist', slug))).toBe(false);
      expect(existsSync(join(project, 'dist', `${slug}.zip`))).toBe(false);
    }
    const written = await readdir(join(project, 'dist'), { recursive: true });
    expect(written.filter((path) => path.endsWith('.svg'))).toEqual([
      join('clean', 'assets', 'logo.svg'),
    ]);
  });

  it('builds the release whose SVG is a real Inkscape logo, shipping it byte for byte', async () => {
    const kit = join(project, 'dist', 'clean');
    expect(await readFile(join(kit, 'assets', 'logo.svg'), 'utf8')).toBe(INKSCAPE_LOGO);
    const sums = await run('sha256sum', ['-c', 'SHA256SUMS'], kit);
    expect(sums.code).toBe(0);
    expect(sums.stdout).toMatch(/^assets\/logo\.svg: OK$/m);
    const listing = await run('unzip', ['-l', join(project, 'dist', 'clean.zip')]);
    expect(listing.stdout).toMatch(/clean\/assets\/logo\.svg$/m);
  });
});
