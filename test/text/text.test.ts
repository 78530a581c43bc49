import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { splitRelease } from '../../src/release/load.js';
import { validateRelease } from '../../src/release/schema.js';
import { datelineText } from '../../src/locale/dateline.js';
import { TEXT_WIDTH, renderText } from '../../src/text/render-text.js';
import { wrap } from '../../src/text/wrap.js';
import stringWidth from 'string-width';
import type { Release } from '../../src/types.js';
import { releaseFrom } from '../release/helpers.js';

const LONG_URL =
  'https://www.example.org/press/2016/10/04/a-very-long-path-that-cannot-be-wrapped.pdf';

// One line per paragraph: soft line breaks are a known bug (KNOWN-BUGS.test.ts.txt).
const BODY = `Leaders met on **Tuesday** to sign a _framework_ agreement with the [International Organization for Migration](https://www.iom.int/en "IOM") after long talks, the ministry said.

## What the agreement says

"No state can act alone," said William Lacy Swing. The full text is at ${LONG_URL} for reference.

- Funding from **2017**
- A partnership on [research](https://www.iom.int/research)

1. First
2. Second

> Migration is one of the megatrends of our time.

Write to [the press desk](mailto:press@example.org) or call [the office](tel:+3225551234).

Code such as \`npm run build\` stays as written. Tom &amp; Jerry \\*not emphasis\\*.

Visit <https://www.iom.int> directly.

| Country | Year |
| ------- | ---- |
| Belgium | 1951 |

***
`;

const YAML = `title: Belgium and IOM sign a framework agreement for safer migration, with funding from 2017
subtitle: A partnership on research and humanitarian response
lang: en
date: 2016-10-04
kind: Press release
region: Global
dateline: Brussels
organization:
  name: IOM
boilerplate: >-
  Established in 1951, **IOM** is the leading inter-governmental organization in the field of
  migration. See [iom.int](https://www.iom.int).
contacts:
  - name: Olivia Headon
    role: Media officer
    organization: IOM
    office: New York office
    phone: +1 212 681 7000 ext. 221
    email: oheadon@iom.int
  - organization: IOM
    office: Press office
    email: press@iom.int
    url: https://www.iom.int/press`;

function textOf(release: Release): string {
  return renderText(release, datelineText(release));
}

describe('renderText: a full release', () => {
  const release = releaseFrom(YAML, { body: BODY });
  const text = textOf(release);
  const lines = text.split('\n');
  const endMark = lines.lastIndexOf('###');
  const bodyLines = lines.slice(0, endMark);

  it('has the parts in the conventional order', () => {
    const order = [
      'PRESS RELEASE — GLOBAL',
      'FOR IMMEDIATE RELEASE',
      'Belgium and IOM sign',
      'A partnership on research',
      'BRUSSELS, Oct. 4, 2016 — Leaders met on Tuesday',
      'What the agreement says',
      'About IOM',
      'Established in 1951, IOM is',
      'Media contacts',
      'Olivia Headon',
      '###',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(
      positions.every((position) => position >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text.startsWith('PRESS RELEASE — GLOBAL\n\nFOR IMMEDIATE RELEASE\n\n')).toBe(true);
  });

  it('puts the dateline, which carries the date, first in the lead paragraph', () => {
    const blocks = text.split('\n\n');
    const lead = blocks.findIndex((block) => block.includes('Leaders met'));
    expect(
      blocks[lead]?.startsWith('BRUSSELS, Oct. 4, 2016 — Leaders met on Tuesday to sign'),
    ).toBe(true);
    // Right after the headline block: no separate date line when the dateline has it.
    expect(blocks[lead - 1]?.startsWith('Belgium and IOM sign')).toBe(true);
    expect(text.match(/Oct\. 4, 2016/g)).toHaveLength(1);
  });

  it('leaves no Markdown syntax', () => {
    for (const line of bodyLines) {
      expect(line).not.toMatch(/\*\*|__|`|\]\(|^#|\[|\]|^>|^\|?\s*-{3,}/);
      expect(line).not.toMatch(/(^|\s)_\w|\w_(\s|$)/);
    }
    // A URL may be cut after a slash or a hyphen: such a line goes on without a space.
    const flat = text.replace(/(?<=[/-])\n/g, '').replace(/\s+/g, ' ');
    expect(flat).toContain('Tuesday to sign a framework agreement');
    expect(flat).toContain('Tom & Jerry *not emphasis*.');
    expect(flat).toContain('Code such as npm run build stays as written.');
    expect(text).toContain('\n\nWhat the agreement says\n\n');
    expect(text).toContain('\n- Funding from 2017\n');
    expect(text).toContain('\n1. First\n2. Second\n');
    expect(text).toContain('\nBelgium | 1951\n');
  });

  it('writes links as "label (url)", and a bare URL once', () => {
    // A URL may be cut after a slash or a hyphen: such a line goes on without a space.
    const flat = text.replace(/(?<=[/-])\n/g, '').replace(/\s+/g, ' ');
    expect(flat).toContain('International Organization for Migration (https://www.iom.int/en)');
    expect(flat).toContain('research (https://www.iom.int/research)');
    expect(flat).toContain('the press desk (press@example.org)');
    expect(flat).toContain('the office (+3225551234)');
    expect(flat).toContain('iom.int (https://www.iom.int)');
    expect(flat).toContain('Visit https://www.iom.int directly.');
    expect(flat).not.toContain('https://www.iom.int (https://www.iom.int)');
  });

  it(`wraps at ${TEXT_WIDTH} columns, a URL too long for a line at its slashes`, () => {
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(TEXT_WIDTH);
    // Cut where a line may break (after a slash), and whole again once the lines are joined.
    expect(text.replace(/\n/g, '')).toContain(LONG_URL);
    expect(lines.some((line) => line.endsWith('/'))).toBe(true);
  });

  it('wraps without breaking a no-break space', () => {
    const french = releaseFrom('title: T\nlang: fr\ndate: 2016-10-04\ndateline: Belgique', {
      body: `${'Et il a ajouté : « ceci est une très longue citation » ! '.repeat(6)}\n`,
    });
    for (const line of textOf(french).split('\n')) {
      expect(line).not.toMatch(/^[\u00A0\u202F:;!?»]/);
      expect([...line].length).toBeLessThanOrEqual(TEXT_WIDTH);
    }
  });

  it('lists contacts with role, affiliation, phone and e-mail', () => {
    const contacts = text.slice(text.indexOf('Media contacts'), text.indexOf('###'));
    expect(contacts).toBe(
      [
        'Media contacts',
        '',
        'Olivia Headon',
        'Media officer',
        'New York office, IOM',
        'Tel. +1 212 681 7000 ext. 221',
        'Email oheadon@iom.int',
        '',
        'IOM',
        'Press office',
        'Email press@iom.int',
        'https://www.iom.int/press',
        '',
        '',
      ].join('\n'),
    );
  });

  it('ends with the end mark and exactly one newline, with LF line ends only', () => {
    expect(text.endsWith('\n\n###\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text).not.toContain('\r');
    expect(text).not.toMatch(/[ \t]\n/);
  });
});

describe('renderText: variants', () => {
  it('states the embargo with its zone and UTC time', () => {
    const release = releaseFrom(
      'title: T\nlang: en\ndate: 2026-11-27\nembargo: 2026-11-27T10:00:00+01:00\ntimezone: Europe/Brussels',
    );
    const text = textOf(release);
    expect(text.split('\n')[2]).toBe('EMBARGOED UNTIL Nov. 27, 2026, 10\u00A0a.m. CET (09:00 UTC)');
    expect(text).not.toContain('FOR IMMEDIATE RELEASE');
  });

  it('puts the date on its own line when there is no dateline', () => {
    const release = releaseFrom('title: T\nlang: en\ndate: 2016-10-04', { body: 'The lead.\n' });
    expect(datelineText(release)).toBeUndefined();
    expect(textOf(release)).toBe(
      'PRESS RELEASE\n\nFOR IMMEDIATE RELEASE\n\nT\n\nOct. 4, 2016\n\nThe lead.\n\n###\n',
    );
  });

  it('keeps the dateline when the body is empty', () => {
    const release = releaseFrom('title: T\nlang: en\ndate: 2016-10-04\ndateline: Geneva', {
      body: '',
    });
    expect(textOf(release)).toContain('\n\nGENEVA, Oct. 4, 2016 —\n\n###\n');
  });

  it('renders the sample French release with its parts and French typography', async () => {
    const path = new URL('../../releases/oim-belgique-accord-cadre.md', import.meta.url);
    const raw = splitRelease(await readFile(path, 'utf8'), path.pathname, 'releases/oim.md');
    const release = validateRelease(raw, 'oim');
    const text = textOf(release);
    expect(text.startsWith('COMMUNIQUÉ — GLOBAL\n\nPOUR DIFFUSION IMMÉDIATE\n\n')).toBe(true);
    expect(text).toContain('\n\nBELGIQUE, 4 octobre 2016 — Le gouvernement de Belgique');
    expect(text).toContain('Et d’ajouter\u00A0: «\u202FCe partenariat');
    expect(text).toContain('Tél. +1 212 681 7000 poste 221');
    expect(text.endsWith('\n\n###\n')).toBe(true);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(TEXT_WIDTH);
  });
});

describe('renderText: no control character reaches `cat`', () => {
  // Validation refuses them; this is the text writer's own guard, for a value that slipped by.
  it('shows controls and overrides escaped, and keeps right-to-left text as written', () => {
    const valid = releaseFrom('title: T\nlang: ar\ndate: 2016-10-04', {
      body: 'مرحبا \u2067IOM\u2069 \u200Fنص.\n',
    });
    const release: Release = {
      ...valid,
      title: 'Title \u001b]0;pwned\u0007',
      subtitle: 'Sub \u009b2J \u202Eevil',
    };
    const text = textOf(release);
    expect(text).toContain('Title \\u001b]0;pwned\\u0007\nSub \\u009b2J \\u202eevil');
    expect(text).toContain('مرحبا \u2067IOM\u2069 \u200Fنص.');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202d\u202e]/);
  });

  it('escapes the control a numeric reference names (Markdown decodes it)', () => {
    const valid = releaseFrom('title: T\nlang: en\ndate: 2016-10-04');
    const text = textOf({ ...valid, body: 'Bell &#7; and &#x1B;[2J, but &#233;t&#xE9;.\n' });
    expect(text).toContain('Bell \\u0007 and \\u001b[2J, but été.');
  });
});

describe('wrap', () => {
  it.each([
    ['short line', 10, 'short line'],
    ['one two three four', 9, 'one two\nthree\nfour'],
    // No break opportunity: cut between characters rather than overflow.
    ['aaaaaaaaaaaa bb', 5, 'aaaaa\naaaaa\naa bb'],
    ['keep\nbreaks  here', 20, 'keep\nbreaks here'],
    ['été été été', 7, 'été été\nété'],
    // An emoji takes two columns, as in a terminal, and a line may break between two.
    [
      '\u{1F600}\u{1F600}\u{1F600} \u{1F600}\u{1F600}\u{1F600} x',
      12,
      '\u{1F600}\u{1F600}\u{1F600} \u{1F600}\u{1F600}\n\u{1F600} x',
    ],
    // Chinese breaks between characters, two columns each, never before closing punctuation.
    ['国际移民组织，联合国。', 8, '国际移民\n组织，联\n合国。'],
    ['一二三四，五', 8, '一二三\n四，五'],
    // A hyphen and a slash are break opportunities; a no-break space is not.
    ['well-known a/b', 7, 'well-\nknown\na/b'],
    ['well-known a/b', 8, 'well-\nknown a/\nb'],
    ['10\u00A0000 abc', 8, '10\u00A0000\nabc'],
    // A combining mark takes no column.
    ['e\u0301e\u0301e\u0301 x', 5, 'e\u0301e\u0301e\u0301 x'],
  ])('wraps %j at %i', (block, width, expected) => {
    expect(wrap(block, width)).toBe(expected);
  });
});

describe('wrap: characters of ambiguous width', () => {
  it('counts quotes and dashes one column, but two in Chinese, Japanese and Korean', () => {
    const block = '“一二”三';
    expect(wrap(block, 8)).toBe(block);
    // Two columns each: 10 in all. Unicode line breaking keeps a quote with its neighbour.
    expect(wrap(block, 8, 'zh-Hans')).toBe('“一\n二”三');
    expect(wrap(block, 8, 'ja')).toBe('“一\n二”三');
    expect(wrap(block, 8, 'fr')).toBe(block);
  });
});

describe('renderText in languages without spaces, right to left, and with long words', () => {
  const widest = (text: string, ambiguousIsNarrow = true): number =>
    Math.max(...text.split('\n').map((line) => stringWidth(line, { ambiguousIsNarrow })));

  it('wraps a Chinese release (no spaces) to 72 columns, 36 characters a line', () => {
    const sentence =
      '国际移民组织今天与比利时政府签署了一项“框架协议”，以支持更安全、更有序的移民。该协议涵盖研究、能力建设和紧急援助。';
    const release = releaseFrom(
      'title: 国际移民组织与比利时签署框架协议\nlang: zh\ndate: 2016-10-04',
      {
        body: `${sentence.repeat(5)}\n`,
      },
    );
    const text = textOf(release);
    // Quotes count two columns in Chinese, as its fonts draw them.
    expect(widest(text, false)).toBeLessThanOrEqual(TEXT_WIDTH);
    const paragraph = text.split('\n\n').find((block) => block.startsWith('国际移民组织今天'));
    const paragraphLines = paragraph?.split('\n') ?? [];
    expect(paragraphLines.length).toBeGreaterThan(5);
    // Full lines: a character or two short of 72 where punctuation may not start a line,
    // or a quote must stay with the character it quotes.
    for (const line of paragraphLines.slice(0, -1))
      expect(stringWidth(line, { ambiguousIsNarrow: false })).toBeGreaterThanOrEqual(68);
    for (const line of paragraphLines) expect(line).not.toMatch(/^[，。、；：）」”]/);
    expect(paragraph?.replace(/\n/g, '')).toBe(sentence.repeat(5));
  });

  it('wraps Arabic between words, in logical order, the text unchanged', () => {
    const sentence =
      'وقعت المنظمة الدولية للهجرة اليوم اتفاقية إطارية مع حكومة بلجيكا لدعم الهجرة الآمنة والمنظمة، وفقاً لما أعلنته الوزارة. ';
    const release = releaseFrom('title: اتفاقية إطارية\nlang: ar\ndate: 2016-10-04', {
      body: `${sentence.repeat(4).trim()}\n`,
    });
    const text = textOf(release);
    expect(widest(text)).toBeLessThanOrEqual(TEXT_WIDTH);
    const paragraph = text.split('\n\n').find((block) => block.startsWith('وقعت')) ?? '';
    expect(paragraph.split('\n').length).toBeGreaterThan(3);
    // Breaks fall at spaces only: joining the lines with a space gives the paragraph back.
    expect(paragraph.replace(/\n/g, ' ')).toBe(sentence.repeat(4).trim());
  });

  it('keeps French long words and URLs within 72 columns, cutting a URL at its slashes', () => {
    const url =
      'https://www.iom.int/fr/news/loim-et-la-belgique-signent-un-accord-cadre-visant-soutenir-une-migration-plus-sure';
    const release = releaseFrom('title: T\nlang: fr\ndate: 2016-10-04', {
      body: `L’anticonstitutionnellement intergouvernementalisation, lisez ${url} et ${'x'.repeat(90)} puis « fin » !\n`,
    });
    const text = textOf(release);
    expect(widest(text)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(text.replace(/\n/g, '')).toContain(url);
    expect(text).toContain('L’anticonstitutionnellement intergouvernementalisation,');
    expect(text).toMatch(/\nx{72}\nx{18} puis/);
    expect(text).toContain('«\u202Ffin\u202F»\u202F!');
  });
});
