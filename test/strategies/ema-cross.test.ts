import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors.ts';
import { catchError, makeBars, run, summarize } from './support.ts';

/*
 * EmaCross(fast 2, slow 3): α = 2/3 and 1/2, seeds = mean of the first 2 / 3 closes.
 *   bar      0   1   2   3   4      5      6      7       8       9       10      11
 *   close   10  10  10  10   9      8      7     12      13      14       9       8
 *   ema2         10  10  10  9.333  8.444  7.481 10.494  12.165  13.388  10.463   8.821
 *   ema3             10  10  9.5    8.75   7.875  9.938  11.469  12.734  10.867   9.434
 * Bar 4: ema2 < ema3 but they were equal at bar 3: no cross (strict on both bars).
 * Bar 7: 7.481 < 7.875 then 10.494 > 9.938: cross up → buy, filled at Open[8].
 * Bar 10: 13.388 > 12.734 then 10.463 < 10.867: cross down → close + sell, filled at Open[11].
 * Opens are the previous closes, so a fill at Open[k] is at close[k−1].
 */
const close = [10, 10, 10, 10, 9, 8, 7, 12, 13, 14, 9, 8, 7, 6, 6];
const params = { fast: 2, slow: 3 };

describe('EmaCross', () => {
  it('buys on the cross up and reverses to short on the cross down', () => {
    const result = run('EmaCross', makeBars({ close }), params);
    expect(summarize(result)).toEqual([
      { side: 'long', entryBar: 8, exitBar: 11 },
      { side: 'short', entryBar: 11, exitBar: 14 },
    ]);
    expect(result.trades[0].entryPrice).toBe(12);
    expect(result.trades[0].exitPrice).toBe(9);
  });

  it('only closes on the cross down when longOnly', () => {
    const result = run('EmaCross', makeBars({ close }), { ...params, longOnly: true });
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 8, exitBar: 11 }]);
    expect(result.openTrades).toEqual([]);
  });

  it('places a stop-loss below the signal close: 10 % under close[7] = 12 is 10.8', () => {
    // bar 9 dips to 11 (above the stop), bar 10 opens at 10.5 (below it): the stop fills at that open
    const open = close.map((c, i) => (i === 0 ? c : close[i - 1]));
    open[10] = 10.5;
    const low = close.map((c, i) => Math.min(open[i], c));
    low[9] = 11;
    const result = run('EmaCross', makeBars({ close, open, low }), {
      ...params,
      stopLossPct: 10,
      longOnly: true,
    });
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 8, exitBar: 10 }]);
    expect(result.trades[0].exitPrice).toBe(10.5);
    expect(result.trades[0].sl).toBeCloseTo(10.8, 12);
  });

  it('places a take-profit above the signal close: 10 % over close[7] = 12 is 13.2', () => {
    // bar 8 opens at 12 and reaches 13 (below the target); bar 9 reaches 14: the limit fills at 13.2
    const result = run('EmaCross', makeBars({ close }), { ...params, takeProfitPct: 10, longOnly: true });
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 8, exitBar: 9 }]);
    expect(result.trades[0].exitPrice).toBeCloseTo(13.2, 12);
  });

  it('places a short stop-loss above the signal close: 10 % over close[10] = 9 is 9.9', () => {
    // The long's stop (10.8) is hit first, within bar 10 (open 14, close 9): it fills at 10.8.
    // The short opens at Open[11] = 9; bar 12 spikes to 10 and fills its stop at 9.9.
    const high = close.map((c, i) => Math.max(i === 0 ? c : close[i - 1], c));
    high[12] = 10;
    const result = run('EmaCross', makeBars({ close, high }), { ...params, stopLossPct: 10 });
    expect(summarize(result)).toEqual([
      { side: 'long', entryBar: 8, exitBar: 10 },
      { side: 'short', entryBar: 11, exitBar: 12 },
    ]);
    expect(result.trades[0].exitPrice).toBeCloseTo(10.8, 12);
    expect(result.trades[1].exitPrice).toBeCloseTo(9.9, 12);
  });

  it('warms up until the slow EMA exists: no trade when the cross comes too early', () => {
    // the same up-cross at bar 7 is invisible to slow = 8, whose first value is at bar 7
    const result = run('EmaCross', makeBars({ close }), { fast: 2, slow: 8 });
    expect(result.warmupBars).toBe(7);
    expect(result.trades.every((t) => t.entryBar > 8)).toBe(true);
  });

  it('rejects fast >= slow naming fast', () => {
    expect(() => run('EmaCross', makeBars({ close }), { fast: 3, slow: 3 })).toThrow(
      /must be less than slow/,
    );
    const error = catchError(() => run('EmaCross', makeBars({ close }), { fast: 5, slow: 3 }));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).field).toBe('params.fast');
  });
});
