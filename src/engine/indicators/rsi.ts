import { assertPeriod, nanArray } from './period.ts';

/**
 * Relative Strength Index with Wilder's smoothing (α = 1/n).
 *
 * Changes d[i] = close[i] − close[i−1] for i ≥ 1. The first output is at index n: the average
 * gain and average loss are the simple means of d[1..n]; afterwards
 * `avg = (avg·(n−1) + current) / n`. RSI = 100·avgGain / (avgGain + avgLoss), which equals
 * 100 − 100/(1 + avgGain/avgLoss) and is 100 when the average loss is 0. When both averages are
 * 0 (a flat window) the RSI is 50, neither overbought nor oversold. Output is always in [0, 100];
 * indices 0..n−1 are NaN.
 */
export function rsi(close: Float64Array, n = 14): Float64Array {
  assertPeriod(n);
  const out = nanArray(close.length);
  if (close.length <= n) return out;
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= n; i++) {
    const d = close[i] - close[i - 1];
    if (d > 0) gain += d;
    else loss -= d;
  }
  gain /= n;
  loss /= n;
  out[n] = toRsi(gain, loss);
  for (let i = n + 1; i < close.length; i++) {
    const d = close[i] - close[i - 1];
    gain = (gain * (n - 1) + Math.max(d, 0)) / n;
    loss = (loss * (n - 1) + Math.max(-d, 0)) / n;
    out[i] = toRsi(gain, loss);
  }
  return out;
}

function toRsi(avgGain: number, avgLoss: number): number {
  const total = avgGain + avgLoss;
  return total === 0 ? 50 : 100 * (avgGain / total);
}
