import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldSpaces, makeProject, run, runCli } from './helpers.js';

const RELEASE = `---
title: A campaign release
lang: en
date: 2026-11-27
extra:
  campaign: <Safe & Sound> 2026
  partners: [IOM, UNHCR]
---

Body text.
`;

describe('extra: custom data reaches a theme without a fork', () => {
  it("is the page's variable and its partials', escaped, in the page and the PDF", async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'template: theme\n',
      'releases/a.md': RELEASE,
      // A theme page of its own, and a partial it renders with nothing passed but status.
      'theme/page.liquid': [
        '<!DOCTYPE html>',
        '<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ title }}</title></head>',
        '<body><p class="campaign">Campaign: {{ extra.campaign }}</p>',
        "{% render 'masthead', status: status %}",
        '</body></html>',
      ].join('\n'),
      'theme/masthead.liquid':
        '<header><ul>{% for partner in extra.partners %}<li>Partner {{ partner }}</li>{% endfor %}</ul></header>\n',
    });
    const result = await runCli(['build', '--quiet'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const page = await readFile(join(root, 'dist/a/index.html'), 'utf8');
    expect(page).toContain('<p class="campaign">Campaign: &lt;Safe &amp; Sound&gt; 2026</p>');
    expect(page).toContain('<li>Partner IOM</li><li>Partner UNHCR</li>');
    const pdf = await run('pdftotext', [join(root, 'dist/a/a.pdf'), '-']);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(foldSpaces(pdf.stdout)).toContain(
      'Campaign: <Safe & Sound> 2026 Partner IOM Partner UNHCR',
    );
  });

  it('is {} for a release without it: a theme guards the keys a release may leave out', async () => {
    const root = await makeProject({
      'presskit.config.yaml': 'template: theme\n',
      'releases/b.md': '---\ntitle: Plain\nlang: en\ndate: 2026-11-27\n---\n\nBody.\n',
      'theme/footer.liquid':
        '<footer><p class="extra">[{{ extra.campaign | default: \'\' }}]</p></footer>\n',
    });
    const result = await runCli(['build', '--quiet'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const page = await readFile(join(root, 'dist/b/index.html'), 'utf8');
    expect(page).toContain('<p class="extra">[]</p>');
    // Unguarded, the key the release lacks is an undefined variable, named, not an empty string.
    await writeFile(
      join(root, 'theme/footer.liquid'),
      '<footer><p class="extra">[{{ extra.campaign }}]</p></footer>\n',
    );
    const failed = await runCli(['check'], { cwd: root });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /^theme\/footer\.liquid:1:30: undefined variable "extra\.campaign"/,
    );
  });
});
