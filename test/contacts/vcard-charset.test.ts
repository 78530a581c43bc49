import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { contactToVcard } from '../../src/contacts/vcard.js';
import { makeProject, runCli } from '../e2e/helpers.js';
import { amelie } from './fixtures.js';

const REV = new Date('2026-11-27T09:00:00Z');
const PRODID = '-//Example//press-kit 1.0//EN';
const READ_VCARD = join(import.meta.dirname, '../e2e/read-vcard.py');

/** vobject (Debian python3-vobject), an independent parser, through the system Python. */
function readWithVobject(card: string): Record<string, unknown[]> {
  const dir = mkdtempSync(join(tmpdir(), 'presskit-vcf-'));
  try {
    writeFileSync(join(dir, 'card.vcf'), card);
    const out = execFileSync('/usr/bin/python3', [READ_VCARD, join(dir, 'card.vcf')], {
      encoding: 'utf8',
    });
    return JSON.parse(out) as Record<string, unknown[]>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('vCard 3.0 with the charset option (for Outlook)', () => {
  const card = contactToVcard(amelie, { version: '3.0', rev: REV, prodId: PRODID, charset: true });

  it('marks exactly the non-ASCII properties CHARSET=UTF-8', () => {
    // Unfolded: the ORG line is longer than 75 octets with its parameter.
    const lines = card.replace(/\r\n /g, '').split('\r\n');
    expect(lines.filter((line) => line.includes('CHARSET'))).toEqual([
      'N;CHARSET=UTF-8:Dupré-Lefèvre;Amélie;;;',
      'FN;CHARSET=UTF-8:Amélie Dupré-Lefèvre',
      'ORG;CHARSET=UTF-8:Société Générale des Eaux;Direction de la communication',
    ]);
    expect(lines).toContain('TITLE:Responsable presse');
  });

  it('is off by default: vector A stays byte for byte as STANDARDS has it', () => {
    const plain = contactToVcard(amelie, { version: '3.0', rev: REV, prodId: PRODID });
    expect(Buffer.from(plain).equals(readFileSync('/work/shared/spec/vcard/vector-A.vcf'))).toBe(
      true,
    );
    const unfold = (text: string): string => text.replace(/\r\n /g, '');
    expect(unfold(card).replace(/;CHARSET=UTF-8/g, '')).toBe(unfold(plain));
  });

  it('never writes CHARSET in 4.0 (RFC 6350 App. A.2)', () => {
    const v4 = contactToVcard(amelie, { version: '4.0', rev: REV, charset: true });
    expect(v4).not.toContain('CHARSET');
  });

  it('reads back with the accents intact in ical.js and in vobject', () => {
    const component = new ICAL.Component(ICAL.parse(card));
    expect(component.getFirstPropertyValue('fn')).toBe('Amélie Dupré-Lefèvre');
    expect(component.getFirstProperty('fn')?.getParameter('charset')).toBe('UTF-8');
    const read = readWithVobject(card);
    expect(read.FN).toEqual(['Amélie Dupré-Lefèvre']);
    expect(read.N).toEqual([['Dupré-Lefèvre', 'Amélie', '', '', '']]);
    expect(read.ORG).toEqual([['Société Générale des Eaux', 'Direction de la communication']]);
  });
});

describe('presskit build --vcard-charset, and vcardCharset in the config', () => {
  const release = `---
title: A test release
lang: fr
date: 2026-11-27
contacts:
  - name: Jürgen Müller
    email: jurgen@example.org
---

Texte.
`;

  it.each([
    ['the flag', { 'releases/a.md': release }, ['--vcard-charset']],
    [
      'the config',
      { 'releases/a.md': release, 'presskit.config.yaml': 'vcardCharset: true\n' },
      [],
    ],
  ])(
    'writes CHARSET=UTF-8 in the kit’s .vcf with %s',
    async (_, files, flags) => {
      const root = await makeProject(files);
      try {
        const built = await runCli(['build', '--out', join(root, 'dist'), ...flags], { cwd: root });
        expect(built.code, built.stderr).toBe(0);
        const vcf = readFileSync(join(root, 'dist/a/contacts/jurgen-muller.vcf'), 'utf8');
        expect(vcf).toContain('\r\nFN;CHARSET=UTF-8:Jürgen Müller\r\n');
        expect(vcf).toContain('\r\nEMAIL;TYPE=INTERNET,WORK:jurgen@example.org\r\n');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
