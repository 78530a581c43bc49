/**
 * BENCHMARKS.md is written by two scripts: bench/run.js (the speed figures) and
 * bench/install-size.js (its "Installed size" section). Each replaces only its own part.
 */

/** The section starting at `heading` (up to the next `## ` heading), or '' if absent. */
export function section(markdown, heading) {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start === -1) return '';
  const next = markdown.indexOf('\n## ', start + heading.length + 2);
  return markdown.slice(start + 1, next === -1 ? undefined : next + 1).trimEnd();
}

/** `markdown` with the section at `heading` replaced by `lines` (appended if absent). */
export function replaceSection(markdown, heading, lines) {
  const old = section(markdown, heading);
  const text = lines.join('\n');
  if (old === '') return `${markdown.trimEnd()}\n\n${text}\n`;
  return markdown.replace(old, text);
}
