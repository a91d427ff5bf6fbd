import { assertPeriod, firstFinite, nanArray } from './period.ts';
import { sma } from './sma.ts';

/**
 * True range: max(high − low, |high − prevClose|, |low − prevClose|). Bar 0 has no previous
 * close and is NaN.
 */
export function trueRange(high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  assertSameLength(high, low, close);
  const out = nanArray(high.length);
  for (let i = 1; i < high.length; i++) {
    const prev = close[i - 1];
    out[i] = Math.max(high[i] - low[i], Math.abs(high[i] - prev), Math.abs(low[i] - prev));
  }
  return out;
}

/**
 * Average True Range with Wilder's smoothing (α = 1/n), TA-Lib's convention: the first output
 * is at index n, the simple mean of the true ranges of bars 1..n (bar 0 has none); afterwards
 * `atr[i] = (atr[i−1]·(n−1) + tr[i]) / n`. Indices 0..n−1 are NaN.
 */
export function atr(high: Float64Array, low: Float64Array, close: Float64Array, n = 14): Float64Array {
  assertPeriod(n);
  const tr = trueRange(high, low, close);
  const out = nanArray(high.length);
  if (high.length <= n) return out;
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += tr[i];
  let prev = sum / n;
  out[n] = prev;
  for (let i = n + 1; i < high.length; i++) {
    prev = (prev * (n - 1) + tr[i]) / n;
    out[i] = prev;
  }
  return out;
}

function assertSameLength(high: Float64Array, low: Float64Array, close: Float64Array): void {
  if (high.length !== low.length || high.length !== close.length) {
    throw new RangeError(
      `high, low and close must have the same length, got ${high.length}, ${low.length}, ${close.length}`,
    );
  }
}

/**
 * Average True Range as a plain rolling mean of the true range over `n` bars (the convention of
 * backtesting.py's trailing stop, not Wilder's smoothing). The first value is at index n (bar 0
 * has no true range); with `backfill` the bars before it take that first value, so a trailing
 * stop has a distance from the first bar on.
 */
export function meanTrueRange(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  n: number,
  backfill = false,
): Float64Array {
  assertPeriod(n);
  const out = sma(trueRange(high, low, close), n);
  if (backfill) {
    const first = firstFinite(out);
    for (let i = 0; i < first && first < out.length; i++) out[i] = out[first];
  }
  return out;
}
