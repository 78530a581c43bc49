import type { KitLifecycle } from '../types.js';
import { PresskitError } from '../errors.js';
import { escapeHtml } from './escape.js';

/** The name of the meta element that records a kit's lifecycle, for the newsroom. */
export const LIFECYCLE_META = 'presskit-lifecycle';

/**
 * Adds, at the end of the page's head, what presskit rather than the theme must write: the
 * kit's lifecycle (which `presskit index` reads back to tell a listable kit from another,
 * e.g. after CI shards) and, for any kit but a published one, `noindex`. Added here so that
 * a theme's own page template cannot leave them out.
 */
export function withLifecycleHead(
  html: string,
  lifecycle: KitLifecycle,
  embargo: string | undefined,
  template = 'page.liquid',
): string {
  const at = html.indexOf('</head>');
  if (at < 0) {
    throw new PresskitError('E_TEMPLATE', {
      file: template,
      message: 'the template has no </head>: presskit adds its robots and lifecycle tags there',
    });
  }
  const content = lifecycle === 'embargoed' && embargo ? `embargoed; until=${embargo}` : lifecycle;
  const tags = [
    ...(lifecycle === 'published' ? [] : ['<meta name="robots" content="noindex">']),
    `<meta name="${LIFECYCLE_META}" content="${escapeHtml(content)}">`,
  ];
  return `${html.slice(0, at)}${tags.join('\n')}\n${html.slice(at)}`;
}

/** The lifecycle a page records, and its embargo; a page without the tag is published. */
export function readLifecycle(html: string): { lifecycle: KitLifecycle; embargo?: string } {
  const match = /<meta name="presskit-lifecycle" content="([a-z]+)(?:; until=([^"]*))?">/.exec(
    html,
  );
  const word = match?.[1];
  // A kit from before presskit recorded lifecycles has no tag; a word it does not know is
  // taken for the least public one.
  const lifecycle: KitLifecycle =
    word === undefined || word === 'published'
      ? 'published'
      : word === 'withdrawn' || word === 'embargoed'
        ? word
        : 'draft';
  return { lifecycle, ...(match?.[2] ? { embargo: match[2] } : {}) };
}
