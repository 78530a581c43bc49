/**
 * CSS in an SVG (a <style> element, a style= attribute, a presentation attribute) may point
 * only inside the file: `url(#id)`. Anything else that loads (url() elsewhere, @import,
 * image-set(), src()) or runs (expression(), javascript:) is refused. CSS escapes are
 * refused outright, since `\75 rl(` is `url(` to a browser and no drawing needs one.
 * Why not a CSS parser: the question is only "can this fetch or run", which these tokens
 * answer once escapes are gone, and a looser parse than the browser's would be the hole.
 */
export function unsafeCssReason(css: string): string | undefined {
  if (css.includes('\\')) return 'a CSS escape (\\)';
  const found = /@import|(?:image-set|expression|src)\s*\(|javascript\s*:/i.exec(css);
  if (found) return `CSS ${found[0].replace(/\s+/g, '').toLowerCase()}`;
  for (const url of css.matchAll(/url\(/gi)) {
    const argument = css.slice(url.index + url[0].length);
    if (!/^\s*(['"]?)#[^'"()\s]*\1\s*\)/.test(argument)) {
      return `CSS that loads another resource: url(${clip(argument)}) (only url(#id) is allowed)`;
    }
  }
  return undefined;
}

const clip = (text: string): string => {
  const inside = text.slice(0, Math.max(0, text.indexOf(')'))) || text;
  return inside.length > 40 ? `${inside.slice(0, 40)}…` : inside;
};
