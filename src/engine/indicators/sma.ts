/**
 * Simple moving average exactly as pandas `Series.rolling(n).mean()` computes it (the
 * reference's test SMA): a running sum with Kahan compensation (separate compensations for
 * adding and removing, removal first), NaN until n non-NaN values are in the window, the
 * repeated value itself when the whole window is one repeated value, and sign clamping when
 * all values are non-negative (or all negative). Bit-for-bit equal values keep crossover
 * signals identical to the reference's. O(N).
 */
export function sma(values: ArrayLike<number>, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`sma window must be a positive integer, got ${n}`);
  const length = values.length;
  const out = new Float64Array(length);
  let sum = 0;
  let addCompensation = 0;
  let removeCompensation = 0;
  let observations = 0;
  let negatives = 0;
  let sameCount = 0;
  let previous = Number.NaN;
  for (let i = 0; i < length; i++) {
    if (i >= n) {
      const old = values[i - n];
      if (!Number.isNaN(old)) {
        observations--;
        const y = -old - removeCompensation;
        const t = sum + y;
        removeCompensation = t - sum - y;
        sum = t;
        if (old < 0 || Object.is(old, -0)) negatives--;
      }
    }
    const value = values[i];
    if (!Number.isNaN(value)) {
      observations++;
      const y = value - addCompensation;
      const t = sum + y;
      addCompensation = t - sum - y;
      sum = t;
      if (value < 0 || Object.is(value, -0)) negatives++;
      sameCount = value === previous ? sameCount + 1 : 1;
      previous = value;
    }
    if (observations >= n && observations > 0) {
      let mean = sum / observations;
      if (sameCount >= observations) mean = previous;
      else if (negatives === 0 && mean < 0) mean = 0;
      else if (negatives === observations && mean > 0) mean = 0;
      out[i] = mean;
    } else {
      out[i] = Number.NaN;
    }
  }
  return out;
}
