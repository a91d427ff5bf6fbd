import { describe, expect, it } from 'vitest';
import { makeBars, run, summarize } from './support.ts';

/*
 * BollingerReversion(period 3, k 1): bands = mean ± 1 sample std of the last 3 closes.
 *   bar    close   window         mean     std     lower    upper
 *    2     10      10 10.5 10     10.167   .289    9.878   10.455
 *    3     10.5    10.5 10 10.5   10.333   .289   10.045   10.622
 *    4     10      10 10.5 10     10.167   .289    9.878   10.455
 *    5      8      10.5 10 8       9.5    1.323    8.177   10.823   close < lower → buy at Open[6]
 *    6      9      10 8 9          9      1        8       10       long, close = middle: hold
 *    7     10      8 9 10          9      1        8       10       long, close > middle → close at Open[8]
 *    8     12      9 10 12        10.333  1.528    8.806   11.861   flat, close > upper → short unless longOnly
 *    9     10      10 12 10       10.667  1.155    9.512   11.821   short, close < middle → cover at Open[10]
 *   10     10      12 10 10       10.667  1.155    9.512   11.821   flat, inside the bands
 */
const close = [10, 10.5, 10, 10.5, 10, 8, 9, 10, 12, 10, 10];
const params = { period: 3, k: 1 };

describe('BollingerReversion', () => {
  it('buys below the lower band and exits above the middle band (long only by default)', () => {
    const result = run('BollingerReversion', makeBars({ close }), params);
    expect(result.warmupBars).toBe(2);
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 6, exitBar: 8 }]);
    expect(result.trades[0].entryPrice).toBe(8);
    expect(result.trades[0].exitPrice).toBe(10);
  });

  it('sells above the upper band and covers below the middle band when longOnly is off', () => {
    const result = run('BollingerReversion', makeBars({ close }), { ...params, longOnly: false });
    expect(summarize(result)).toEqual([
      { side: 'long', entryBar: 6, exitBar: 8 },
      { side: 'short', entryBar: 9, exitBar: 10 },
    ]);
  });

  it('reverses a long straight into a short when the close jumps above the upper band', () => {
    /*
     *   bar 5: 10.5 10 8 → lower 8.177, close 8 → buy at Open[6]
     *   bar 6: 10 8 8    → mean 8.667, lower 7.512: close 8 < middle → hold
     *   bar 7: 8 8 12    → mean 9.333, std 2.309, upper 11.643: close 12 > upper → close + sell at Open[8]
     */
    const series = [10, 10.5, 10, 10.5, 10, 8, 8, 12, 12];
    const result = run('BollingerReversion', makeBars({ close: series }), { ...params, longOnly: false });
    expect(summarize(result)).toEqual([
      { side: 'long', entryBar: 6, exitBar: 8 },
      { side: 'short', entryBar: 8, exitBar: 8 },
    ]);
  });

  it('exits through a take-profit 10 % above the signal close (8 → 8.8) before the middle band', () => {
    // bar 6 opens at 8 and reaches 9 (close 9): the target fills at 8.8 on the entry bar
    const result = run('BollingerReversion', makeBars({ close }), { ...params, takeProfitPct: 10 });
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 6, exitBar: 6 }]);
    expect(result.trades[0].exitPrice).toBeCloseTo(8.8, 12);
  });
});
