import { rollingMax, rollingMin } from './rolling-extrema.ts';

export interface DonchianChannel {
  /** Highest high of the last n bars, the current bar included. */
  upper: Float64Array;
  /** Lowest low of the last n bars, the current bar included. */
  lower: Float64Array;
  /** (upper + lower) / 2 */
  middle: Float64Array;
}

/**
 * Donchian channel over the last n bars including the current one; NaN for indices 0..n−2.
 * A breakout rule that compares today's close with the channel of the bars *before* today
 * uses `upper[i − 1]` (see `lag`).
 */
export function donchian(high: Float64Array, low: Float64Array, n = 20): DonchianChannel {
  if (high.length !== low.length) {
    throw new RangeError(`high and low must have the same length, got ${high.length} and ${low.length}`);
  }
  const upper = rollingMax(high, n);
  const lower = rollingMin(low, n);
  const middle = new Float64Array(high.length);
  for (let i = 0; i < high.length; i++) middle[i] = (upper[i] + lower[i]) / 2;
  return { upper, lower, middle };
}
