/**
 * Chrome leaves some of what it paints outside any marked content: the page background and
 * the `@page` margin boxes (the page numbers). PDF/UA-1 (7.1, and Matterhorn 01-005) wants
 * all content either tagged or marked as an artifact; page furniture is an artifact. Every
 * graphics object painted outside marked content is wrapped in `/Artifact BMC … EMC`.
 */

const OPEN = '/Artifact BMC\n';
const CLOSE = '\nEMC';

const PATH = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

/** ISO 32000-1, 7.2.2: white-space characters. */
function isWhite(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 12 || code === 0;
}

/** White space or a delimiter `( ) < > [ ] { } / %`: where a regular token ends. */
function endsToken(code: number): boolean {
  return (
    isWhite(code) ||
    code === 40 ||
    code === 41 ||
    code === 60 ||
    code === 62 ||
    code === 91 ||
    code === 93 ||
    code === 123 ||
    code === 125 ||
    code === 47 ||
    code === 37
  );
}

function isHexOrWhite(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 70) ||
    (code >= 97 && code <= 102) ||
    isWhite(code)
  );
}

/**
 * `content` (a content stream, one character per byte) with every graphics object painted at
 * marked-content depth 0 (a path up to its painting operator, a text object, an XObject or
 * shading) wrapped as an artifact; undefined when there is none, or the stream cannot be read
 * safely: an inline image (binary data), unbalanced marked content, a literal string with
 * nested parentheses (Chrome writes text as hex strings).
 *
 * A scanner over character codes rather than a tokenising regular expression: a page's
 * stream is some hundred kilobytes, and only its operators need to become strings.
 */
export function markArtifacts(content: string): string | undefined {
  const inserts: number[] = [];
  const depthAtEnd = scanForArtifacts(content, inserts);
  if (depthAtEnd !== 0 || inserts.length === 0) return undefined;
  const parts: string[] = [];
  let from = 0;
  inserts.forEach((insertAt, index) => {
    parts.push(content.slice(from, insertAt), index % 2 === 0 ? OPEN : CLOSE);
    from = insertAt;
  });
  parts.push(content.slice(from));
  return parts.join('');
}

/** Where a stream cannot be read safely (see markArtifacts); a depth never reached. */
const UNREADABLE = -1;

/**
 * Fills `inserts` with where each artifact opens and closes; returns the marked-content
 * depth at the end (0 when balanced), or UNREADABLE. Its loop runs long enough for V8 to
 * optimise it mid-call (on-stack replacement), before the code after the loop ever ran:
 * that code then has no type feedback, and the optimised loop, reused for every later
 * stream, threw itself away on leaving the loop, every time (213 times in a 100-release
 * build). So nothing after the loop but a return: no property read, no comparison.
 */
function scanForArtifacts(content: string, inserts: number[]): number {
  const length = content.length;
  let depth = 0;
  let operandsAt: number | undefined;
  let pathAt: number | undefined;
  let textAt: number | undefined;
  let at = 0;
  while (at < length) {
    const start = at;
    const code = content.charCodeAt(at);
    if (isWhite(code)) {
      at++;
      continue;
    }
    if (code === 37) {
      // A comment, to the end of its line.
      while (at < length && content.charCodeAt(at) !== 10 && content.charCodeAt(at) !== 13) at++;
      continue;
    }
    let token: string;
    if (code === 40) {
      at = literalStringEnd(content, at);
      if (at < 0) return UNREADABLE;
      operandsAt ??= start;
      continue;
    } else if (code === 60) {
      if (content.charCodeAt(at + 1) === 60) {
        at += 2;
      } else {
        at++;
        while (at < length && isHexOrWhite(content.charCodeAt(at))) at++;
        if (content.charCodeAt(at) !== 62) return UNREADABLE;
        at++;
      }
      operandsAt ??= start;
      continue;
    } else if (code === 62) {
      if (content.charCodeAt(at + 1) !== 62) return UNREADABLE;
      at += 2;
      operandsAt ??= start;
      continue;
    } else if (code === 91 || code === 93) {
      at++;
      operandsAt ??= start;
      continue;
    } else if (code === 47) {
      at++;
      while (at < length && !endsToken(content.charCodeAt(at))) at++;
      operandsAt ??= start;
      continue;
    } else if (code === 41) {
      return UNREADABLE;
    } else if (code === 123 || code === 125) {
      at++;
      token = content[start] ?? '';
    } else {
      while (at < length && !endsToken(content.charCodeAt(at))) at++;
      // A number starts with a digit, a sign or a point (most of a page's tokens): no
      // string is made of it. Operators and the keywords are short.
      if ((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46) {
        operandsAt ??= start;
        continue;
      }
      token = content.slice(start, at);
      if (token === 'true' || token === 'false' || token === 'null') {
        operandsAt ??= start;
        continue;
      }
    }
    const opAt = operandsAt ?? start;
    operandsAt = undefined;
    if (token === 'BDC' || token === 'BMC') {
      if (depth === 0 && (textAt !== undefined || pathAt !== undefined)) return UNREADABLE;
      depth++;
    } else if (token === 'EMC') {
      if (depth === 0) return UNREADABLE;
      depth--;
    } else if (token === 'BI' || token === 'ID') {
      return UNREADABLE;
    } else if (depth > 0) {
      continue;
    } else if (token === 'BT') {
      textAt = opAt;
    } else if (textAt !== undefined) {
      if (token === 'ET') {
        inserts.push(textAt, at);
        textAt = undefined;
      }
    } else if (PATH.has(token)) {
      pathAt ??= opAt;
    } else if (PAINT.has(token)) {
      inserts.push(pathAt ?? opAt, at);
      pathAt = undefined;
    } else if (token === 'n') {
      pathAt = undefined;
    } else if (token === 'Do' || token === 'sh') {
      inserts.push(opAt, at);
    }
  }
  return textAt === undefined ? depth : UNREADABLE;
}

/** Where the literal string opening at `start` ends, or -1 if it does not (or nests). */
function literalStringEnd(content: string, start: number): number {
  let at = start + 1;
  while (at < content.length) {
    const code = content.charCodeAt(at);
    if (code === 92) {
      if (at + 1 >= content.length) return -1;
      at += 2;
    } else if (code === 40) {
      return -1;
    } else if (code === 41) {
      return at + 1;
    } else {
      at++;
    }
  }
  return -1;
}
