import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { type Bars, barsFromColumns } from '../../src/engine/bars.ts';
import { defineStrategy, type NextContext } from '../../src/engine/strategy.ts';
import { AtrTrailingStop } from '../../src/strategies/trailing-stop.ts';

/**
 * Bars whose high and low sit 1 around the close and which open at the previous close: while the
 * close moves by at most 1 a bar, every true range is 2, so the ATR is 2.
 */
function bars(close: number[]): Bars {
  return barsFromColumns({
    time: close.map((_, i) => i),
    open: close.map((c, i) => (i === 0 ? c : close[i - 1])),
    high: close.map((c) => c + 1),
    low: close.map((c) => c - 1),
    close,
  });
}

/** Enters at bar 1 with `enter`, then trails and records each bar's stop-loss after trailing. */
function trailRun(series: Bars, enter: (ctx: NextContext) => void, multiple = 1) {
  const stops: (number | null)[] = [];
  const strategy = defineStrategy({
    name: 'Trail',
    description: 'one entry, trailing stop',
    params: {},
    init: ({ bars: b }) => {
      const trailing = new AtrTrailingStop(b, 2, multiple);
      return {
        next: (ctx) => {
          trailing.trail(ctx);
          if (ctx.trades.length > 0) stops.push(ctx.trades[0].sl);
          if (ctx.i === 1) enter(ctx);
        },
      };
    },
  });
  const result = runBacktest({ bars: series, strategy, options: { finalizeTrades: true } });
  return { result, stops };
}

describe('AtrTrailingStop', () => {
  it('moves a long stop up to close − multiple·ATR and never down, and exits there', () => {
    // long from Open[2] = 11; stops after bars 2..5: 12−2, 13−2, 14−2, max(12, 13.5−2)
    // bar 6: low 11 ≤ 12 → exit at min(Open 13.5, 12) = 12
    const { result, stops } = trailRun(bars([10, 11, 12, 13, 14, 13.5, 12, 11]), (ctx) =>
      ctx.buy({ size: 1 }),
    );
    expect(stops).toEqual([10, 11, 12, 12]);
    expect(result.trades).toHaveLength(1);
    expect([result.trades[0].entryBar, result.trades[0].exitBar, result.trades[0].exitPrice]).toEqual([
      2, 6, 12,
    ]);
  });

  it('moves a short stop down to close + multiple·ATR and never up', () => {
    // short from Open[2] = 19; stops after bars 2..5: 18+2, 17+2, 16+2, min(18, 16.5+2)
    // bar 6: high 19 ≥ 18 → exit at max(Open 16.5, 18) = 18
    const { result, stops } = trailRun(bars([20, 19, 18, 17, 16, 16.5, 18, 19]), (ctx) =>
      ctx.sell({ size: 1 }),
    );
    expect(stops).toEqual([20, 19, 18, 18]);
    expect([result.trades[0].exitBar, result.trades[0].exitPrice]).toEqual([6, 18]);
  });

  it('scales the distance by the multiple', () => {
    const { stops } = trailRun(bars([10, 11, 12, 13, 14]), (ctx) => ctx.buy({ size: 1 }), 2.5);
    expect(stops).toEqual([12 - 5, 13 - 5, 14 - 5]);
  });

  it('converts a fraction of the price into ATR units as the mean of close·fraction / ATR', () => {
    const series = bars([10, 11, 12, 13, 14]);
    const trailing = new AtrTrailingStop(series, 2);
    trailing.setFraction(0.1);
    // ATR is 2 on every bar (backfilled): mean(close·0.1 / 2) = mean(0.5, 0.55, 0.6, 0.65, 0.7)
    expect(trailing.multiple).toBeCloseTo(0.6, 15);
  });

  it('rejects a fraction outside (0, 1) and a non-positive multiple', () => {
    const series = bars([10, 11, 12]);
    const trailing = new AtrTrailingStop(series, 2);
    expect(() => trailing.setFraction(5)).toThrow(/trailing fraction must be in \(0, 1\)/);
    expect(() => trailing.setFraction(0)).toThrow(RangeError);
    expect(() => trailing.setMultiple(0)).toThrow(/multiple must be a positive number/);
    expect(() => new AtrTrailingStop(series, 2, Number.NaN)).toThrow(RangeError);
    expect(trailing.multiple).toBe(6);
  });

  it('leaves a trade alone when the stop would be a price <= 0', () => {
    // close 1 with ATR 2: a long's candidate 1 − 2 is negative, so no stop is set
    const { stops } = trailRun(bars([1, 1, 1, 1]), (ctx) => ctx.buy({ size: 1 }));
    expect(stops).toEqual([null, null]);
  });
});
