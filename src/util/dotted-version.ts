/**
 * Dotted numeric versions (`20.19.0`, Chrome's `131.0.6778.85`) compared part by part as
 * numbers; a missing part counts as 0. Negative when `a` is older.
 */
export function compareDottedVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] || 0) - (right[i] || 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
