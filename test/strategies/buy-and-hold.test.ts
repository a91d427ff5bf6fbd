import { describe, expect, it } from 'vitest';
import { makeBars, run, summarize } from './support.ts';

const close = [100, 100, 100, 101, 102, 103, 104, 105];

describe('BuyAndHold', () => {
  it('buys in the first next() (bar 1), fills at Open[2] and holds to the end', () => {
    const open = [100, 100, 99, 100, 101, 102, 103, 104];
    const result = run('BuyAndHold', makeBars({ close, open }), {}, { finalizeTrades: false });
    expect(result.warmupBars).toBe(0);
    expect(result.trades).toEqual([]);
    expect(result.openTrades).toHaveLength(1);
    expect(result.openTrades[0].entryBar).toBe(2);
    expect(result.openTrades[0].entryPrice).toBe(99);
    // 10 000 cash buys floor(10000 / 99) = 101 units
    expect(result.openTrades[0].size).toBe(101);
  });

  it('is closed at the last open when trades are finalized', () => {
    const result = run('BuyAndHold', makeBars({ close }));
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 2, exitBar: 7 }]);
    expect(result.trades[0].exitPrice).toBe(104);
  });

  it('stops out 10 % below the signal close (100 → 90) and never buys again', () => {
    const series = [100, 100, 100, 95, 100, 100, 100];
    const low = series.map((c) => c);
    low[3] = 89; // bar 3 opens at 100 and trades down to 89: the stop fills at 90
    const result = run('BuyAndHold', makeBars({ close: series, low }), { stopLossPct: 10 });
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 2, exitBar: 3 }]);
    expect(result.trades[0].exitPrice).toBe(90);
  });

  it('takes profit 3 % above the signal close (100 → 103) and never buys again', () => {
    const result = run('BuyAndHold', makeBars({ close }), { takeProfitPct: 3 });
    // bar 5 opens at 102 and reaches 103: the limit fills at 103
    expect(summarize(result)).toEqual([{ side: 'long', entryBar: 2, exitBar: 5 }]);
    expect(result.trades[0].exitPrice).toBe(103);
  });
});
