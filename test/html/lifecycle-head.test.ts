import { describe, expect, it } from 'vitest';
import { isPresskitError } from '../../src/errors.js';
import { readLifecycle, withLifecycleHead } from '../../src/html/lifecycle-head.js';
import { listing } from '../../src/newsroom/kit-summary.js';

const PAGE = '<!DOCTYPE html><html><head><title>T</title></head><body></body></html>';

describe('the lifecycle tags presskit adds to a page, and reads back', () => {
  it('round-trips each lifecycle, noindex on all but a published kit', () => {
    for (const lifecycle of ['published', 'embargoed', 'draft', 'withdrawn'] as const) {
      const html = withLifecycleHead(PAGE, lifecycle, '2026-12-10T10:00:00+01:00');
      expect(html.includes('<meta name="robots" content="noindex">')).toBe(
        lifecycle !== 'published',
      );
      expect(html.indexOf('presskit-lifecycle')).toBeLessThan(html.indexOf('</head>'));
      expect(readLifecycle(html).lifecycle).toBe(lifecycle);
    }
    const embargoed = withLifecycleHead(PAGE, 'embargoed', '2026-12-10T10:00:00+01:00');
    expect(readLifecycle(embargoed)).toEqual({
      lifecycle: 'embargoed',
      embargo: '2026-12-10T10:00:00+01:00',
    });
  });

  it('takes a page without the tag for published, a word it does not know for a draft', () => {
    expect(readLifecycle(PAGE).lifecycle).toBe('published');
    const odd = PAGE.replace('</head>', '<meta name="presskit-lifecycle" content="secret">');
    expect(listing(readLifecycle(odd).lifecycle, undefined).publiclyListable).toBe(false);
  });

  it('only a published kit is publicly listable', () => {
    expect(listing('published', undefined).publiclyListable).toBe(true);
    for (const lifecycle of ['embargoed', 'draft', 'withdrawn'] as const)
      expect(listing(lifecycle, 'x').publiclyListable).toBe(false);
  });

  it('fails a theme page with no </head>, naming the template', () => {
    try {
      withLifecycleHead('<p>no head</p>', 'published', undefined);
      expect.unreachable();
    } catch (error) {
      expect(isPresskitError(error) && error.problems[0]?.file).toBe('page.liquid');
    }
  });
});
