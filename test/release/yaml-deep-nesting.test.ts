import { describe, expect, it } from 'vitest';
import { splitRelease } from '../../src/release/load.js';
import { expectReadable, thrown } from './helpers.js';

/*
 * Kept in a file of its own, with one deep document per test file run: repeating such
 * parses in one process can abort Node (see test/release/KNOWN-BUGS.test.ts.txt).
 */
describe('deeply nested YAML', () => {
  it('10,000 unclosed "[" end in a PresskitError, not a stack overflow', () => {
    const text = `---\ntitle: T\nx: ${'['.repeat(10_000)}\n---\nBody\n`;
    const error = thrown(() => splitRelease(text, '/p/releases/deep.md', 'releases/deep.md'));
    expect(error.code).toBe('E_YAML');
    const problem = error.problems[0];
    expect(problem?.file).toBe('releases/deep.md');
    expect(problem?.line).toBe(3);
    for (const each of error.problems) expectReadable(each);
  });
});
