import { describe, expect, it } from 'vitest';
import { checkLink } from '../../src/markdown/link-policy.js';

describe('checkLink', () => {
  it.each([
    ['https://www.iom.int/fr', 'https://www.iom.int/fr'],
    ['HTTP://EXAMPLE.ORG', 'HTTP://EXAMPLE.ORG'],
    ['  https://example.org  ', 'https://example.org'],
    ['mailto:oheadon@iom.int?subject=Accord', 'mailto:oheadon@iom.int?subject=Accord'],
    ['tel:+1-212-681-7000;ext=221', 'tel:+1-212-681-7000;ext=221'],
    ['#contacts', '#contacts'],
    ['assets/dossier.pdf', 'assets/dossier.pdf'],
    ['./assets/photo.jpg', './assets/photo.jpg'],
    ['contacts/olivia-headon.vcf#card', 'contacts/olivia-headon.vcf#card'],
    ['file-with..dots.pdf', 'file-with..dots.pdf'],
    ['assets/a.pdf?x=../y', 'assets/a.pdf?x=../y'],
  ])('allows %s', (href, written) => {
    expect(checkLink(href)).toEqual({ ok: true, href: written });
  });

  it.each([
    ['javascript:alert(1)', 'javascript'],
    ['JavaScript:alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    ['java\nscript:alert(1)', 'javascript'],
    ['\u0000javascript:alert(1)', 'javascript'],
    [' \u0001javascript:alert(1)', 'javascript'],
    ['vbscript:msgbox(1)', 'vbscript'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    ['data:image/svg+xml;base64,PHN2Zz4=', 'data'],
    ['file:///etc/passwd', 'file'],
    ['ftp://example.org', 'ftp'],
    ['blob:https://example.org/uuid', 'blob'],
    ['chrome://settings', 'chrome'],
    ['C:\\Windows\\win.ini', 'c'],
  ])('refuses %s as the scheme %s', (href, scheme) => {
    const verdict = checkLink(href);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.reason).toContain(`uses ${scheme}:, which is not allowed`);
    }
  });

  it.each([
    ['//evil.example/x', /web address or a path inside the kit/],
    ['\\\\evil.example\\share', /web address or a path inside the kit/],
    ['/etc/passwd', /web address or a path inside the kit/],
    ['', /web address or a path inside the kit/],
    ['   ', /web address or a path inside the kit/],
    ['..', /outside the kit/],
    ['../secret.pdf', /outside the kit/],
    ['assets/../../secret.pdf', /outside the kit/],
    ['assets\\..\\..\\secret.pdf', /outside the kit/],
    ['http://', /not a valid URL/],
  ])('refuses %s', (href, reason) => {
    const verdict = checkLink(href);
    expect(verdict).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});
