import { describe, expect, it } from 'vitest';
import { memoized, oncePer } from '../../src/util/memo.js';

describe('memoized', () => {
  it('calls the function once per argument, undefined results included', () => {
    const calls: string[] = [];
    const lookup = memoized((key: string) => {
      calls.push(key);
      return key === 'none' ? undefined : key.length;
    });
    expect([lookup('abc'), lookup('abc'), lookup('none'), lookup('none')]).toEqual([
      3,
      3,
      undefined,
      undefined,
    ]);
    expect(calls).toEqual(['abc', 'none']);
  });

  it('forgets everything when full, and computes again', () => {
    const calls: string[] = [];
    const lookup = memoized((key: string) => calls.push(key), 2);
    lookup('a');
    lookup('b');
    lookup('c');
    lookup('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('oncePer', () => {
  it('runs once per object, its result shared by every caller, and apart for another', () => {
    const seen: object[] = [];
    const opened = oncePer((key: object) => {
      seen.push(key);
      return Promise.resolve(seen.length);
    });
    const [a, b] = [{}, {}];
    const first = opened(a);
    expect(opened(a)).toBe(first);
    expect(opened(b)).not.toBe(first);
    expect(seen).toEqual([a, b]);
  });
});
