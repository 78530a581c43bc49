/** One style rule of a stylesheet, flattened: its selectors, declarations and at-rule context. */
export interface CssRule {
  /** Enclosing at-rules, outermost first, e.g. `['@media print']`. */
  context: string[];
  selectors: string[];
  /** Property → value, lower-case property names, values trimmed. */
  declarations: Map<string, string>;
}

/**
 * A small reader for the theme's own CSS (no strings containing braces, no escapes):
 * enough to ask "which rules apply to h2 in print", not a general CSS parser.
 */
export function cssRules(css: string): CssRule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: CssRule[] = [];
  // The open blocks, outermost first; the first is the stylesheet itself.
  const open: { prelude: string; body: string }[] = [{ prelude: '', body: '' }];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char !== '{' && char !== '}') continue;
    const chunk = text.slice(start, i);
    start = i + 1;
    const current = open[open.length - 1];
    if (!current) throw new Error('unbalanced braces in CSS');
    if (char === '{') {
      // A nested block (e.g. @page's margin boxes) may follow declarations of its parent.
      const cut = chunk.lastIndexOf(';') + 1;
      current.body += chunk.slice(0, cut);
      open.push({ prelude: chunk.slice(cut).trim(), body: '' });
      continue;
    }
    current.body += chunk;
    open.pop();
    if (open.length === 0) throw new Error('unbalanced braces in CSS');
    if (/^@(media|supports|layer|container)\b/.test(current.prelude)) continue;
    rules.push({
      context: open.slice(1).map((block) => block.prelude),
      selectors: current.prelude.split(',').map((selector) => selector.trim()),
      declarations: declarations(current.body),
    });
  }
  return rules;
}

function declarations(body: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of body.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    if (!/^[a-z-]+$/.test(property)) continue;
    map.set(property, part.slice(colon + 1).trim());
  }
  return map;
}

/** The `<style>` elements' text of a page. */
export function styleText(html: string): string {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
}
