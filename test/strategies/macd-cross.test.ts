import { describe, expect, it } from 'vitest';
import { makeBars, run, summarize } from './support.ts';

/*
 * MacdCross(fast 2, slow 3, signal 2) on the EmaCross series:
 *   bar      2   3   4       5       6       7      8      9      10
 *   close   10  10   9       8       7      12     13     14       9
 *   macd     0   0  −0.167  −0.306  −0.394  0.556  0.696  0.654  −0.404   (ema2 − ema3)
 *   signal       0  −0.111  −0.241  −0.343  0.257  0.549  0.619  −0.063   (ema2 of macd, seed bar 3)
 * Warm-up: the signal line starts at bar 3, so the first decision is at bar 4.
 * Bar 4: macd < signal but they were equal at bar 3: no cross.
 * Bar 7: −0.394 < −0.343 then 0.556 > 0.257: cross up → buy at Open[8].
 * Bar 10: 0.654 > 0.619 then −0.404 < −0.063: cross down → close + sell at Open[11].
 */
const close = [10, 10, 10, 10, 9, 8, 7, 12, 13, 14, 9, 8, 7, 6, 6];
const params = { fast: 2, slow: 3, signal: 2 };

describe('MacdCross', () => {
  it('buys when MACD crosses above its signal line and reverses when it crosses below', () => {
    const result = run('MacdCross', makeBars({ close }), params);
    expect(result.warmupBars).toBe(3);
    expect(summarize(result)).toEqual([
      { side: 'long', entryBar: 8, exitBar: 11 },
      { side: 'short', entryBar: 11, exitBar: 14 },
    ]);
  });

  it('only closes on the cross down when longOnly', () => {
    const result = run('MacdCross', makeBars({ close }), { ...params, longOnly: true });
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 8, exitBar: 11 }]);
  });

  it('places a take-profit 5 % above the signal close (12 → 12.6), hit on the entry bar', () => {
    // bar 8 opens at 12 and rises to 13: the target fills at 12.6 on the entry bar itself
    const result = run('MacdCross', makeBars({ close }), { ...params, takeProfitPct: 5, longOnly: true });
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 8, exitBar: 8 }]);
    expect(result.trades[0].exitPrice).toBeCloseTo(12.6, 12);
  });

  it('rejects fast >= slow naming fast', () => {
    expect(() => run('MacdCross', makeBars({ close }), { fast: 4, slow: 3 })).toThrow(
      /fast \(4\) must be less than slow \(3\)/,
    );
  });
});
