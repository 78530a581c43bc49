// Regression tests for bugs found while testing the input stages; each names the file
// that was at fault.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitRelease } from '../../src/release/load.js';
import { discoverReleases } from '../../src/release/discover.js';
import { parseYaml } from '../../src/release/yaml-source.js';
import { renderMarkdown } from '../../src/markdown/render.js';
import { renderText } from '../../src/text/render-text.js';
import { prepareAssets } from '../../src/assets/prepare.js';
import {
  MINIMAL_YAML,
  expectReadable,
  rejection,
  releaseFrom,
  tempDir,
  thrown,
} from './helpers.js';

const FILE = 'releases/sample.md';
const split = (text: string) => splitRelease(text, '/project/releases/sample.md', FILE);
const markdown = (source: string) =>
  renderMarkdown(source, { file: FILE, firstLine: 1, lang: 'en', imageSrc: () => undefined });

describe('regressions', () => {
  // src/release/yaml-source.ts: yaml reports MISSING_CHAR at the end of the input, and that
  // offset is what we turn into a line. The author needs the line where the quote opens.
  it('an unclosed quote is reported on the line where it opens', () => {
    const error = thrown(() =>
      split('---\ntitle: T\nsummary: "Une phrase\nlang: fr\ndate: 2016-10-04\ntags:\n  - a\n---\n'),
    );
    expect(error.code).toBe('E_YAML');
    expect(error.problems[0]?.line).toBe(3); // was: 7, the last line of the frontmatter
  });

  // src/release/yaml-source.ts: 10,000 nested "[" give ~785 problems (an 84 KB message, one
  // "Maximum call stack size exceeded" per level), and, run twice in one plain Node process
  // (`node` on lib/, not under vitest), abort the process:
  //   FATAL ERROR: RegExpCompiler Allocation failed - process out of memory
  // Reproduce: node -e "import('/work/main/lib/release/yaml-source.js').then(m => { for (let i = 0; i < 2; i++) try { m.parseYaml('x: ' + '['.repeat(10000), 'a.md', 2) } catch (e) { console.log(e.problems.length) } })"
  // yaml's own parseDocument() does the same, so the fix is ours: refuse nesting deeper than,
  // say, 64 levels (count unquoted [ { and indentation) before calling parseDocument.
  it('deep nesting is one clear problem, and never aborts the process', () => {
    for (let run = 0; run < 3; run++) {
      const error = thrown(() => parseYaml(`x: ${'['.repeat(10_000)}`, FILE, 2));
      expect(error.code).toBe('E_YAML');
      expect(error.problems).toHaveLength(1); // was: about 800
      expect(error.problems[0]?.message).toMatch(/nest/i); // was: "Maximum call stack size exceeded"
    }
  });

  // src/release/schema.ts (dateField, toContact), src/assets/prepare.ts (`"${request.written}"`),
  // src/markdown/link-policy.ts: user values are quoted raw into messages. A YAML "\n" in a
  // value splits the problem over lines, and can forge a fake problem line in CI logs.
  // The `text` refinement lets \n and \t through. Quote with JSON.stringify (or escape
  // control characters) wherever a value is echoed.
  it.each([
    ['date', 'title: T\nlang: fr\ndate: "2016-10-04\\nreleases/x.md:1: all good"'],
    [
      'contacts[0].phone',
      `${MINIMAL_YAML}\ncontacts:\n  - name: A\n    phone: "12\\nreleases/x.md:1: all good"`,
    ],
  ])('a problem about %s stays on one line whatever the value holds', (field, yaml) => {
    const error = thrown(() => releaseFrom(yaml));
    const problem = error.problems.find((p) => p.field === field);
    expect(problem).toBeDefined();
    if (problem) expectReadable(problem); // was: the message contains "\n"
  });

  it('an asset problem stays on one line whatever the file name holds', async () => {
    const root = await tempDir();
    const release = releaseFrom(`${MINIMAL_YAML}\nassets:\n  - file: "a\\nfake: ok.pdf"`, {
      sourceFile: join(root, 'releases/x.md'),
    });
    const error = await rejection(() => prepareAssets(release, [], { root, maxAssetBytes: 1e6 }));
    for (const problem of error.problems) expectReadable(problem); // was: "\n" in message
  });

  // src/release/fields.ts: `text` is documented as "A non-empty single-line text" but its
  // control-character check skips \n (U+000A) and \t (U+0009). A title with a line break
  // reaches the HTML <title>, the PDF metadata and the text version.
  it('a title is a single line: a line break written in YAML folds to a space', () => {
    const release = releaseFrom('title: "Un\\nDeux\\tTrois"\ndate: 2016-10-04\nlang: fr');
    expect(release.title).toBe('Un Deux Trois');
  });

  // src/markdown/link-policy.ts: only a literal ".." segment is refused. Browsers (WHATWG URL)
  // also treat %2e%2e, .%2e and %2e. as "..", so this link leaves the kit folder.
  it.each(['assets/%2e%2e/%2e%2e/secret.pdf', '%2E%2E/secret.pdf', 'assets/.%2e/.%2E/x'])(
    'refuses the in-kit link %s that climbs out with encoded dots',
    (href) => {
      const error = thrown(() => markdown(`[x](${href})`)); // was: rendered as a link
      expect(error.problems[0]?.message).toMatch(/outside the kit/);
    },
  );

  // src/markdown/link-policy.ts + marked: marked 18 does not decode entities in link
  // destinations (CommonMark does), so `java&#x09;script:` is written as the literal relative
  // path "java&#x09;script:alert(1)". Harmless in our HTML, but any CommonMark tool reading the
  // same file makes it javascript:. Decode character references before checking the scheme.
  it('refuses [x](java&#x09;script:alert(1))', () => {
    const error = thrown(() => markdown('[x](java&#x09;script:alert(1))')); // was: accepted
    expect(error.code).toBe('E_MARKDOWN');
  });

  // src/markdown/render.ts (rawLocator): a problem's line is the FIRST occurrence of the
  // token's raw text, so a repeated bad link is reported twice on the first line. Search on
  // from the previous match (tokens come in source order).
  it('reports a repeated bad link on each of its lines', () => {
    const error = thrown(() => markdown('[a](javascript:x)\n\n[a](javascript:x)'));
    expect(error.problems.map((p) => p.line)).toEqual([1, 3]); // was: [1, 1]
  });

  // src/markdown/text-blocks.ts: soft line breaks inside a paragraph are kept as "\n", and
  // render-text.ts wraps each source line on its own, so the text version is ragged wherever the
  // author wrapped the Markdown (common) or used `boilerplate: |`. A soft break is a space.
  it('reflows a paragraph written over several source lines', () => {
    const release = releaseFrom('title: T\nlang: en\ndate: 2016-10-04', {
      body: 'The government of Belgium signed\na framework agreement with IOM.\n',
    });
    const text = renderText(release, undefined);
    expect(text).toContain('The government of Belgium signed a framework agreement with IOM.');
  });

  // src/release/discover.ts: any 2-3 letter lower-case file name (faq.md, ceo.md, cop.md)
  // makes its folder a translation folder, and every other .md in it is silently skipped.
  it('does not drop releases that sit beside a short-named one', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'releases/2024'), { recursive: true });
    await writeFile(join(root, 'releases/2024/faq.md'), '---\n---\n');
    await writeFile(join(root, 'releases/2024/merger.md'), '---\n---\n');
    const found = await discoverReleases(['releases'], root);
    // was: only releases/2024/faq.md, as slug "2024-faq"
    expect(found.map((s) => s.displayPath)).toContain('releases/2024/merger.md');
  });
});
