import { describe, expect, it } from 'vitest';
import { memoized } from '../../src/util/memo.js';

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
