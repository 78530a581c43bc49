import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, makeProject, minimalRelease, REPO, runCli } from './helpers.js';

// The CLI runs from rolldown's bundle (bundled/): what the bundle changes, tried as a user would.
describe('the bundled CLI', () => {
  it('is what bin/presskit.js loads', () => {
    expect(existsSync(join(REPO, 'bundled', 'cli.js'))).toBe(true);
    expect(CLI).toBe(join(REPO, 'bin', 'presskit.js'));
  });

  it('builds in a folder with a puppeteer config file, as in presskit’s own checkout', async () => {
    // puppeteer loads .puppeteerrc.cjs (searched from the working folder up) through
    // cosmiconfig, which needs CommonJS's own loader: bundled, it crashed on __filename.
    const root = await makeProject({
      '.puppeteerrc.cjs': 'module.exports = { skipDownload: true };\n',
      'releases/first.md': minimalRelease(),
    });
    const result = await runCli(['build'], { cwd: root });
    expect(result.stderr).not.toMatch(/__filename|ReferenceError/);
    expect(result.code).toBe(0);
    expect(existsSync(join(root, 'dist', 'first.zip'))).toBe(true);
  });

  it('finds its templates and version from the bundle', async () => {
    const result = await runCli(['--version'], { cwd: REPO });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
