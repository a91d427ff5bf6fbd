/**
 * The reference's `crossover(a, b)` evaluated at bar i: true iff a[i−1] < b[i−1] and a[i] > b[i]
 * (strict on both bars, so NaN never crosses). A number is a constant series. False for i < 1.
 */
export function crossover(a: ArrayLike<number> | number, b: ArrayLike<number> | number, i: number): boolean {
  if (i < 1) return false;
  const a0 = typeof a === 'number' ? a : a[i - 1];
  const a1 = typeof a === 'number' ? a : a[i];
  const b0 = typeof b === 'number' ? b : b[i - 1];
  const b1 = typeof b === 'number' ? b : b[i];
  return a0 < b0 && a1 > b1;
}
