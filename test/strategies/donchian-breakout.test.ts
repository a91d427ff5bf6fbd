import { describe, expect, it } from 'vitest';
import { makeBars, run, summarize } from './support.ts';

/*
 * DonchianBreakout(entry 3, exit 2), High = close + 1, Low = close − 1 (opens: previous close).
 * Channels exclude the current bar; all of them count for the warm-up, so w = 3.
 *   bar  close  prev-3 high  prev-3 low  prev-2 high  prev-2 low
 *    4    12        11           9           11           9      12 > 11: buy at Open[5]
 *    5    13        13           9           13           9
 *    6    12.5      14           9           14          11
 *    7    11        14          11           14          11.5    long, 11 < 11.5: close at Open[8]
 *    8    10        14          10           13.5        10
 *    9     8        13.5         9           12           9      8 < 9: short unless longOnly, at Open[10]
 *   10     9.5      12           7           11           7
 *   11    12        11           7           10.5         7      short, 12 > 10.5: cover; 12 > 11: buy, at Open[12]
 *   12    12
 */
const close = [10, 10, 10, 10, 12, 13, 12.5, 11, 10, 8, 9.5, 12, 12];
const bars = () =>
  makeBars({
    close,
    high: close.map((c) => c + 1),
    low: close.map((c) => c - 1),
    open: close.map((c, i) => (i === 0 ? c : Math.min(Math.max(close[i - 1], c - 1), c + 1))),
  });
const params = { entry: 3, exit: 2 };

describe('DonchianBreakout', () => {
  it('buys a close above the previous entry-bar high and exits below the previous exit-bar low', () => {
    const result = run('DonchianBreakout', bars(), params);
    expect(result.warmupBars).toBe(3);
    expect(summarize(result)).toEqual([
      { side: 'long', entryBar: 5, exitBar: 8 },
      { side: 'long', entryBar: 12, exitBar: 12 },
    ]);
  });

  it('shorts a downside breakout when longOnly is off, and covers and reverses on the upside one', () => {
    const result = run('DonchianBreakout', bars(), { ...params, longOnly: false });
    expect(summarize(result)).toEqual([
      { side: 'long', entryBar: 5, exitBar: 8 },
      { side: 'short', entryBar: 10, exitBar: 12 },
      { side: 'long', entryBar: 12, exitBar: 12 },
    ]);
  });

  it('waits for the longer channel: exit 5 delays the first decision to bar 6', () => {
    // with w = 5 the breakout at bar 4 is never seen; the close never again exceeds the previous
    // 3-bar high until bar 11 (12 > 11), bought at Open[12]
    const result = run('DonchianBreakout', bars(), { entry: 3, exit: 5 });
    expect(result.warmupBars).toBe(5);
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 12, exitBar: 12 }]);
  });

  it('exits through a stop-loss 5 % below the signal close (12 → 11.4)', () => {
    // bar 5 opens at 12 and dips to 12; bar 6 low is 11.5; bar 7 (open 12, low 10) fills the stop at 11.4
    const result = run('DonchianBreakout', bars(), { ...params, stopLossPct: 5 });
    expect(summarize(result)[0]).toEqual({ side: 'long', entryBar: 5, exitBar: 7 });
    expect(result.trades[0].exitPrice).toBeCloseTo(11.4, 12);
  });
});
