import { describe, expect, it, vi } from 'vitest';
import type * as ContactCards from '../../src/contacts/cards.js';
import { check } from '../../src/pipeline/check.js';
import { tempDir, writeTree } from '../release/helpers.js';

// A bug in one release's checks: every card of the release titled "Faulty" throws what no
// presskit code expects.
vi.mock('../../src/contacts/cards.js', async (importOriginal) => {
  const original = await importOriginal<typeof ContactCards>();
  return {
    ...original,
    releaseVcards: (...args: Parameters<typeof original.releaseVcards>) => {
      if (args[0].title === 'Faulty') throw new TypeError('injected fault');
      return original.releaseVcards(...args);
    },
  };
});

const release = (title: string): string =>
  `---\ntitle: ${title}\nlang: en\ndate: 2016-10-04\n---\nBody.\n`;

describe('check: a bug is the problem of the release it met', () => {
  it('reports it on that release, keeps its stack, and checks the others', async () => {
    const root = await tempDir();
    await writeTree(root, {
      'releases/faulty.md': release('Faulty'),
      'releases/fine.md': release('Fine'),
      'releases/other.md': '---\ntitle: Other\nlang: en\ndate: soon\n---\nBody.\n',
    });
    const report = await check({ root });
    expect(report.ok).toBe(false);
    const [faulty, fine, other] = report.releases;
    expect(faulty?.problems).toEqual([
      {
        file: 'releases/faulty.md',
        message:
          'internal error while checking this release: injected fault ' +
          '(please report it; PRESSKIT_DEBUG=1 prints its stack trace)',
      },
    ]);
    expect(faulty?.internalError).toMatch(/^TypeError: injected fault\n\s+at /);
    expect(fine).toMatchObject({ source: 'releases/fine.md', problems: [] });
    expect(fine).not.toHaveProperty('internalError');
    expect(other?.problems[0]).toMatchObject({ file: 'releases/other.md', field: 'date' });
  });
});
