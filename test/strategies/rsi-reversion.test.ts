import { describe, expect, it } from 'vitest';
import { makeBars, run, summarize } from './support.ts';

/*
 * RsiReversion(period 2, lower 30, upper 70), Wilder averages of gains/losses:
 *   bar     0   1   2   3   4    5     6      7      8       9       10      11     12
 *   close  10   9   8   7   8    9    10     11     10       9       11      11     11
 *   gain            0   0  .5   .75  .875  .9375  .46875  .234375 1.117   .559   .279
 *   loss            1   1  .5   .25  .125  .0625  .53125  .765625  .383   .191   .096
 *   RSI             0   0  50   75   87.5  93.75  46.875  23.4375 74.48  74.48  74.48
 * Bar 4: 0 → 50 crosses up through 30 → buy at Open[5].
 * Bar 8: 93.75 → 46.875 crosses down through 70 → close (and short unless longOnly) at Open[9].
 * Bar 10: 23.4 → 74.5 crosses up through 30 (and through 70 upwards, which is no signal) → buy
 * at Open[11] (closing the short first when there is one).
 */
const close = [10, 9, 8, 7, 8, 9, 10, 11, 10, 9, 11, 11, 11];
const params = { period: 2, lower: 30, upper: 70 };

describe('RsiReversion', () => {
  it('buys when RSI leaves the oversold zone and exits when it leaves the overbought zone (long only by default)', () => {
    const result = run('RsiReversion', makeBars({ close }), params);
    expect(result.warmupBars).toBe(2);
    expect(summarize(result)).toEqual([
      { side: 'long', entryBar: 5, exitBar: 9 },
      { side: 'long', entryBar: 11, exitBar: 12 },
    ]);
  });

  it('also sells short on the overbought exit when longOnly is off, and covers on the next oversold exit', () => {
    const result = run('RsiReversion', makeBars({ close }), { ...params, longOnly: false });
    expect(summarize(result)).toEqual([
      { side: 'long', entryBar: 5, exitBar: 9 },
      { side: 'short', entryBar: 9, exitBar: 11 },
      { side: 'long', entryBar: 11, exitBar: 12 },
    ]);
  });

  it('does not add to a long position on a second oversold exit', () => {
    // bought at Open[5]; RSI falls to 25 and 12.5 (bars 5, 6), then crosses up to 56.25 at bar 7
    const series = [10, 9, 8, 7, 8, 7, 6, 7, 7, 7];
    const result = run('RsiReversion', makeBars({ close: series }), params, { finalizeTrades: false });
    expect(result.trades).toEqual([]);
    expect(result.openTrades.map((t) => t.entryBar)).toEqual([5]);
  });

  it('exits through a stop-loss 10 % below the signal close (8 → 7.2)', () => {
    const series = [10, 9, 8, 7, 8, 8, 7, 7, 7];
    const low = series.map((c, i) => Math.min(c, i === 0 ? c : series[i - 1]));
    low[6] = 7.1;
    const result = run('RsiReversion', makeBars({ close: series, low }), { ...params, stopLossPct: 10 });
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 5, exitBar: 6 }]);
    expect(result.trades[0].exitPrice).toBeCloseTo(7.2, 12);
  });

  it('rejects lower >= upper naming lower', () => {
    expect(() => run('RsiReversion', makeBars({ close }), { lower: 70, upper: 70 })).toThrow(
      /lower \(70\) must be less than upper/,
    );
  });
});
