import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactCards } from '../../src/contacts/cards.js';
import { renderPageMarkup } from '../../src/html/page.js';
import type { Theme } from '../../src/html/templates.js';
import { REPO } from '../e2e/helpers.js';
import { releaseFrom } from '../release/helpers.js';

const YAML = `title: A headline
subtitle: A subtitle
lang: en
date: 2026-11-27
region: Europe
summary: One sentence.
organization:
  name: Acme
contacts:
  - name: Jane Doe
    role: Spokesperson
    organization: Acme
    office: Brussels office
    phone: +32 2 555 01 00
    email: press@acme.example
    url: https://acme.example/press
    address:
      street: Rue Montoyer 40
      locality: Brussels
      country: Belgium
boilerplate: About Acme.`;

/** Every key of a context, its nested mappings' as `parent.key`, list items' as `list.key`. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keysOf(item, prefix));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]) => [
    `${prefix}${key}`,
    ...(Array.isArray(member) && member.every((item) => typeof item === 'string')
      ? []
      : keysOf(member, `${prefix}${key}.`)),
  ]);
}

describe('docs/templates.md', () => {
  it("names every variable the page's templates are given", async () => {
    const contexts: object[] = [];
    const theme: Theme = {
      dirs: [],
      render: async (_name, context, globals) => {
        contexts.push({ ...context, ...globals });
        // presskit adds its lifecycle tags before </head>.
        return '<head></head>';
      },
      file: async () => '',
      parseAll: async () => [],
    };
    const release = releaseFrom(YAML);
    await renderPageMarkup({
      release,
      lifecycle: 'published',
      settings: {
        root: '/project',
        paper: 'A4',
        vcardVersion: '3.0',
        vcardCharset: false,
        baseUrl: 'https://press.acme.example/',
        maxAssetBytes: 1,
      },
      theme,
      bodyHtml: '<p>Body.</p>',
      boilerplateHtml: '<p>About.</p>',
      assets: [],
      cards: await contactCards(release, { vcardVersion: '3.0' }),
      generator: 'presskit test',
      assetSrc: () => '',
      print: false,
    });
    const docs = await readFile(join(REPO, 'docs/templates.md'), 'utf8');
    const keys = keysOf(contexts[0]);
    expect(keys).toContain('contacts.address');
    const undocumented = keys.filter((key) => !docs.includes(`\`${key.split('.').pop()}\``));
    expect(undocumented).toEqual([]);
  });
});
