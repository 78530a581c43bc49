import { decodeEntities } from '../util/character-references.js';

export type LinkVerdict = { ok: true; href: string } | { ok: false; reason: string };

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * Links may go to the web (http, https), start an e-mail or a call (mailto, tel), or
 * point inside the kit (a relative path or `#fragment`). Anything else — javascript:,
 * data:, file:, protocol-relative or absolute paths — is refused.
 */
export function checkLink(href: string): LinkVerdict {
  // CommonMark decodes character references in link targets (java&#x09;script:).
  const trimmed = decodeEntities(href).trim();
  // Browsers ignore these characters inside a scheme ("java\tscript:"), so must we.
  const squeezed = trimmed.replace(/[\u0000-\u0020\u007F]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (!ALLOWED_SCHEMES.has(`${scheme}:`)) {
      return {
        ok: false,
        reason: `link "${trimmed}" uses ${scheme}:, which is not allowed (use http, https, mailto or tel)`,
      };
    }
    if ((scheme === 'http' || scheme === 'https') && !isAbsoluteUrl(squeezed)) {
      return { ok: false, reason: `link "${trimmed}" is not a valid URL` };
    }
    return { ok: true, href: trimmed };
  }
  if (trimmed.startsWith('#')) return { ok: true, href: trimmed };
  if (trimmed.startsWith('/') || trimmed.startsWith('\\') || trimmed === '') {
    return {
      ok: false,
      reason: `link "${trimmed}" must be a web address or a path inside the kit`,
    };
  }
  // Browsers decode %2e%2e to .. when they resolve the path.
  const segments = percentDecoded(trimmed.split(/[?#]/)[0] ?? '').split(/[\\/]/);
  if (segments.some((segment) => segment.trim() === '..')) {
    return { ok: false, reason: `link "${trimmed}" points outside the kit` };
  }
  return { ok: true, href: trimmed };
}

function percentDecoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function isAbsoluteUrl(value: string): boolean {
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
}
