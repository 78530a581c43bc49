import { describe, expect, it } from 'vitest';
import { limiter, mapPool, turns } from '../../src/util/pool.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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

describe('turns', () => {
  it('gives one turn at a time, in the order asked, each ended early by its holder', async () => {
    const take = turns();
    const log: string[] = [];
    const holder = async (name: string, work: number): Promise<void> => {
      const end = await take();
      log.push(`${name} starts`);
      await delay(work);
      log.push(`${name} ends its turn`);
      end();
      // Work after the turn: the next holder runs meanwhile.
      await delay(work);
      log.push(`${name} done`);
    };
    await Promise.all([holder('a', 20), holder('b', 5), holder('c', 5)]);
    expect(log.slice(0, 4)).toEqual(['a starts', 'a ends its turn', 'b starts', 'b ends its turn']);
    expect(log.indexOf('c starts')).toBeLessThan(log.indexOf('a done'));
  });

  it('ignores a second end of the same turn', async () => {
    const take = turns();
    const first = await take();
    first();
    const second = await take();
    first();
    let thirdTaken = false;
    const third = take().then((end) => {
      thirdTaken = true;
      return end;
    });
    await delay(5);
    expect(thirdTaken).toBe(false);
    second();
    (await third)();
    expect(thirdTaken).toBe(true);
  });
});
