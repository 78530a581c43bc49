import { describe, expect, it } from 'vitest';
import { inlineStyles } from '../../src/wire/email-html.js';
import { absoluteLinks, kitLinks, rfc3339 } from '../../src/wire/links.js';
import { parseReleaseDate } from '../../src/release/dates.js';

const date = (text: string): string => {
  const parsed = parseReleaseDate(text);
  if (!parsed) throw new Error(`not a date: ${text}`);
  return rfc3339(parsed);
};

describe('links and dates of the files that travel without the kit', () => {
  it('writes RFC 3339 in the offset the author wrote', () => {
    expect(date('2016-10-04')).toBe('2016-10-04T00:00:00Z');
    expect(date('2026-11-27T10:00+01:00')).toBe('2026-11-27T10:00:00+01:00');
    expect(date('2026-11-27T23:30:05-05:30')).toBe('2026-11-27T23:30:05-05:30');
    expect(date('2026-11-27T10:00:00Z')).toBe('2026-11-27T10:00:00Z');
  });

  it('makes in-kit links absolute under a base URL, and leaves others as they are', () => {
    const links = kitLinks('a', 'https://press.example.org/news/');
    expect(links.zip).toBe('https://press.example.org/news/a.zip');
    const html =
      '<p><a href="assets/x&amp;y.pdf">f</a> <a href="#part">p</a> <a href="https://b.example/">b</a> <a href="mailto:x@example.org">m</a> <img src="assets/p.png" alt="href=&quot;q&quot;"></p>';
    expect(absoluteLinks(html, links)).toBe(
      '<p><a href="https://press.example.org/news/a/assets/x&amp;y.pdf">f</a> <a href="https://press.example.org/news/a/#part">p</a> <a href="https://b.example/">b</a> <a href="mailto:x@example.org">m</a> <img src="https://press.example.org/news/a/assets/p.png" alt="href=&quot;q&quot;"></p>',
    );
    expect(absoluteLinks(html, kitLinks('a', undefined))).toBe(html);
  });

  it('styles each element inline, and only elements', () => {
    expect(inlineStyles('<p>a &lt;p&gt; <a href="x">b</a></p><pre><code>c</code></pre>')).toBe(
      '<p style="margin:0 0 1em;">a &lt;p&gt; <a style="color:#0b5394;" href="x">b</a></p><pre style="white-space:pre-wrap;font-family:monospace;font-size:14px;"><code style="font-family:monospace;">c</code></pre>',
    );
  });
});
