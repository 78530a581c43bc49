import { describe, expect, it } from 'vitest';
import { unsafeSvgReason } from '../../src/assets/svg-safety.js';
import { ILLUSTRATOR_LOGO, INKSCAPE_LOGO, PLAIN_SVG, inSvg } from './svg-fixtures.js';

const reason = (svg: string | Uint8Array): Promise<string | undefined> =>
  unsafeSvgReason(typeof svg === 'string' ? Buffer.from(svg, 'utf8') : svg);

const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';

async function expectRefused(svg: string | Uint8Array, message: RegExp): Promise<void> {
  const why = await reason(svg);
  expect(why).toMatch(message);
  expect(why).not.toMatch(/[\n\r]/);
}

describe('unsafeSvgReason: files that ship', async () => {
  it.each([
    ['a plain SVG', PLAIN_SVG],
    ['a logo saved by Inkscape, with sodipodi, inkscape and RDF metadata', INKSCAPE_LOGO],
    ['a logo exported by Illustrator, with its DOCTYPE and <style>', ILLUSTRATOR_LOGO],
    [
      'a root written with a prefix',
      `<svg:svg xmlns:svg="${SVG}"><svg:rect width="1" height="1"/></svg:svg>`,
    ],
    [
      'SMIL animation of a transform and a colour',
      inSvg(
        '<rect width="4" height="4"><animateTransform attributeName="transform" type="rotate" ' +
          'from="0 2 2" to="360 2 2" dur="2s" repeatCount="indefinite"/>' +
          '<animate attributeName="fill" values="red;url(#g);blue" dur="1s"/></rect>',
      ),
    ],
    [
      'a motion path and a same-file <use>',
      inSvg(
        '<path id="p" d="M0 0L9 9"/><use href="#p"/><circle r="1">' +
          '<animateMotion dur="3s"><mpath href="#p"/></animateMotion></circle>',
      ),
    ],
    [
      'entities and character references XML itself defines',
      inSvg('<text>Fish &amp; chips &lt;3 &#233;t&#xE9;</text>'),
    ],
    ['a byte-order mark', `\uFEFF${PLAIN_SVG}`],
    [
      "XLink's descriptive attributes beside an embedded image",
      inSvg(
        `<image ${XLINK} xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" ` +
          'xlink:href="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1"/>',
      ),
    ],
    [
      'an ISO-8859-1 declaration on an ASCII-only file',
      `<?xml version="1.0" encoding="ISO-8859-1"?>${PLAIN_SVG}`,
    ],
    ['a namespace declared but unused', `<svg xmlns="${SVG}" xmlns:h="${XHTML}"><g/></svg>`],
  ])('accepts %s', async (_label, svg) => {
    expect(await reason(svg)).toBeUndefined();
  });

  it('accepts elements nested 256 deep: the root, 254 groups and a shape', async () => {
    expect(await reason(inSvg(`${'<g>'.repeat(254)}<rect/>${'</g>'.repeat(254)}`))).toBeUndefined();
  });
});

describe('unsafeSvgReason: scripts and foreign elements', async () => {
  it.each([
    ['<script>', inSvg('<script>alert(1)</script>'), /<script> at line 1: not an allowed SVG/],
    [
      '<svg:script> (SVG namespace, prefixed)',
      `<svg xmlns="${SVG}" xmlns:svg="${SVG}"><svg:script>alert(1)</svg:script></svg>`,
      /SVG contains <svg:script> at line 1: not an allowed SVG element/,
    ],
    [
      '<h:script> (XHTML namespace)',
      inSvg(`<h:script xmlns:h="${XHTML}">alert(1)</h:script>`),
      /<h:script> at line 1: an element in the XHTML namespace/,
    ],
    [
      'XHTML made the default namespace inside',
      inSvg(`<g><div xmlns="${XHTML}"><script>alert(1)</script></div></g>`),
      /<div> at line 1: an element in the XHTML namespace/,
    ],
    ['upper-case <SCRIPT>', inSvg('<SCRIPT>alert(1)</SCRIPT>'), /<SCRIPT> at line 1: not an/],
    ['mixed-case <Script>', inSvg('<Script>alert(1)</Script>'), /<Script> at line 1: not an/],
    [
      'MathML',
      inSvg('<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"/>'),
      /<m:math> at line 1: an element in the MathML namespace/,
    ],
    [
      'an unknown namespace',
      inSvg('<x:script xmlns:x="urn:example:evil"/>'),
      /<x:script> at line 1: an element in the unknown namespace "urn:example:evil"/,
    ],
    [
      'an element taken out of every namespace',
      inSvg('<g xmlns=""><script>alert(1)</script></g>'),
      /<g> at line 1: an element in no namespace/,
    ],
    [
      '<foreignObject>',
      inSvg(`<foreignObject><p xmlns="${XHTML}">x</p></foreignObject>`),
      /<foreignObject> at line 1: not an allowed SVG element/,
    ],
    ['<iframe>', inSvg('<iframe src="https://evil.example"/>'), /<iframe> at line 1: not/],
    ['<a> (a link)', inSvg('<a href="javascript:alert(1)"><rect/></a>'), /<a> at line 1: not/],
    ['an SVG font', inSvg('<font-face-uri href="https://x"/>'), /<font-face-uri> at line 1/],
    [
      'a script inside editor metadata',
      `<svg xmlns="${SVG}" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
        '<metadata><rdf:RDF><script>alert(1)</script></rdf:RDF></metadata></svg>',
      /<script> at line 1: not an allowed SVG element/,
    ],
  ])('refuses %s', (_label, svg, message) => expectRefused(svg, message));

  it('refuses 100,000 nested groups at once, without a crash', async () => {
    const depth = 100_000;
    await expectRefused(
      inSvg(`\n${'<g>'.repeat(depth)}${'</g>'.repeat(depth)}`),
      /^SVG nests elements more than 256 deep \(line 2\)$/,
    );
  });

  it('names the line of the element in the file', async () => {
    await expectRefused(inSvg('\n<rect/>\n\n<script\n>x</script>'), /<script> at line 4:/);
  });

  it('tells how many more problems there are', async () => {
    await expectRefused(
      inSvg('<script/><rect onclick="x"/><foreignObject/>'),
      /<script> at line 1: not an allowed SVG element \(and 2 more problems\)$/,
    );
  });

  it('finds a <script> far into a large file', async () => {
    await expectRefused(inSvg(`<desc>${'x'.repeat(100_000)}</desc><script>1</script>`), /<script>/);
  });
});

describe('unsafeSvgReason: attributes', async () => {
  it.each([
    [
      'onload',
      inSvg('<rect onload="alert(1)"/>'),
      /onload="alert\(1\)" on <rect> at line 1: an event handler/,
    ],
    ['ONLOAD', inSvg('<rect ONLOAD="alert(1)"/>'), /ONLOAD="alert\(1\)" on <rect>.*event handler/],
    ['OnClick', `<svg xmlns="${SVG}" OnClick="alert(1)"/>`, /OnClick=.*on <svg>.*event handler/],
    [
      'a handler in the XHTML namespace',
      inSvg(`<rect xmlns:h="${XHTML}" h:onload="alert(1)"/>`),
      /h:onload=.*event handler/,
    ],
    [
      'a handler in an editor namespace',
      inSvg('<rect xmlns:i="http://www.inkscape.org/namespaces/inkscape" i:onclick="x"/>'),
      /i:onclick=.*event handler/,
    ],
    ['a handler in xml:', inSvg('<rect xml:onload="x"/>'), /xml:onload=.*event handler/],
    [
      'a handler on a metadata element',
      `<svg xmlns="${SVG}" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd">` +
        '<sodipodi:namedview onload="alert(1)"/></svg>',
      /onload=.*on <sodipodi:namedview>.*event handler/,
    ],
    [
      'an unknown attribute',
      inSvg('<rect formaction="x"/>'),
      /formaction="x" on <rect>.*not an allowed attribute/,
    ],
    ['xml:base', inSvg('<g xml:base="https://evil.example/"/>'), /xml:base=.*not allowed/],
    ['xlink:from', inSvg(`<g ${XLINK} xlink:from="x"/>`), /xlink:from="x" on <g>.*not allowed/],
    [
      'an attribute in an unknown namespace',
      inSvg('<rect xmlns:e="urn:evil" e:x="1"/>'),
      /e:x="1" on <rect>.*the unknown namespace "urn:evil"/,
    ],
  ])('refuses %s', (_label, svg, message) => expectRefused(svg, message));

  it.each([
    ['an https image', '<image href="https://evil.example/x.png"/>'],
    ['an http xlink:href', `<image ${XLINK} xlink:href="http://evil.example/x.png"/>`],
    ['javascript:', '<use href="javascript:alert(1)"/>'],
    ['JavaScript: in xlink', `<use ${XLINK} xlink:href=" JavaScript:alert(1)"/>`],
    ['another file', '<use href="sprite.svg#icon"/>'],
    ['a protocol-relative URL', '<image href="//evil.example/x.png"/>'],
    ['a no-break space before #', '<use href="\u00a0#p"/>'],
    ['an SVG data URI', '<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'],
    ['an HTML data URI', '<image href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>'],
    ['a filter image', '<filter><feImage href="https://evil.example/x.png"/></filter>'],
    ['a textPath', '<text><textPath href="other.svg#p">x</textPath></text>'],
  ])('refuses a link to another resource: %s', async (_label, inner) => {
    await expectRefused(inSvg(inner), /href=.* at line 1: a link to another resource/);
  });

  it('refuses a link whose name has another case as not allowed', async () => {
    await expectRefused(
      inSvg('<image HREF="https://evil.example/x.png"/>'),
      /HREF=.*not an allowed attribute/,
    );
  });

  it('shows a value from the file on one line, short, without control characters', async () => {
    const why =
      (await reason(inSvg(`<rect onload="a\u0085\u202e-${'x'.repeat(200)}\n\tb"/>`))) ?? '';
    expect(why).toMatch(/onload="a -x{57}…" on <rect>/);
    expect(why).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });
});

describe('unsafeSvgReason: CSS', async () => {
  it.each([
    [
      'style="background:url(http://x)"',
      '<rect style="background:url(http://x)"/>',
      /style="background:url\(http:\/\/x\)" on <rect> at line 1: CSS that loads another resource: url\(http:\/\/x\)/,
    ],
    [
      'an upper-case, quoted URL()',
      `<rect style="fill:URL( 'https://x/a.svg#g' )"/>`,
      /CSS that loads another resource/,
    ],
    [
      'a presentation attribute',
      '<rect fill="url(https://x/p.svg#g)"/>',
      /fill=.*CSS that loads another resource/,
    ],
    [
      'url() in a <style>',
      '<style>rect{fill:url(//x/p.svg#g)}</style>',
      /<style> at line 1 with CSS that loads/,
    ],
    ['@import url()', '<style>@import url(x.css);</style>', /<style> at line 1 with CSS @import/],
    ['@import of a string', '<style>@IMPORT "x.css";</style>', /CSS @import/],
    ['a CSS escape', '<style>rect{fill:u\\72l(http://x)}</style>', /a CSS escape/],
    ['expression()', '<rect style="width:expression(alert(1))"/>', /CSS expression\(/],
    ['javascript:', '<style>a{b:javascript:alert(1)}</style>', /CSS javascript:/],
    ['image-set()', '<style>g{cursor:image-set("https://x/c.png" 1x)}</style>', /CSS image-set\(/],
    ['src()', '<style>g{mask:src("https://x/m.svg")}</style>', /CSS src\(/],
    ['a URL split by a comment', '<style>g{fill:u<!-- -->rl(https://x)}</style>', /CSS that loads/],
    ['a URL in CDATA', '<style><![CDATA[g{fill:url(https://x)}]]></style>', /CSS that loads/],
    [
      'a URL after a nested <style/>',
      '<style><style/>g{fill:url(https://x)}</style>',
      /CSS that loads/,
    ],
  ])('refuses %s', (_label, inner, message) => expectRefused(inSvg(inner), message));

  it('refuses markup hidden in CDATA, which an HTML parser would read as markup', async () => {
    await expectRefused(
      inSvg('<desc><![CDATA[</desc><img src=x onerror=alert(1)>]]></desc>'),
      /markup in a CDATA section at line 1/,
    );
  });
});

describe('unsafeSvgReason: animation', async () => {
  it.each([
    [
      'values="javascript:…"',
      '<animate attributeName="x" values="javascript:alert(1)"/>',
      /values="javascript:alert\(1\)" on <animate> at line 1: an animation value with a URL scheme/,
    ],
    [
      'values with a data: URL',
      '<animate attributeName="x" values="0;data:text/html,x"/>',
      /an animation value with a URL scheme/,
    ],
    [
      '<set to=…> a scheme',
      '<set attributeName="y" to="vbscript:x"/>',
      /to="vbscript:x" on <set>.*URL scheme/,
    ],
    ['from= a scheme', '<animate attributeName="x" from="https://x" to="0"/>', /from=.*URL scheme/],
    ['by= a scheme', '<animate attributeName="x" by="x:1"/>', /by=.*URL scheme/],
    [
      '<set> of href',
      '<set attributeName="href" to="#a"/>',
      /attributeName="href" on <set>.*not allowed to change/,
    ],
    [
      '<animate> of xlink:href',
      '<animate attributeName="xlink:href" values="#a;#b"/>',
      /attributeName="xlink:href".*not allowed to change/,
    ],
    [
      '<set> of an event handler',
      '<set attributeName="onclick" to="alert(1)"/>',
      /attributeName="onclick".*not allowed to change/,
    ],
    [
      '<set> of style',
      '<set attributeName="style" to="fill:red"/>',
      /attributeName="style".*not allowed to change/,
    ],
    [
      '<set> of a CSS URL',
      '<set attributeName="fill" to="url(//x/p#g)"/>',
      /to=.*CSS that loads another resource/,
    ],
  ])('refuses %s', (_label, inner, message) => expectRefused(inSvg(inner), message));
});

describe('unsafeSvgReason: XML beyond the elements', async () => {
  it.each([
    [
      'a DOCTYPE declaring an entity',
      `<!DOCTYPE svg [<!ENTITY x "y">]>${inSvg('<text>&x;</text>')}`,
      /^SVG contains a DOCTYPE with declarations/,
    ],
    [
      'XXE: an external entity',
      `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${inSvg('<text>&xxe;</text>')}`,
      /DOCTYPE with declarations/,
    ],
    [
      'a billion laughs',
      `<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${inSvg('<text>&b;</text>')}`,
      /DOCTYPE with declarations/,
    ],
    [
      'an entity never declared',
      inSvg('<text>&xxe;</text>'),
      /^SVG is not well-formed XML \(line 1: undefined entity\)$/,
    ],
    [
      '<?xml-stylesheet?>',
      `<?xml-stylesheet type="text/css" href="https://evil.example/x.css"?>${PLAIN_SVG}`,
      /processing instruction <\?xml-stylesheet\?> at line 1/,
    ],
    [
      'another processing instruction',
      inSvg('<?php echo 1; ?>'),
      /processing instruction <\?php\?>/,
    ],
    [
      'a DOCTYPE naming a DTD of its own',
      `<!DOCTYPE svg SYSTEM "http://evil.example/x.dtd">${PLAIN_SVG}`,
      /^SVG's DOCTYPE names a DTD other than the W3C's/,
    ],
    ['XML 1.1', `<?xml version="1.1"?>${PLAIN_SVG}`, /^SVG declares XML version 1\.1, not 1\.0$/],
    ['an unclosed tag', inSvg('<g><rect>'), /^SVG is not well-formed XML \(line 1: /],
    [
      'a duplicated attribute',
      inSvg('<rect x="1" x="2"/>'),
      /not well-formed XML \(line 1: duplicate attribute: x\)/,
    ],
    ['text after the root', `${PLAIN_SVG}<script>alert(1)</script>`, /not well-formed XML/],
    ['a comment with --', inSvg('<!-- a -- b -->'), /not well-formed XML/],
    ['an empty file', '', /not well-formed XML/],
    [
      'a root that is not <svg>',
      `<html xmlns="${XHTML}"><svg xmlns="${SVG}"/></html>`,
      /^SVG's root element is <html>, not <svg> in the SVG namespace$/,
    ],
    [
      'a root <svg> without xmlns',
      '<svg viewBox="0 0 1 1"><rect/></svg>',
      /^SVG lacks xmlns="http:\/\/www.w3.org\/2000\/svg" on its root <svg>/,
    ],
    [
      'a Shift_JIS declaration',
      `<?xml version="1.0" encoding="Shift_JIS"?>${PLAIN_SVG}`,
      /declares encoding="Shift_JIS" but is read as UTF-8/,
    ],
  ])('refuses %s', (_label, svg, message) => expectRefused(svg, message));

  it('refuses bytes that are not UTF-8, such as a Latin-1 export', async () => {
    const latin1 = Buffer.from(
      `<?xml version="1.0" encoding="ISO-8859-1"?>${inSvg('<title>Société</title>')}`,
      'latin1',
    );
    await expectRefused(latin1, /^SVG is not UTF-8 text: save it as UTF-8$/);
  });
});
