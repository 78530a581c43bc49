import type { SaxesAttributeNS, SaxesParser, SaxesTagNS } from 'saxes';
import {
  ACTIVE_NAMESPACES,
  ANIMATION_ELEMENTS,
  INERT_NAMESPACES,
  SVG_ELEMENTS,
  SVG_NS,
  XLINK_NS,
  XML_NS,
  XMLNS_NS,
  isAllowedSvgAttribute,
} from './svg-allowlist.js';
import { unsafeCssReason } from './svg-css.js';

/**
 * Why an SVG may not ship, or undefined when it is safe to open on its own. An SVG opened
 * directly (not through <img>) runs its scripts and loads what it names, so the file is
 * parsed as the browser parses it (strict, namespace-aware XML: saxes) and every element
 * and attribute must be on the allowlist of svg-allowlist.ts. The first problem is told,
 * with how many more there are.
 */
export async function unsafeSvgReason(bytes: Uint8Array): Promise<string | undefined> {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'SVG is not UTF-8 text: save it as UTF-8';
  }
  // Loaded only when a kit has an SVG: most builds never need an XML parser.
  const { SaxesParser } = await import('saxes');
  const [first, ...others] = svgProblems(text, new SaxesParser({ xmlns: true }));
  if (first === undefined) return undefined;
  if (others.length === 0) return first;
  return `${first} (and ${others.length} more problem${others.length > 1 ? 's' : ''})`;
}

/**
 * No drawing nests this deep, and saxes resolves a namespace by walking up the open
 * elements, so that nesting costs time as the square of its depth (20,000 levels: 14 s).
 */
const MAX_DEPTH = 256;
const TOO_DEEP = new Error('too deep');

function svgProblems(text: string, parser: Parser): string[] {
  const problems: string[] = [];
  watchProlog(parser, text, problems);
  watchElements(parser, problems);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error !== TOO_DEEP) problems.push(`SVG is not well-formed XML (${parseErrorText(error)})`);
  }
  return problems;
}

type Parser = SaxesParser<{ xmlns: true }>;

/** What comes before the root, and processing instructions anywhere. */
function watchProlog(parser: Parser, text: string, problems: string[]): void {
  parser.on('xmldecl', ({ version, encoding }) => {
    // XML 1.1 has other rules for characters and line ends than browsers' 1.0.
    if (version !== '1.0') {
      problems.push(`SVG declares XML version ${shown(version ?? '')}, not 1.0`);
    }
    const problem = encodingProblem(encoding, text);
    if (problem) problems.push(problem);
  });
  // An internal subset declares entities (XXE, billion laughs), which no drawing needs.
  // Browsers never load an external DTD, but other readers may: only the W3C's.
  parser.on('doctype', (doctype) => {
    if (doctype.includes('[')) {
      problems.push('SVG contains a DOCTYPE with declarations ([…]): remove that part');
    } else if (/\b(?:SYSTEM|PUBLIC)\b/.test(doctype) && !W3C_DTD.test(doctype)) {
      problems.push("SVG's DOCTYPE names a DTD other than the W3C's: remove the DOCTYPE");
    }
  });
  // Such as <?xml-stylesheet?>, which loads CSS or XSLT. The XML declaration is no PI.
  parser.on('processinginstruction', ({ target }) => {
    problems.push(`SVG contains the processing instruction <?${target}?> at line ${parser.line}`);
  });
}

const W3C_DTD = /["']https?:\/\/www\.w3\.org\/[^"'<>]*\.dtd["']\s*$/;

/** The root, then every element and its attributes; nesting depth is bounded. */
function watchElements(parser: Parser, problems: string[]): void {
  const styles = styleChecker(problems);
  let tagLine = 1;
  let depth = 0;
  let root: 'unseen' | 'svg' | 'refused' = 'unseen';
  parser.on('opentagstart', () => {
    // Called once the character after the name is read, which may have been a newline.
    tagLine = parser.column === 0 ? parser.line - 1 : parser.line;
    if (depth === MAX_DEPTH) {
      problems.push(`SVG nests elements more than ${MAX_DEPTH} deep (line ${tagLine})`);
      throw TOO_DEEP;
    }
  });
  parser.on('opentag', (tag) => {
    if (!tag.isSelfClosing) depth++;
    if (root === 'unseen') {
      const problem = rootProblem(tag);
      root = problem ? 'refused' : 'svg';
      if (problem) problems.push(problem);
    }
    if (root === 'svg') problems.push(...tagProblems(tag, tagLine));
    styles.opened(tag, tagLine);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
    styles.closed(tag);
  });
  parser.on('text', styles.text);
  parser.on('cdata', (cdata) => {
    // Markup in CDATA is text to XML but markup to an HTML parser, should a server send
    // the file as text/html; CSS never needs it.
    if (cdata.includes('<')) {
      problems.push(`SVG contains markup in a CDATA section at line ${parser.line}`);
    }
    styles.text(cdata);
  });
}

interface StyleChecker {
  opened(tag: SaxesTagNS, tagLine: number): void;
  text(chunk: string): void;
  closed(tag: SaxesTagNS): void;
}

/** The CSS of each <style>, all its text however split (comments, CDATA, nested tags). */
function styleChecker(problems: string[]): StyleChecker {
  let depth = 0;
  let line = 0;
  let css = '';
  return {
    opened(tag, tagLine) {
      if (isSvgStyle(tag) && depth++ === 0) line = tagLine;
    },
    text(chunk) {
      if (depth > 0) css += chunk;
    },
    closed(tag) {
      if (!isSvgStyle(tag) || --depth > 0) return;
      const unsafe = unsafeCssReason(css);
      if (unsafe) problems.push(`SVG contains a <style> at line ${line} with ${unsafe}`);
      css = '';
    },
  };
}

const isSvgStyle = (tag: SaxesTagNS): boolean => tag.uri === SVG_NS && tag.local === 'style';

function rootProblem(tag: SaxesTagNS): string | undefined {
  if (tag.uri === SVG_NS && tag.local === 'svg') return undefined;
  if (tag.local === 'svg' && tag.uri === '') {
    return `SVG lacks xmlns="${SVG_NS}" on its root <svg>: browsers do not show it as SVG`;
  }
  return `SVG's root element is <${tag.name}>, not <svg> in the SVG namespace`;
}

function tagProblems(tag: SaxesTagNS, line: number): string[] {
  const where = `<${tag.name}> at line ${line}`;
  const problems: string[] = [];
  const element = elementProblem(tag);
  if (element) problems.push(`SVG contains ${where}: ${element}`);
  for (const attribute of Object.values(tag.attributes)) {
    const problem = attributeProblem(tag, attribute);
    if (problem) {
      problems.push(
        `SVG contains ${attribute.name}="${shown(attribute.value)}" on ${where}: ${problem}`,
      );
    }
  }
  return problems;
}

function elementProblem(tag: SaxesTagNS): string | undefined {
  if (tag.uri === SVG_NS) {
    return SVG_ELEMENTS.has(tag.local) ? undefined : 'not an allowed SVG element';
  }
  return INERT_NAMESPACES.has(tag.uri) ? undefined : `an element in ${namespaceName(tag.uri)}`;
}

function attributeProblem(element: SaxesTagNS, attribute: SaxesAttributeNS): string | undefined {
  const { uri, local, value } = attribute;
  // Whatever its namespace or case: no editor's metadata needs one.
  if (/^on/i.test(local)) return 'an event handler';
  // A namespace declaration: the elements and attributes that use it are checked.
  if (uri === XMLNS_NS) return undefined;
  if (local === 'href' && (uri === '' || uri === XLINK_NS)) return hrefProblem(value);
  if (uri === '') return plainAttributeProblem(element, local, value);
  if (uri === XML_NS) return local === 'space' || local === 'lang' ? undefined : 'not allowed';
  if (uri === XLINK_NS) return INERT_XLINK.has(local) ? undefined : 'not allowed';
  return INERT_NAMESPACES.has(uri) ? undefined : `an attribute in ${namespaceName(uri)}`;
}

function plainAttributeProblem(
  element: SaxesTagNS,
  local: string,
  value: string,
): string | undefined {
  const inSvg = element.uri === SVG_NS;
  if (inSvg && !isAllowedSvgAttribute(local)) return 'not an allowed attribute';
  const animation = inSvg && ANIMATION_ELEMENTS.has(element.local);
  return (animation ? animationProblem(local, value) : undefined) ?? unsafeCssReason(value);
}

/**
 * Animation stays (see ANIMATION_ELEMENTS) but may change only attributes the allowlist
 * accepts, never a link, a style or a handler, and never to a value with a URL scheme:
 * no SMIL value of a drawing holds a colon.
 */
function animationProblem(local: string, value: string): string | undefined {
  if (local === 'attributeName') {
    const target = value.trim().replace(/^[^:]*:/, '');
    const allowed = isAllowedSvgAttribute(target) && !/^(?:href|style|on.*)$/i.test(target);
    return allowed ? undefined : 'an animation of an attribute that is not allowed to change';
  }
  const isValue = local === 'values' || local === 'from' || local === 'to' || local === 'by';
  return isValue && value.includes(':') ? 'an animation value with a URL scheme' : undefined;
}

// XLink's descriptions, which browsers read on <a> alone (refused), never load.
const INERT_XLINK: ReadonlySet<string> = new Set([
  'title',
  'type',
  'show',
  'actuate',
  'role',
  'arcrole',
]);

// The URL parser strips only these around a URL: `\s` would let "\u00a0#x" pass, which
// is a relative link to another file.
const LOCAL_HREF = /^[\t\n\f\r ]*(?:#|data:image\/(?:png|jpeg|gif|webp)[;,])/i;

const hrefProblem = (value: string): string | undefined =>
  LOCAL_HREF.test(value)
    ? undefined
    : 'a link to another resource (only "#id" or an embedded PNG, JPEG, GIF or WebP image)';

function namespaceName(uri: string): string {
  if (uri === '') return `no namespace (SVG elements need xmlns="${SVG_NS}")`;
  const active = ACTIVE_NAMESPACES.get(uri);
  return active ? `the ${active} namespace` : `the unknown namespace "${shown(uri)}"`;
}

function encodingProblem(encoding: string | undefined, text: string): string | undefined {
  if (encoding === undefined || /^utf-?8$/i.test(encoding)) return undefined;
  // Plain ASCII reads the same in these, as a browser would read it.
  const asciiLabel = /^(?:us-ascii|ascii|iso-8859-1|iso-8859-15|latin1|windows-1252)$/i;
  if (asciiLabel.test(encoding) && /^[\x00-\x7f]*$/.test(text)) return undefined;
  return `SVG declares encoding="${shown(encoding)}" but is read as UTF-8: save it as UTF-8`;
}

function parseErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return shown(message.replace(/^(\d+):\d+: /, 'line $1: ').replace(/\.$/, ''));
}

/** A value from the file, short and on one line, without controls that act on a terminal. */
function shown(value: string): string {
  const plain = value
    .replace(/[\s\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .trim();
  return plain.length > 60 ? `${plain.slice(0, 60)}…` : plain;
}
