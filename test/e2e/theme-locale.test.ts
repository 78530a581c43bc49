import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, minimalRelease, runCli } from './helpers.js';

describe('a theme prints alike on every machine', () => {
  it("gives liquidjs's date filter a fixed locale, not the machine's", async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'template: theme\n',
      'theme/masthead.liquid':
        '<header class="masthead"><p class="release-status">{{ "2026-11-27T12:00:00Z" | date: "%B %A" }}</p></header>\n',
      'releases/a.md': minimalRelease(),
    });
    // A French machine: left to the machine, liquidjs would print "novembre vendredi".
    const result = await runCli(['build', '--quiet'], {
      cwd: root,
      env: { LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' },
    });
    expect(result.code, result.stderr).toBe(0);
    const page = await readFile(join(root, 'dist/a/index.html'), 'utf8');
    expect(page).toContain('<p class="release-status">November Friday</p>');
  });
});
