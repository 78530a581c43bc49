/** Drops undefined members so optional properties are absent rather than `undefined`. */
export function definedOnly<T extends Record<string, unknown>>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: { [K in keyof T]?: Exclude<T[K], undefined> } = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) Object.assign(out, { [key]: member });
  }
  return out;
}
