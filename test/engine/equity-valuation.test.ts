import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { rangeBars } from './support/data.ts';
import { scripted } from './support/scripted.ts';

/**
 * Open trades are valued as the reference does: cash + (Close·Σ size − Σ size·entry), two sums
 * over the open trades in trade order and one subtraction. Σ size·(Close − entry) differs from it
 * by an ulp now and then, and an ulp decides whether a drawdown is exactly 0 (an episode ends).
 */

/** Equity by the reference's formula for open trades `[size, entry]` at `close`. */
function referenceEquity(cash: number, close: number, open: readonly (readonly [number, number])[]): number {
  let sumSize = 0;
  let sumSizeEntry = 0;
  for (const [size, entry] of open) {
    sumSize += size;
    sumSizeEntry += size * entry;
  }
  return cash + (close * sumSize - sumSizeEntry);
}

/** Drawdown episodes as the reference finds them: between DD = 0 positions (and the last bar). */
function referenceEpisodes(equity: readonly number[]): { peaks: number[]; durations: number[] } {
  const dd: number[] = [];
  let peak = -Infinity;
  for (const e of equity) {
    peak = Math.max(peak, e);
    dd.push(1 - e / peak);
  }
  const ends = dd.flatMap((d, k) => (d === 0 || k === dd.length - 1 ? [k] : []));
  const peaks: number[] = [];
  const durations: number[] = [];
  for (let j = 1; j < ends.length; j++) {
    if (ends[j] - ends[j - 1] <= 1) continue;
    peaks.push(Math.max(...dd.slice(ends[j - 1], ends[j] + 1)));
    durations.push(ends[j] - ends[j - 1]);
  }
  return { peaks, durations };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('unrealized P/L summed as the reference does', () => {
  it('a zero P/L that is an ulp below zero by the reference’s sums keeps one drawdown episode open', () => {
    // Two 40-unit longs at 101.92 and 103.04; 102.48 is their midpoint, where the exact P/L is 0.
    // 40·(102.48 − 101.92) + 40·(102.48 − 103.04) is exactly 0, but
    // 10000 + (102.48·80 − (40·101.92 + 40·103.04)) rounds to 9999.999999999998.
    const open = [100, 100, 101.92, 103.04, 102.48, 102.48, 102.48, 102.48, 102.48, 102.48];
    const close = [100, 100, 101.92, 102.48, 101, 102.48, 99, 102.48, 101.5, 102.48];
    const high = open.map((o, k) => Math.max(o, close[k]));
    const low = open.map((o, k) => Math.min(o, close[k]));
    const bars = rangeBars({ open, high, low, close });
    const strategy = scripted((ctx) => {
      if (ctx.i === 1 || ctx.i === 2) ctx.buy({ size: 40 });
    });
    const result = runBacktest({ bars, strategy });
    expect(result.openTrades.map((t) => [t.size, t.entryPrice])).toEqual([
      [40, 101.92],
      [40, 103.04],
    ]);

    const held = (k: number): [number, number][] =>
      k < 2
        ? []
        : k < 3
          ? [[40, 101.92]]
          : [
              [40, 101.92],
              [40, 103.04],
            ];
    const expected = close.map((c, k) => referenceEquity(10_000, c, held(k)));
    expect(expected[3]).toBe(9999.999999999998);
    expect(Array.from(result.equity)).toEqual(expected);

    // One episode from bar 2 to the last bar (the returns to 102.48 stay an ulp under the peak),
    // not three two-bar episodes ending at bars 5, 7 and 9.
    const episodes = referenceEpisodes(expected);
    expect(episodes.durations).toEqual([7]);
    expect(result.stats.avgDrawdownPct).toBe(-mean(episodes.peaks) * 100);
    expect(result.stats.avgDrawdownDurationDays).toBe(mean(episodes.durations));
    expect(result.stats.maxDrawdownPct).toBe(-Math.max(...episodes.peaks) * 100);
  });

  it('ctx.equity in next() and the recorded equity follow the reference’s sums with hedged long and short trades', () => {
    // Long 40 at 101.92, short 40 at 103.04, long 25 at 102.5 (hedging: nothing nets), then closes
    // where the two ways of summing round differently.
    const later = [90.42, 91, 90.06, 98.77, 90.81, 104.09, 90.45, 100.01, 90.84];
    const open = [100, 100, 101.92, 103.04, 102.5, ...later];
    const close = [100, 100, 101.92, 103.04, 102.5, ...later];
    const high = open.map((o, k) => Math.max(o, close[k]));
    const low = open.map((o, k) => Math.min(o, close[k]));
    const bars = rangeBars({ open, high, low, close });
    const seen: number[] = [];
    const strategy = scripted((ctx) => {
      seen[ctx.i] = ctx.equity;
      if (ctx.i === 1) ctx.buy({ size: 40 });
      if (ctx.i === 2) ctx.sell({ size: 40 });
      if (ctx.i === 3) ctx.buy({ size: 25 });
    });
    const result = runBacktest({ bars, strategy, options: { hedging: true, cash: 12_000 } });
    const all: [number, number][] = [
      [40, 101.92],
      [-40, 103.04],
      [25, 102.5],
    ];
    expect(result.openTrades.map((t) => [t.size, t.entryPrice])).toEqual(all);

    const expected = close.map((c, k) => referenceEquity(12_000, c, all.slice(0, Math.max(0, k - 1))));
    const naive = close.map((c, k) => {
      let pnl = 0;
      for (const [size, entry] of all.slice(0, Math.max(0, k - 1))) pnl += size * (c - entry);
      return 12_000 + pnl;
    });
    // The case is only a check if the two ways of summing disagree somewhere.
    expect(expected.filter((e, k) => e !== naive[k]).length).toBeGreaterThan(3);
    expect(Array.from(result.equity)).toEqual(expected);
    expect(seen.slice(1)).toEqual(expected.slice(1));
  });
});
