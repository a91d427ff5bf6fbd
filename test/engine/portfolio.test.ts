import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors.ts';
import { runPortfolio } from '../../src/engine/portfolio.ts';
import { rebalanceDays } from '../../src/engine/portfolio-calendar.ts';
import type { PortfolioSeries } from '../../src/engine/portfolio-types.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const series = (ticker: string, rows: [string, number][]): PortfolioSeries => ({
  ticker,
  time: Float64Array.from(rows.map(([d]) => day(d))),
  close: Float64Array.from(rows.map(([, c]) => c)),
});
const equityOf = (result: { equity: Float64Array }) => Array.from(result.equity);

// A doubles on Jan 31; B halves on Feb 2. Feb 1 opens a new month.
const A = series('A', [
  ['2024-01-30', 10],
  ['2024-01-31', 20],
  ['2024-02-01', 20],
  ['2024-02-02', 20],
]);
const B = series('B', [
  ['2024-01-30', 10],
  ['2024-01-31', 10],
  ['2024-02-01', 10],
  ['2024-02-02', 5],
]);

describe('runPortfolio, target weights', () => {
  it('NEVER: buys 50/50 at the first close and lets the weights drift', () => {
    const result = runPortfolio({ series: [A, B], weights: [0.5, 0.5], cash: 1000, rebalance: 'NEVER' });
    // 50 shares each; A 50·20 = 1000 from Jan 31; B 50·5 = 250 on Feb 2.
    expect(equityOf(result)).toEqual([1000, 1500, 1500, 1250]);
    expect(Array.from(result.time)).toEqual(Array.from(A.time));
    expect(result.holdings.map((h) => [h.ticker, h.finalValue, h.returnPct, h.trades])).toEqual([
      ['A', 1000, 100, 1],
      ['B', 250, -50, 1],
    ]);
    expect(result.stats.equityFinal).toBe(1250);
    expect(result.stats.returnPct).toBe(25);
    expect(result.stats.tradeCount).toBe(0);
    expect(result.stats.buyHoldReturnPct).toBe(25);
    expect(result.stats.beta).toBeCloseTo(1, 12);
    expect(result.stats.alphaPct).toBeCloseTo(0, 10);
    // Drawdown from the 1500 peak to 1250.
    expect(result.drawdownPct[3]).toBeCloseTo((1 - 1250 / 1500) * 100, 12);
  });

  it('MONTHLY: trades back to 50/50 on the first date of February', () => {
    const result = runPortfolio({ series: [A, B], weights: [0.5, 0.5], cash: 1000, rebalance: 'MONTHLY' });
    // Feb 1: equity 1500 → A 750 (37.5 sh), B 750 (75 sh). Feb 2: 37.5·20 + 75·5 = 1125.
    expect(equityOf(result)).toEqual([1000, 1500, 1500, 1125]);
    expect(result.holdings.map((h) => [h.finalValue, h.trades])).toEqual([
      [750, 2],
      [375, 2],
    ]);
    // A: sold 250 of its 1000; pnl = 750 + 250 − 500 = 500. B: bought 250 more; 375 − 750 = −375.
    expect(result.holdings.map((h) => h.pnl)).toEqual([500, -375]);
  });

  it('deducts rate·|traded value| from cash on every trade', () => {
    const result = runPortfolio({
      series: [A, B],
      weights: [0.5, 0.5],
      cash: 1000,
      commissionRate: 0.01,
      rebalance: 'MONTHLY',
    });
    // Jan 30: buy 500 + 500, commission 10 → cash −10, equity 990.
    // Jan 31: −10 + 50·20 + 50·10 = 1490.
    // Feb 1: targets 745 each: sell 255 of A (fee 2.55), buy 245 of B (fee 2.45) → cash −5;
    //        37.25 and 74.5 shares, equity −5 + 745 + 745 = 1485.
    // Feb 2: −5 + 37.25·20 + 74.5·5 = 1112.5.
    const expected = [990, 1490, 1485, 1112.5];
    for (const [k, value] of equityOf(result).entries()) expect(value).toBeCloseTo(expected[k], 9);
    expect(result.holdings[0].finalValue).toBeCloseTo(745, 9);
    expect(result.holdings[1].finalValue).toBeCloseTo(372.5, 9);
  });

  it('does not trade a holding on a day it has no bar and values it at its last close', () => {
    const gappy = series('B', [
      ['2024-01-30', 10],
      ['2024-01-31', 10],
      ['2024-02-02', 5],
    ]);
    const result = runPortfolio({
      series: [A, gappy],
      weights: [0.5, 0.5],
      cash: 1000,
      rebalance: 'MONTHLY',
    });
    // Feb 1 (rebalance, B missing): equity 1000 + 500 = 1500; A sells down to 750 (+250 cash),
    // B keeps 50 shares valued at 10. Feb 2 (same month, no rebalance): 250 + 750 + 50·5.
    expect(equityOf(result)).toEqual([1000, 1500, 1500, 1250]);
    expect(result.holdings.map((h) => h.trades)).toEqual([2, 1]);
  });

  it('keeps a later holding’s weight in cash until its first close, then buys fractional shares', () => {
    const late = series('C', [
      ['2024-01-31', 4],
      ['2024-02-01', 5],
      ['2024-02-02', 5],
    ]);
    const result = runPortfolio({ series: [A, late], weights: [0.5, 0.25], cash: 1000 });
    // Jan 30: A 50 shares, 250 reserved for C, 250 stays cash. Jan 31: C buys 250/4 = 62.5 shares.
    // Jan 31: 50·20 + 62.5·4 + 250 = 1500; Feb 1 and 2: 1000 + 62.5·5 + 250 = 1562.5.
    expect(equityOf(result)).toEqual([1000, 1500, 1562.5, 1562.5]);
    expect(result.holdings[1]).toMatchObject({ ticker: 'C', finalValue: 312.5, returnPct: 25, trades: 1 });
  });

  it('refuses bad input naming the field', () => {
    const fieldOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof EngineError) return error.field;
      }
      return 'no EngineError';
    };
    expect(fieldOf(() => runPortfolio({ series: [A, B], weights: [0.6, 0.5], cash: 1000 }))).toBe('weights');
    expect(fieldOf(() => runPortfolio({ series: [A, B], weights: [0.5, -0.1], cash: 1000 }))).toBe(
      'weights.1',
    );
    expect(fieldOf(() => runPortfolio({ series: [A, B], weights: [0.5], cash: 1000 }))).toBe('weights');
    expect(fieldOf(() => runPortfolio({ series: [A, B], weights: [0.5, 0.5], cash: 0 }))).toBe('cash');
    expect(fieldOf(() => runPortfolio({ series: [A, A], weights: [0.5, 0.5], cash: 1000 }))).toBe('series.1');
    const strategy = { definition: undefined as never };
    expect(fieldOf(() => runPortfolio({ series: [A, B], weights: [0.5, 0.5], cash: 1000, strategy }))).toBe(
      'series.0',
    );
  });
});

describe('rebalanceDays', () => {
  it('flags the first date of each new month, quarter or year in the calendar', () => {
    const calendar = Float64Array.from(
      ['2024-01-30', '2024-01-31', '2024-02-01', '2024-03-29', '2024-04-01', '2024-12-31', '2025-01-02'].map(
        day,
      ),
    );
    expect(Array.from(rebalanceDays(calendar, 'MONTHLY'))).toEqual([0, 0, 1, 1, 1, 1, 1]);
    expect(Array.from(rebalanceDays(calendar, 'QUARTERLY'))).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(Array.from(rebalanceDays(calendar, 'YEARLY'))).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(rebalanceDays(calendar, 'NEVER'))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
