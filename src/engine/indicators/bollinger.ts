import { assertPeriod } from './period.ts';
import { rollingMeanStd } from './rolling-std.ts';

export interface BollingerBands {
  /** Rolling mean of the last n closes (the SMA). */
  middle: Float64Array;
  /** middle + k·std */
  upper: Float64Array;
  /** middle − k·std */
  lower: Float64Array;
}

/**
 * Bollinger Bands: SMA(n) ± k standard deviations of the same window. The std is the sample
 * std (ddof = 1), the same as `rollingStd` and pandas `rolling(n).std()`, which is what a
 * backtesting.py user computing the bands with pandas gets. (Many charting tools use the
 * population std, ddof = 0, whose bands are narrower by a factor √((n−1)/n).)
 * NaN for indices 0..n−2.
 */
export function bollinger(close: Float64Array, n = 20, k = 2): BollingerBands {
  assertPeriod(n);
  if (!Number.isFinite(k)) throw new RangeError(`k must be a finite number, got ${k}`);
  const { mean, std } = rollingMeanStd(close, n, 1);
  const upper = new Float64Array(close.length);
  const lower = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) {
    upper[i] = mean[i] + k * std[i];
    lower[i] = mean[i] - k * std[i];
  }
  return { middle: mean, upper, lower };
}
