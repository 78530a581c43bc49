import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/project/config.js';
import {
  MINIMAL_YAML,
  expectError,
  problemFor,
  rejection,
  releaseFrom,
  tempDir,
  thrown,
  writeTree,
} from './helpers.js';

const FILE = 'releases/sample.md';
const ESC = 'contains a control character U+001B (ESC)';

describe('control characters in frontmatter fields', () => {
  it('refuses one written as a YAML escape, at the field line, naming it', () => {
    const error = thrown(() => releaseFrom('title: "Titre \\e[2J"\ndate: 2016-10-04\nlang: fr'));
    expectError(error, 'E_SCHEMA', FILE);
    expect(error.problems).toEqual([{ file: FILE, line: 2, field: 'title', message: ESC }]);
  });

  it('points at one written raw, with its column', () => {
    const error = thrown(() => releaseFrom('title: Ti\u001btre\ndate: 2016-10-04\nlang: fr'));
    expect(error.problems).toEqual([
      { file: FILE, line: 2, column: 10, field: 'title', message: ESC },
    ]);
  });

  it('refuses C1, DEL and bidi overrides in every kind of text field, each with its field', () => {
    const error = thrown(() =>
      releaseFrom(
        [
          MINIMAL_YAML,
          'subtitle: "a\\x9bb"',
          'region: "Europe\\x7f"',
          'tags: [ok, "\\x85next"]',
          'contacts:',
          '  - name: Eve',
          '    role: "Chief \\u202Eofficer"',
          '    email: "eve@example.org\\e"',
        ].join('\n'),
      ),
    );
    expect(problemFor(error, 'subtitle')).toMatchObject({
      line: 5,
      message: 'contains a control character U+009B (CSI)',
    });
    expect(problemFor(error, 'region').message).toBe('contains a control character U+007F (DEL)');
    expect(problemFor(error, 'tags[1]').message).toBe('contains a control character U+0085 (NEL)');
    expect(problemFor(error, 'contacts[0].role')).toMatchObject({
      line: 10,
      message: expect.stringMatching(/^contains a bidirectional override U\+202E \(RLO\)/),
    });
    // One problem for the e-mail: its control character, not also "not a valid e-mail".
    expect(problemFor(error, 'contacts[0].email').message).toBe(ESC);
  });

  it('reports each raw occurrence in a boilerplate block at its own file line', () => {
    const error = thrown(() =>
      releaseFrom(
        `${MINIMAL_YAML}\nboilerplate: |\n  About us.\n  We \u0007ring\n  \u009b31m and \u001b.`,
      ),
    );
    expect(error.problems).toEqual([
      {
        file: FILE,
        line: 7,
        column: 6,
        field: 'boilerplate',
        message: 'contains a control character U+0007 (BEL)',
      },
      {
        file: FILE,
        line: 8,
        column: 3,
        field: 'boilerplate',
        message: 'contains a control character U+009B (CSI)',
      },
      { file: FILE, line: 8, column: 12, field: 'boilerplate', message: ESC },
    ]);
  });
});

describe('control characters in the Markdown body', () => {
  it('refuses every occurrence, with its line and column, together with the frontmatter problems', () => {
    const body = [
      'First paragraph.',
      '',
      'Clear \u001b[2J the screen \u001b]0;retitled\u0007 now.',
      'Plain line.',
      '\tIndented \u009d code &#27;[0m',
      'A \u2067dangling isolate.',
    ].join('\n');
    const error = thrown(() =>
      releaseFrom('title: "Bad \\e"\ndate: 2016-10-04\nlang: fr', { body: `${body}\n` }),
    );
    expectError(error, 'E_SCHEMA', FILE);
    // Line 1 is "---", the YAML is lines 2-4, "---" is line 5: the body starts on line 6.
    expect(error.problems).toEqual([
      { file: FILE, line: 2, field: 'title', message: ESC },
      { file: FILE, line: 8, column: 7, message: ESC },
      { file: FILE, line: 8, column: 23, message: ESC },
      { file: FILE, line: 8, column: 35, message: 'contains a control character U+0007 (BEL)' },
      { file: FILE, line: 10, column: 11, message: 'contains a control character U+009D (OSC)' },
      { file: FILE, line: 10, column: 18, message: ESC },
      {
        file: FILE,
        line: 11,
        column: 3,
        message: 'contains U+2067 (RLI) not closed by U+2069 (PDI) on the same line',
      },
    ]);
    // Each problem prints as one line: the report itself carries no control character.
    for (const line of error.message.split('\n')) expect(line).not.toMatch(/\p{Cc}/u);
    expect(error.message.split('\n')).toHaveLength(7);
  });

  it('refuses a control in a release whose frontmatter is otherwise valid', () => {
    const error = thrown(() =>
      releaseFrom(MINIMAL_YAML, { body: 'Text\u0008\u0008\u0008 here.\n' }),
    );
    expect(error.problems.map((problem) => [problem.line, problem.column])).toEqual([
      [6, 5],
      [6, 6],
      [6, 7],
    ]);
  });

  it('accepts Arabic and Hebrew written with marks and balanced isolates', () => {
    const release = releaseFrom(
      'title: "المنظمة الدولية \u2067للهجرة\u2069 \u200F(IOM)"\ndate: 2016-10-04\nlang: ar',
      {
        body:
          'أعلنت المنظمة اليوم \u2068IOM\u2069 في \u200Fالقاهرة\u200E (Cairo) \u061C٢٠٢٦.\n\n' +
          'שלום \u2067עולם\u2069, \u202Bembedded\u202C.\n',
      },
    );
    expect(release.title).toContain('\u2067للهجرة\u2069 \u200F(IOM)');
    expect(release.body).toContain('\u2068IOM\u2069');
  });
});

describe('control characters in the project config', () => {
  it('refuses them in the boilerplate, per language, at the line', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'presskit.config.yaml': 'boilerplate:\n  fr: "À propos \\e]0;x\\a"\n  en: About\u009b.\n',
    });
    const error = await rejection(() => loadConfig(root));
    expect(error.code).toBe('E_CONFIG');
    expect(
      error.problems.map(({ line, column, field, message }) => ({ line, column, field, message })),
    ).toEqual([
      { line: 2, column: undefined, field: 'boilerplate.fr', message: ESC },
      {
        line: 3,
        column: 12,
        field: 'boilerplate.en',
        message: 'contains a control character U+009B (CSI)',
      },
    ]);
  });
});
