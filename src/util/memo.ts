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

/**
 * `fn` run once per object, its result kept for as long as the object lives: a page's
 * session or preparation, begun once however many callers ask for it at once.
 */
export function oncePer<K extends object, R>(fn: (key: K) => R): (key: K) => R {
  const results = new WeakMap<K, { value: R }>();
  return (key) => {
    const kept = results.get(key);
    if (kept) return kept.value;
    const value = fn(key);
    results.set(key, { value });
    return value;
  };
}
