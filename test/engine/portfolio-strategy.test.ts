import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { type Bars, barsFromColumns } from '../../src/engine/bars.ts';
import { runPortfolio } from '../../src/engine/portfolio.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { loadBars, sharedDataAvailable, warnIfNoSharedData } from './support/data.ts';

warnIfNoSharedData('portfolio strategy mode on GOOG');

/** Bars k ∈ [from, to) of a series, without the bars listed in `skip`. */
function pick(bars: Bars, from: number, to: number, skip: number[] = []): Bars {
  const keep = Array.from({ length: to - from }, (_, k) => from + k).filter((k) => !skip.includes(k));
  const col = (c: Float64Array) => Float64Array.from(keep.map((k) => c[k]));
  return barsFromColumns(
    {
      time: col(bars.time),
      open: col(bars.open),
      high: col(bars.high),
      low: col(bars.low),
      close: col(bars.close),
      volume: col(bars.volume),
    },
    { isDatetime: true },
  );
}

describe.skipIf(!sharedDataAvailable)('runPortfolio, strategy mode', () => {
  it('combines independent backtests of each holding on the union calendar, plus leftover cash', () => {
    const goog = sharedDataAvailable ? loadBars('GOOG.csv') : (undefined as never);
    // X: bars 0..399. Y starts later (bar 150), misses bar 200 and runs past X's end (to bar 499).
    const x = pick(goog, 0, 400);
    const y = pick(goog, 150, 500, [200]);
    const strategy = { definition: smaCross, params: { fast: 5, slow: 20 } };
    const result = runPortfolio({
      series: [
        { ticker: 'X', ...x },
        { ticker: 'Y', ...y },
      ],
      weights: [0.6, 0.3],
      cash: 10_000,
      commissionRate: 0.002,
      strategy,
    });
    const options = { finalizeTrades: true, commission: 0.002 };
    const rx = runBacktest({
      bars: x,
      strategy: smaCross,
      params: strategy.params,
      options: { ...options, cash: 6000 },
    });
    const ry = runBacktest({
      bars: y,
      strategy: smaCross,
      params: strategy.params,
      options: { ...options, cash: 3000 },
    });

    expect(result.time.length).toBe(500);
    const at = (t: number) => result.time.indexOf(t);
    // Before Y's first bar: X's equity + Y's initial 3000 + 1000 leftover.
    expect(result.equity[at(x.time[100])]).toBeCloseTo(rx.equity[100] + 3000 + 1000, 8);
    // GOOG bar 200 is missing from Y: Y's equity of the day before is carried.
    const yBefore = y.time.indexOf(goog.time[199]);
    expect(result.equity[at(goog.time[200])]).toBeCloseTo(rx.equity[200] + ry.equity[yBefore] + 1000, 8);
    // After X's last bar its final equity is carried.
    expect(result.equity[499]).toBeCloseTo(rx.equity[399] + ry.equity[y.length - 1] + 1000, 8);

    expect(result.holdings.map((h) => [h.ticker, h.finalValue, h.trades])).toEqual([
      ['X', rx.stats.equityFinal, rx.trades.length],
      ['Y', ry.stats.equityFinal, ry.trades.length],
    ]);
    expect(result.holdings[0].returnPct).toBeCloseTo(rx.stats.returnPct, 10);
    expect(result.holdings[1].returnPct).toBeCloseTo(ry.stats.returnPct, 10);
    expect(result.stats.tradeCount).toBe(rx.trades.length + ry.trades.length);
    expect(result.stats.commissions).toBeCloseTo(rx.stats.commissions + ry.stats.commissions, 9);
    expect(result.stats.equityFinal).toBe(result.equity[499]);
    // Trades are re-indexed on the union calendar.
    const firstY = result.trades[rx.trades.length];
    expect(result.time[firstY.entryBar]).toBe(ry.trades[0].entryTime);
    expect(result.time[firstY.exitBar]).toBe(ry.trades[0].exitTime);
  });
});
