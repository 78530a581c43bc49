import { describe, expect, it } from 'vitest';
import { limiter, mapPool } from '../../src/util/pool.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapPool', () => {
  it('keeps the input order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const result = await mapPool([5, 1, 4, 2, 3], 2, async (value) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, value));
      inFlight--;
      return value * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});

describe('limiter', () => {
  it('runs at most `limit` at once, the rest in the order they came', async () => {
    const run = limiter(2);
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map((index) =>
        run(async () => {
          started.push(index);
          most = Math.max(most, ++inFlight);
          await tick();
          inFlight--;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('frees the slot of a callback that throws, and passes its error on', async () => {
    const run = limiter(1);
    const failed = run(async () => {
      await tick();
      throw new Error('boom');
    });
    const next = run(async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
