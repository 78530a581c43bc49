import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/util/collect-garbage.js';

describe('collectGarbage', () => {
  it('frees what nothing holds, and leaves no gc function behind', async () => {
    let target: object | undefined = { payload: 'x'.repeat(1024) };
    const ref = new WeakRef(target);
    target = undefined;
    // A WeakRef's target stays for the rest of the job that made it: wait for the next one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    expect('gc' in globalThis).toBe(false);
  });
});
