import { describe, expect, it } from 'vitest';
import { problemsPage, withLiveReload } from '../../src/preview/live-reload.js';

describe('withLiveReload', () => {
  it('adds the script before </body> and widens only the page’s own policy', () => {
    const page =
      '<html><head><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;"></head><body><p>x</p></body></html>';
    expect(withLiveReload(page)).toBe(
      '<html><head><meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src \'self\'; connect-src \'self\'"></head><body><p>x</p><script src="/__presskit/live-reload.js"></script></body></html>',
    );
  });

  it('escapes the problems it shows', () => {
    const page = problemsPage(['releases/a.md:3: title: "<img src=x onerror=alert(1)>"']);
    expect(page).not.toContain('<img');
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
