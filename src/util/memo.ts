/**
 * `fn` with its results kept by argument, at most `max` of them (then all are forgotten, so
 * a long build's memory stays bounded). For pure functions whose inputs repeat across a
 * build's releases: the same press contacts, the same words.
 */
export function memoized<R>(fn: (key: string) => R, max = 10_000): (key: string) => R {
  const results = new Map<string, { value: R }>();
  return (key) => {
    const kept = results.get(key);
    if (kept) return kept.value;
    const value = fn(key);
    if (results.size >= max) results.clear();
    results.set(key, { value });
    return value;
  };
}
