import { describe, expect, it } from 'vitest';
import { foldLine } from '../../src/contacts/vcard-serialize.js';

/** RFC 6350 3.2 folding as foldLine first wrote it: unit by unit, bytes counted. */
function foldOracle(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const unit of line.match(/\\[\s\S]|[\s\S]/gu) ?? []) {
    const size = Buffer.byteLength(unit, 'utf8');
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += unit;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

describe('foldLine', () => {
  const pieces = ['a', 'Z', '0', '\\,', '\\n', '\\\\', ';', ':', 'é', '中', '👍', ' '];
  let seed = 11;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  it('folds 300 random lines, ASCII and not, as the unit-by-unit algorithm does', () => {
    for (let index = 0; index < 300; index++) {
      const asciiOnly = index % 2 === 0;
      const choices = asciiOnly ? pieces.slice(0, 8) : pieces;
      const length = Math.floor(random() * 400);
      let line = Array.from(
        { length },
        () => choices[Math.floor(random() * choices.length)] ?? '',
      ).join('');
      if (index % 5 === 0) line += '\\';
      expect(foldLine(line)).toBe(foldOracle(line));
    }
  });

  it('keeps every folded line within 75 octets and never splits an escape', () => {
    const folded = foldLine(`NOTE:${'ab\\,'.repeat(60)}`);
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(part.endsWith('\\') && !part.endsWith('\\\\')).toBe(false);
    }
  });
});
