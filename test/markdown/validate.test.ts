import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors.js';
import { isPresskitError } from '../../src/errors.js';
import type { MarkdownContext } from '../../src/markdown/render.js';
import { renderMarkdown, validateMarkdown } from '../../src/markdown/render.js';

const CONTEXT: MarkdownContext = {
  file: 'releases/sample.md',
  firstLine: 10,
  lang: 'fr',
  imageSrc: (href) => (href === 'photo.jpg' ? 'assets/photo.jpg' : undefined),
};

/** What a run throws as problems (none when it passes); anything else fails the test. */
function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
    return [];
  } catch (error) {
    if (!isPresskitError(error)) throw error;
    return error.problems.slice();
  }
}

const BAD_LINK = '[site](javascript:alert(1))';
const BAD_IMAGE = '![](photo.jpg)';

/** Every place a mistake can sit, and the mistakes in each: check must see what build sees. */
const SOURCES: Record<string, string> = {
  'clean prose': '« Bonjour », dit-elle : voilà.\n\nUn [lien](https://example.org).',
  paragraph: `Texte ${BAD_LINK} et <script>x</script> puis ${BAD_IMAGE}.`,
  'block HTML': '<div>\n<script>alert(1)</script>\n</div>\n\nSuite.',
  heading: `## Titre ${BAD_LINK}\n\nTexte.`,
  'image inside a link (label first)': `[![](photo.jpg)](javascript:x)`,
  'link inside alt text (never rendered)': `![voir [ici](javascript:x)](photo.jpg)`,
  'image not prepared': '![Une photo](missing.jpg)',
  'nested list': `- un\n  - deux ${BAD_LINK}\n- trois ${BAD_IMAGE}`,
  'loose list': `1. un\n\n2. ${BAD_LINK}\n`,
  blockquote: `> cité ${BAD_LINK}\n>\n> > <script>y</script>`,
  'table header and cells': `| a ${BAD_LINK} | b |\n| --- | --- |\n| ${BAD_IMAGE} | <script>z</script> |`,
  emphasis: `**gras ${BAD_LINK}** et _${BAD_IMAGE}_ ~~barré <script>w</script>~~`,
  'bare URL and autolink': 'Voir www.example.org et <javascript:alert(1)> et <https://ok.example>.',
  'reference link': `[ref][r] et [autre][s]\n\n[r]: javascript:alert(1)\n[s]: https://example.org`,
  'repeated mistake on two lines': `${BAD_LINK}\n\n${BAD_LINK}`,
  'code is not checked': '`<script>` et\n\n```\n[x](javascript:y)\n```',
};

describe('validateMarkdown: what check runs instead of rendering', () => {
  it.each(Object.entries(SOURCES))(
    'reports what renderMarkdown reports, in its order: %s',
    (_, source) => {
      const rendered = problemsOf(() => renderMarkdown(source, CONTEXT));
      expect(problemsOf(() => validateMarkdown(source, CONTEXT))).toEqual(rendered);
    },
  );

  it('finds the mistakes the sources above were written with', () => {
    const counts = Object.fromEntries(
      Object.entries(SOURCES).map(([name, source]) => [
        name,
        problemsOf(() => validateMarkdown(source, CONTEXT)).length,
      ]),
    );
    expect(counts).toMatchObject({
      'clean prose': 0,
      paragraph: 3,
      'block HTML': 1,
      heading: 1,
      'image inside a link (label first)': 2,
      'link inside alt text (never rendered)': 0,
      'image not prepared': 1,
      'nested list': 2,
      blockquote: 2,
      // Each header cell once, though the table's name is made from the headers too.
      'table header and cells': 3,
      'reference link': 1,
      'repeated mistake on two lines': 2,
      'code is not checked': 0,
    });
  });

  it('names the lines, the label before its link', () => {
    const problems = problemsOf(() =>
      validateMarkdown(`Texte.\n\n[![](photo.jpg)](javascript:x)`, CONTEXT),
    );
    expect(problems.map((problem) => [problem.line, problem.message.slice(0, 12)])).toEqual([
      [12, 'image "photo'],
      [12, 'link "javasc'],
    ]);
  });
});
