import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CssRule } from './css-rules.js';
import { cssRules, styleText } from './css-rules.js';
import type { BuiltProject } from './fixtures.js';
import {
  buildEnglishProject,
  buildSampleProject,
  ENGLISH_SLUG,
  HOSTILE_SLUG,
  SAMPLE_SLUG,
} from './fixtures.js';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // A press release's <title> is its headline, word for word: the sample's real headline
    // is 97 characters. long-title is search-snippet advice (engines cut the display
    // themselves), not validity or accessibility, and shortening would change what the
    // publisher said.
    'long-title': 'off',
  },
});

let sample: BuiltProject;
let english: BuiltProject;

beforeAll(async () => {
  [sample, english] = await Promise.all([buildSampleProject(), buildEnglishProject()]);
}, 240_000);

afterAll(async () => {
  await Promise.all([sample?.cleanup(), english?.cleanup()]);
});

/** Every page the two builds wrote: three kits and two newsroom indexes. */
function pages(): { name: string; file: string }[] {
  return [
    { name: 'sample kit', file: join(sample.kitDir(SAMPLE_SLUG), 'index.html') },
    { name: 'sample newsroom', file: join(sample.out, 'index.html') },
    { name: 'English kit', file: join(english.kitDir(ENGLISH_SLUG), 'index.html') },
    { name: 'hostile-title kit', file: join(english.kitDir(HOSTILE_SLUG), 'index.html') },
    { name: 'English newsroom', file: join(english.out, 'index.html') },
  ];
}

describe('html-validate (recommended + document presets)', () => {
  it.each([
    'sample kit',
    'sample newsroom',
    'English kit',
    'hostile-title kit',
    'English newsroom',
  ])('%s has no message at all', async (name) => {
    const page = pages().find((candidate) => candidate.name === name);
    if (!page) throw new Error(`no page named ${name}`);
    const report = await validator.validateFile(page.file);
    const messages = report.results.flatMap((result) =>
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('flags a page whose headings skip a level, so the check above can fail', async () => {
    const html = await readFile(join(english.kitDir(ENGLISH_SLUG), 'index.html'), 'utf8');
    const broken = html.replace(
      /<h2 id="media-heading">([^<]*)<\/h2>/,
      '<h4 id="media-heading">$1</h4>',
    );
    expect(broken).not.toBe(html);
    const report = await validator.validateString(broken);
    const rules = report.results.flatMap((result) => result.messages.map((m) => m.ruleId));
    expect(rules).toContain('heading-level');
  });
});

describe('print stylesheet', () => {
  let rules: CssRule[];
  beforeAll(async () => {
    rules = cssRules(
      styleText(await readFile(join(sample.kitDir(SAMPLE_SLUG), 'index.html'), 'utf8')),
    );
  });

  /** Declarations that apply to `selector` in print: rules outside any @media, or in print. */
  const printValue = (selector: string, property: string): string[] =>
    rules
      .filter((rule) => rule.context.every((at) => /^@media\s+print\b/.test(at)))
      .filter((rule) => rule.selectors.includes(selector))
      .flatMap((rule) => rule.declarations.get(property) ?? []);

  it.each(['h1', 'h2', 'h3', 'h4'])('keeps %s with what follows it', (heading) => {
    expect(printValue(heading, 'break-after')).toContain('avoid');
  });

  it.each(['blockquote', 'figure', '.contact'])('never splits %s across pages', (selector) => {
    expect(printValue(selector, 'break-inside')).toContain('avoid');
  });

  it('leaves at least three lines of a paragraph at the foot and the head of a page', () => {
    expect(printValue('p', 'orphans')).toContain('3');
    expect(printValue('p', 'widows')).toContain('3');
  });

  it('sets the paper and the margins, and numbers pages "Page n of total" in French words', () => {
    const page = rules.find((rule) => rule.selectors[0] === '@page' && rule.context.length === 0);
    expect(page?.declarations.get('size')).toBe('A4');
    expect(page?.declarations.get('margin')).toMatch(/^\d+mm/);
    const footer = rules.find(
      (rule) => rule.selectors[0] === '@bottom-center' && rule.context[0] === '@page',
    );
    expect(footer?.declarations.get('content')).toBe(
      '"Page " counter(page) " sur " counter(pages)',
    );
  });
});
