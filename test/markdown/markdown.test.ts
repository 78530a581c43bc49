import { describe, expect, it } from 'vitest';
import type { PresskitError } from '../../src/errors.js';
import type { MarkdownContext } from '../../src/markdown/render.js';
import { imageHrefs, rawLocator, renderMarkdown } from '../../src/markdown/render.js';
import { expectError, thrown } from '../release/helpers.js';

const FILE = 'releases/sample.md';
/** The body starts on line 10 of the file, as after a 9-line frontmatter. */
const FIRST_LINE = 10;
const NNBSP = '\u202F';
const NBSP = '\u00A0';

function render(markdown: string, context: Partial<MarkdownContext> = {}): string {
  return renderMarkdown(markdown, {
    file: FILE,
    firstLine: FIRST_LINE,
    lang: 'en',
    imageSrc: (href) => (href === 'photo.jpg' ? 'assets/photo.jpg' : undefined),
    ...context,
  });
}

function refused(markdown: string, context: Partial<MarkdownContext> = {}): PresskitError {
  const error = thrown(() => render(markdown, context));
  expectError(error, 'E_MARKDOWN', FILE);
  return error;
}

describe('renderMarkdown: raw HTML is shown, never passed through', () => {
  it.each([
    ['inline bold', 'Hello <b>x</b> there', '<p>Hello &lt;b&gt;x&lt;/b&gt; there</p>\n'],
    [
      'an inline image with a handler',
      'Hello <img src=x onerror=alert(1)> there',
      '<p>Hello &lt;img src=x onerror=alert(1)&gt; there</p>\n',
    ],
    [
      'a block image with a handler',
      '<img src=x onerror=alert(1)>',
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n',
    ],
    [
      'an iframe block',
      '<iframe src="file:///etc/passwd"></iframe>',
      '<p>&lt;iframe src=&quot;file:///etc/passwd&quot;&gt;&lt;/iframe&gt;</p>\n',
    ],
    ['a comment', 'a <!-- hidden --> b', '<p>a &lt;!-- hidden --&gt; b</p>\n'],
    [
      'a style block',
      '<style>body{display:none}</style>',
      '<p>&lt;style&gt;body{display:none}&lt;/style&gt;</p>\n',
    ],
  ])('escapes %s', (_label, markdown, html) => {
    expect(render(markdown)).toBe(html);
  });

  it('leaves no element but ours: one <img> for one Markdown image', () => {
    const html = render(
      '<img src=x onerror=alert(1)>\n\nText <img src=y> and ![A photo](photo.jpg) <svg onload=alert(1)>',
    );
    const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)];
    expect(tags.map((tag) => tag[1])).toEqual(['p', 'p', 'img']);
    expect(tags[2]?.[0]).toBe('<img src="assets/photo.jpg" alt="A photo">');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it.each([
    ['a block <script>', 'Intro.\n\n<script>alert(1)</script>\n\nEnd.', FIRST_LINE + 2],
    ['an inline <script>', 'Intro.\n\nSome <script>alert(1)</script> text.', FIRST_LINE + 2],
    ['an upper-case <SCRIPT src>', 'Intro.\n\n\nSee <SCRIPT src="x.js"></SCRIPT>', FIRST_LINE + 3],
    ['a <script > on the second line', 'One\ntwo <script >x</script >', FIRST_LINE + 1],
  ])('refuses %s with its line in the file', (_label, markdown, line) => {
    const error = refused(markdown);
    expect(error.problems).toEqual([
      { file: FILE, line, message: '<script> is not allowed in a press release' },
    ]);
  });

  it('shows a <script> inside code as code, without complaint', () => {
    expect(render('Type `<script>` here.')).toBe('<p>Type <code>&lt;script&gt;</code> here.</p>\n');
    expect(render('```html\n<script>alert(1)</script>\n```')).toBe(
      '<pre><code class="language-html">&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n',
    );
  });

  it('reports every problem of a body at once, in order', () => {
    const error = refused('<script>a</script>\n\n[x](javascript:alert(1))\n\n![](photo.jpg)\n');
    expect(error.problems.map((problem) => problem.line)).toEqual([
      FIRST_LINE,
      FIRST_LINE + 2,
      FIRST_LINE + 4,
    ]);
  });
});

describe('renderMarkdown: links', () => {
  it.each([
    ['javascript:alert(1)', /uses javascript:/],
    ['JAVASCRIPT:alert(1)', /uses javascript:/],
    ['  javascript:alert(1)', /uses javascript:/],
    ['<javascript:alert(1)>', /uses javascript:/],
    ['<java\tscript:alert(1)>', /uses javascript:|must be a web address/],
    ['data:text/html,<b>x</b>', /uses data:/],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', /uses data:/],
    ['file:///etc/passwd', /uses file:/],
    ['vbscript:msgbox(1)', /uses vbscript:/],
    ['ftp://example.org/a', /uses ftp:/],
    ['//evil.com', /must be a web address or a path inside the kit/],
    ['/abs', /must be a web address or a path inside the kit/],
    ['\\\\server\\share', /must be a web address or a path inside the kit/],
    ['../out', /points outside the kit/],
    ['assets/../../out', /points outside the kit/],
    ['http://', /is not a valid URL/],
  ])('refuses [x](%s) with its line', (href, message) => {
    const error = refused(`First paragraph.\n\nSee [x](${href}) here.\n`);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.line).toBe(FIRST_LINE + 2);
    expect(error.problems[0]?.message).toMatch(message);
  });

  it.each([
    ['autolink', 'See <javascript:alert(1)>.'],
    ['reference link', 'See [x][evil].\n\n[evil]: javascript:alert(1)'],
    ['link inside emphasis', 'See *[x](javascript:alert(1))*.'],
    ['link inside a list', '- See [x](javascript:alert(1))'],
    ['link in a table', '| a |\n| - |\n| [x](javascript:alert(1)) |'],
    ['link in a heading', '## [x](javascript:alert(1))'],
  ])('refuses javascript: in a %s', (_label, markdown) => {
    expect(refused(markdown).problems[0]?.message).toMatch(/javascript:/);
  });

  it('does not turn java&#x09;script: into an executable link', () => {
    // CommonMark decodes the entity to a tab, which browsers drop from a scheme. Either refuse
    // the link or write it so that it stays a harmless relative path.
    let html: string | undefined;
    try {
      html = render('[x](java&#x09;script:alert(1))');
    } catch (error) {
      expectError(error as PresskitError, 'E_MARKDOWN', FILE);
    }
    if (html !== undefined) {
      const href = /href="([^"]*)"/.exec(html)?.[1] ?? '';
      const asBrowserSees = href.replace(/&amp;/g, '&').replace(/[\t\n\r]/g, '');
      expect(asBrowserSees.toLowerCase()).not.toMatch(/^javascript:/);
      expect(href).not.toContain('\t');
    }
  });

  it.each([
    ['http://example.org/a?b=1&c=2', 'http://example.org/a?b=1&amp;c=2'],
    ['https://www.iom.int/fr', 'https://www.iom.int/fr'],
    ['mailto:oheadon@iom.int', 'mailto:oheadon@iom.int'],
    ['tel:+12126817000', 'tel:+12126817000'],
    ['#contacts', '#contacts'],
    ['assets/x.pdf', 'assets/x.pdf'],
    ['contacts/olivia-headon.vcf', 'contacts/olivia-headon.vcf'],
  ])('allows [x](%s)', (href, attribute) => {
    expect(render(`[x](${href})`)).toBe(`<p><a href="${attribute}">x</a></p>\n`);
  });

  it('escapes a link title and keeps it', () => {
    expect(render('[x](https://example.org "A \\"quoted\\" <title>")')).toBe(
      '<p><a href="https://example.org" title="A &quot;quoted&quot; &lt;title&gt;">x</a></p>\n',
    );
  });

  it('turns bare URLs into links (GFM) and checks them like the others', () => {
    expect(render('Visit https://example.org now')).toBe(
      '<p>Visit <a href="https://example.org">https://example.org</a> now</p>\n',
    );
  });
});

describe('renderMarkdown: images', () => {
  it('writes the kit path and alt text of a prepared image', () => {
    expect(render('![Deux ministres](photo.jpg "Bruxelles")')).toBe(
      '<p><img src="assets/photo.jpg" alt="Deux ministres" title="Bruxelles"></p>\n',
    );
  });

  it('decodes character references in alt text and titles, as CommonMark does', () => {
    expect(
      render(
        '![&Eacute;tat &amp; &oelig;uvre](photo.jpg "Acme&trade;") [a](https://x.org "&oelig;")',
      ),
    ).toBe(
      '<p><img src="assets/photo.jpg" alt="État &amp; œuvre" title="Acme™"> <a href="https://x.org" title="œ">a</a></p>\n',
    );
  });

  it('refuses an image without alt text, showing how to write it', () => {
    const error = refused('Intro.\n\n![](photo.jpg)');
    expect(error.problems[0]).toMatchObject({ line: FIRST_LINE + 2 });
    expect(error.problems[0]?.message).toContain('![description](photo.jpg)');
  });

  it('refuses an image the assets stage did not prepare', () => {
    const error = refused('![A](https://example.com/a.png)');
    expect(error.problems[0]?.message).toMatch(/was not prepared/);
  });

  it('imageHrefs lists every image in order, wherever it sits', () => {
    expect(
      imageHrefs(
        '![a](one.png) text\n\n- ![b](two.jpg)\n\n> ![c](https://example.com/three.png)\n\n[![d](four.svg)](https://x.org)\n\n![e][ref]\n\n[ref]: ../../etc/passwd.png',
      ),
    ).toEqual([
      'one.png',
      'two.jpg',
      'https://example.com/three.png',
      'four.svg',
      '../../etc/passwd.png',
    ]);
  });
});

describe('renderMarkdown: structure', () => {
  it('shifts headings one level down, so the page keeps its only h1', () => {
    expect(render('# Un\n\n## Deux\n\n##### Cinq\n\n###### Six')).toBe(
      '<h2>Un</h2>\n<h3>Deux</h3>\n<h6>Cinq</h6>\n<h6>Six</h6>\n',
    );
  });

  it('honours another heading offset', () => {
    expect(render('# Un', { headingOffset: 2 })).toBe('<h3>Un</h3>\n');
  });

  it('with an automatic offset, makes the shallowest heading an h2, wherever it is', () => {
    const auto = { headingOffset: 'auto' } as const;
    expect(render('## Deux\n\n### Trois', auto)).toBe('<h2>Deux</h2>\n<h3>Trois</h3>\n');
    expect(render('### Trois\n\n> # Un', auto)).toBe(
      '<h4>Trois</h4>\n<blockquote>\n<h2>Un</h2>\n</blockquote>\n',
    );
    expect(render('Text only.', auto)).toBe('<p>Text only.</p>\n');
  });

  it('puts the dateline inside the first paragraph, and only there', () => {
    const html = render('## Heading\n\nFirst paragraph.\n\nSecond paragraph.', {
      leadPrefixHtml: '<span class="dateline">BRUSSELS, Oct. 4, 2016 —</span> ',
    });
    expect(html).toBe(
      '<h3>Heading</h3>\n<p><span class="dateline">BRUSSELS, Oct. 4, 2016 —</span> First paragraph.</p>\n<p>Second paragraph.</p>\n',
    );
  });

  it('still shows the dateline when the body has no paragraph', () => {
    expect(render('## Only a heading', { leadPrefixHtml: '<span>X —</span>' })).toBe(
      '<p><span>X —</span></p>\n<h3>Only a heading</h3>\n',
    );
  });

  it('renders lists, quotes, code and tables', () => {
    expect(render('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n');
    expect(render('> quoted')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>\n');
    expect(render('```\n<b>&amp;\n```')).toBe('<pre><code>&lt;b&gt;&amp;amp;\n</code></pre>\n');
  });
});

describe('renderMarkdown: text', () => {
  it('applies French typography to prose, not to code spans or link URLs', () => {
    const html = render(
      'Il a dit : « bonjour » ! Voir `a:b; c!` et [le site](https://example.org/a:b?c=1;d!) "fin"',
      { lang: 'fr' },
    );
    expect(html).toBe(
      `<p>Il a dit${NBSP}: «${NNBSP}bonjour${NNBSP}»${NNBSP}! Voir <code>a:b; c!</code> et ` +
        `<a href="https://example.org/a:b?c=1;d!">le site</a> «${NNBSP}fin${NNBSP}»</p>\n`,
    );
  });

  it('applies English quotes in English and leaves code alone', () => {
    expect(render(`"Hello," she said. It's \`"raw"\`...`)).toBe(
      '<p>“Hello,” she said. It’s <code>&quot;raw&quot;</code>…</p>\n',
    );
  });

  it('leaves typography of an unknown language alone', () => {
    expect(render('"a" : b', { lang: 'sw' })).toBe('<p>&quot;a&quot; : b</p>\n');
  });

  it.each([
    ['Tom &amp; Jerry', 'Tom &amp; Jerry'],
    ['AT&T', 'AT&amp;T'],
    ['&lt;b&gt;', '&lt;b&gt;'],
    ['&amp;lt;', '&amp;lt;'],
    ['&copy; 2016 &#233;t&#xE9;', '© 2016 été'],
    ['&unknown; stays', '&amp;unknown; stays'],
    ['\\<b\\>', '&lt;b&gt;'],
  ])('decodes entities exactly once: %s', (markdown, inner) => {
    expect(render(markdown)).toBe(`<p>${inner}</p>\n`);
  });

  it('keeps entities in code spans literal, escaped once', () => {
    expect(render('`&amp;` and `<b>`')).toBe(
      '<p><code>&amp;amp;</code> and <code>&lt;b&gt;</code></p>\n',
    );
  });
});

describe('rawLocator', () => {
  it.each([
    ['first', 'first\nsecond', 1],
    ['second', 'first\nsecond', 2],
    ['third', 'a\n\nthird', 3],
  ])('finds %s', (raw, source, offset) => {
    expect(rawLocator(source, 7)(raw)).toBe(6 + offset);
  });

  it('is undefined when the text is not there', () => {
    expect(rawLocator('abc', 1)('zzz')).toBeUndefined();
  });

  it('finds the next occurrence of a repeated text', () => {
    const locate = rawLocator('[a](javascript:x)\n\n[a](javascript:x)', 1);
    expect([locate('[a](javascript:x)'), locate('[a](javascript:x)')]).toEqual([1, 3]);
  });
});
