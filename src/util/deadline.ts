/**
 * `work`'s outcome, or `onExpiry()`'s once `ms` have passed first (it may throw, to fail
 * with its own error). Work still running then is left alone: a late rejection of it is
 * ignored, so it never surfaces as unhandled.
 */
export async function withinDeadline<T, U>(
  work: Promise<T>,
  ms: number,
  onExpiry: () => U,
): Promise<T | U> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<U>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(onExpiry());
      } catch (error) {
        reject(error);
      }
    }, ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for `work` to settle, at most `ms`; its outcome does not matter to the caller. */
export async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  // Closing what is already gone fails, and that is what the caller wanted anyway.
  await withinDeadline(
    work.then(
      () => undefined,
      () => undefined,
    ),
    ms,
    () => undefined,
  );
}

/** Seconds for a message: `30 s`, `0.2 s`. */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
