import { assertPeriod, firstFinite, nanArray } from './period.ts';

/**
 * Exponential moving average with α = 2 / (n + 1).
 *
 * Convention (the one TA-Lib and most charting tools use): leading NaNs in the input are
 * skipped; the first output is the simple average of the first `n` values (so a NaN-free input
 * gives NaN for indices 0..n−2 and the seed at n−1), after which
 * `ema[i] = ema[i−1] + α·(x[i] − ema[i−1])`.
 * This differs from pandas `ewm(span=n, adjust=False)` only by the seed: pandas seeds with x[0]
 * and has no warm-up; after a few multiples of n bars the two agree to machine precision.
 * A NaN after the first valid value propagates to every later output.
 */
export function ema(values: Float64Array, n: number): Float64Array {
  assertPeriod(n);
  const out = nanArray(values.length);
  const start = firstFinite(values);
  const seedEnd = start + n - 1;
  if (seedEnd >= values.length) return out;
  let sum = 0;
  for (let i = start; i <= seedEnd; i++) sum += values[i];
  let prev = sum / n;
  out[seedEnd] = prev;
  const alpha = 2 / (n + 1);
  for (let i = seedEnd + 1; i < values.length; i++) {
    prev += alpha * (values[i] - prev);
    out[i] = prev;
  }
  return out;
}
