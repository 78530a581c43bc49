import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRelease, splitRelease } from '../../src/release/load.js';
import { expectError, rejection, tempDir, thrown } from './helpers.js';

const FILE = 'releases/sample.md';
const split = (text: string) => splitRelease(text, '/project/releases/sample.md', FILE);

declare global {
  var __presskitPwned: boolean | undefined;
}

/** Frontmatter that, evaluated as JavaScript, sets a global and yields a valid-looking object. */
const PAYLOAD =
  "{ title: (globalThis.__presskitPwned = true, 'x'), lang: 'fr', date: '2016-10-04' }";

afterEach(() => {
  delete globalThis.__presskitPwned;
});

describe('splitRelease: fences', () => {
  it('splits frontmatter and body, and knows the line where the body starts', () => {
    const raw = split('---\ntitle: Titre\nlang: fr\n---\n\nPremier paragraphe.\n');
    expect(raw.frontmatter.data).toEqual({ title: 'Titre', lang: 'fr' });
    expect(raw.body).toBe('\nPremier paragraphe.\n');
    expect(raw.bodyLine).toBe(5);
    expect(raw.displayPath).toBe(FILE);
    expect(raw.sourceFile).toBe('/project/releases/sample.md');
  });

  it('keeps a later --- line in the body (a Markdown rule)', () => {
    const raw = split('---\ntitle: T\n---\nabove\n---\nbelow\n');
    expect(raw.frontmatter.data).toEqual({ title: 'T' });
    expect(raw.body).toBe('above\n---\nbelow\n');
  });

  it('accepts an explicit ---yaml fence and trailing spaces on fences', () => {
    expect(split('---yaml\ntitle: T\n---\nb').frontmatter.data).toEqual({ title: 'T' });
    expect(split('--- \ntitle: T\n---  \nb').frontmatter.data).toEqual({ title: 'T' });
  });

  it('starts the body on the line after the closing fence, trailing blanks or not', () => {
    for (const closing of ['---', '---  ', '---\t']) {
      const raw = split(`---\ntitle: T\n${closing}\nBody\n`);
      expect(raw.body).toBe('Body\n');
      expect(raw.bodyLine).toBe(4);
    }
    const empty = split('---\n---\nBody');
    expect(empty.body).toBe('Body');
    expect(empty.bodyLine).toBe(3);
    expect(split('---\ntitle: T\n---').body).toBe('');
  });

  it('closes only at a line of --- alone: a line that begins with --- is YAML', () => {
    const raw = split('---\ntitle: T\n---x: 1\nlang: fr\n---\nBody\n');
    expect(raw.frontmatter.data).toEqual({ title: 'T', '---x': '1', lang: 'fr' });
    expect(raw.bodyLine).toBe(6);
  });

  it('gives YAML line numbers in the file, counting the opening fence', () => {
    const raw = split('---\ntitle: T\nlang: fr\ncontacts:\n  - name: A\n    phone: "+32"\n---\n');
    expect(raw.frontmatter.lineOf(['title'])).toBe(2);
    expect(raw.frontmatter.lineOf(['contacts', 0, 'phone'])).toBe(6);
    expect(raw.frontmatter.lineOf(['missing'])).toBeUndefined();
  });

  it.each([
    ['no fence at all', 'title: T\nlang: fr\n\nBody', /must start with a line "---"/],
    ['a blank line before the fence', '\n---\ntitle: T\n---\nBody', /must start with a line "---"/],
    ['a fence that is not at the start', 'Intro\n---\ntitle: T\n---\n', /must start with/],
    ['a fence alone on the last line', '---', /must start with|not closed/],
    ['an unclosed frontmatter', '---\ntitle: T\nlang: fr\n\nBody text', /not closed/],
    ['a closing fence with text after it', '---\ntitle: T\n--- x\nBody', /not closed/],
    ['a four-dash opening fence', '----\ntitle: T\n---\nBody', /refused|must start/],
  ])('refuses %s with E_FRONTMATTER on line 1', (_label, text, message) => {
    const error = thrown(() => split(text));
    const problem = expectError(error, 'E_FRONTMATTER', FILE);
    expect(problem.message).toMatch(message);
    expect(problem.line).toBe(1);
  });
});

describe('splitRelease: frontmatter is data, never code', () => {
  it('the payload really runs when evaluated (control for the tests below)', () => {
    // What an eval()-ing frontmatter engine (gray-matter's default for ---js) would do.
    const evaluate = new Function(`return (${PAYLOAD});`);
    expect(evaluate()).toMatchObject({ title: 'x' });
    expect(globalThis.__presskitPwned).toBe(true);
  });

  it.each([
    ['---js', 'js'],
    ['---javascript', 'javascript'],
    ['--- js', 'js'],
    ['---JS', 'JS'],
    ['---JavaScript', 'JavaScript'],
    ['---js   ', 'js'],
    ['---\tjavascript', 'javascript'],
  ])('refuses "%s" and does not evaluate it', (fence, language) => {
    const error = thrown(() => split(`${fence}\n${PAYLOAD}\n---\nBody\n`));
    const problem = expectError(error, 'E_FRONTMATTER', FILE);
    expect(problem.line).toBe(1);
    expect(problem.message).toContain(`"${language}"`);
    expect(problem.message).toMatch(/refused/);
    expect(globalThis.__presskitPwned).toBeUndefined();
  });

  it.each(['coffee', 'cson', 'toml', 'json', 'yml', 'JSON'])(
    'refuses the "%s" engine too: only plain YAML is read',
    (language) => {
      const error = thrown(() => split(`---${language}\n{"title": "x"}\n---\nBody\n`));
      const problem = expectError(error, 'E_FRONTMATTER', FILE);
      expect(problem.message).toContain(`"${language}"`);
      expect(problem.line).toBe(1);
    },
  );

  it('refuses ---js read from disk through loadRelease, without running it', async () => {
    const dir = await tempDir();
    const file = join(dir, 'evil.md');
    await writeFile(file, `---js\r\n${PAYLOAD}\r\n---\r\nBody\r\n`);
    const error = await rejection(() => loadRelease(file, 'releases/evil.md'));
    expectError(error, 'E_FRONTMATTER', 'releases/evil.md');
    expect(globalThis.__presskitPwned).toBeUndefined();
  });

  it('does not evaluate JavaScript-looking YAML either: it stays a string', () => {
    const raw = split('---\ntitle: (globalThis.__presskitPwned = true, "x")\n---\n');
    expect(raw.frontmatter.data).toEqual({ title: '(globalThis.__presskitPwned = true, "x")' });
    expect(globalThis.__presskitPwned).toBeUndefined();
  });
});
