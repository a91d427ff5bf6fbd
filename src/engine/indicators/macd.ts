import { ema } from './ema.ts';
import { assertPeriod } from './period.ts';

export interface MacdLines {
  /** EMA(fast) − EMA(slow); first valid at index slow−1 (for fast ≤ slow). */
  macd: Float64Array;
  /** EMA(signal) of the macd line; first valid at index slow−1 + signal−1. */
  signal: Float64Array;
  /** macd − signal. */
  histogram: Float64Array;
}

/** Moving Average Convergence/Divergence, built on `ema` (SMA-seeded, see ema.ts). */
export function macd(close: Float64Array, fast = 12, slow = 26, signal = 9): MacdLines {
  assertPeriod(fast, 'fast');
  assertPeriod(slow, 'slow');
  assertPeriod(signal, 'signal');
  const fastLine = ema(close, fast);
  const slowLine = ema(close, slow);
  const macdLine = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) macdLine[i] = fastLine[i] - slowLine[i];
  const signalLine = ema(macdLine, signal);
  const histogram = new Float64Array(close.length);
  for (let i = 0; i < close.length; i++) histogram[i] = macdLine[i] - signalLine[i];
  return { macd: macdLine, signal: signalLine, histogram };
}
