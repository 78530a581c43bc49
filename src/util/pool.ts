/**
 * Maps items with at most `limit` calls in flight, keeping the input order in the result.
 * Bounded on purpose: a batch of a thousand releases must not open a thousand pages.
 */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}

/**
 * A function that runs its callbacks with at most `limit` in flight, the others queued in
 * the order they came.
 */
export function limiter(limit: number): <R>(fn: () => Promise<R>) => Promise<R> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (fn) => {
    if (running >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
}

/**
 * Turns taken one at a time, in the order they were asked for. The function a turn
 * resolves to ends it (a second call does nothing), so a holder may let go before its work
 * is over.
 */
export function turns(): () => Promise<() => void> {
  let held = false;
  const waiting: (() => void)[] = [];
  const pass = (): void => {
    const next = waiting.shift();
    if (next) next();
    else held = false;
  };
  return async () => {
    if (held) await new Promise<void>((resolve) => waiting.push(resolve));
    else held = true;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      pass();
    };
  };
}
