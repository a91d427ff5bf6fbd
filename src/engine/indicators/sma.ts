/**
 * Simple moving average as pandas `Series.rolling(n).mean()`: NaN for the first n−1 bars (and for
 * any window containing a NaN), else the mean of the last n values. Computed with a fresh window
 * sum per bar, O(N·n), which keeps every value independent of earlier rounding.
 */
export function sma(values: ArrayLike<number>, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`sma window must be a positive integer, got ${n}`);
  const length = values.length;
  const out = new Float64Array(length).fill(Number.NaN);
  for (let i = n - 1; i < length; i++) {
    let sum = 0;
    for (let k = i - n + 1; k <= i; k++) sum += values[k];
    out[i] = sum / n;
  }
  return out;
}
