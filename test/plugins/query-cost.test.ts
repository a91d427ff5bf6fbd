import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { buildSchema } from '../../src/graphql/schema.ts';
import { estimateBars, estimateCost, estimateRuns } from '../../src/plugins/query-cost.ts';

const schema = buildSchema();
const limits = { maxRangeYears: 50, maxOptimizeRuns: 20_000, maxTickers: 50 };
const cost = (query: string, variables?: Record<string, unknown>) =>
  estimateCost(schema, parse(query), undefined, variables, limits);
const YEAR = 'from: "2023-01-01", to: "2023-12-31"';

describe('estimateBars and estimateRuns', () => {
  it('counts ~252 trading days a year, capped at the range limit', () => {
    expect(estimateBars('2023-01-01', '2023-12-31', 50)).toBe(252);
    expect(estimateBars('2023-01-02', '2023-01-02', 50)).toBe(1);
    expect(estimateBars('1800-01-01', '2023-12-31', 50)).toBe(12_626);
    expect(estimateBars('not a date', '2023-12-31', 50)).toBe(1);
  });

  it('multiplies the points of each grid range, capped at the run limit', () => {
    expect(
      estimateRuns(
        [
          { from: 5, to: 10, step: 1 },
          { from: 20, to: 40, step: 10 },
        ],
        1000,
      ),
    ).toBe(18);
    expect(estimateRuns([{ from: 0, to: 1, step: 0.1 }], 1000)).toBe(11);
    expect(
      estimateRuns(
        [
          { from: 1, to: 1000, step: 1 },
          { from: 1, to: 1000, step: 1 },
        ],
        5000,
      ),
    ).toBe(5000);
    expect(estimateRuns(undefined, 77)).toBe(77);
  });
});

describe('estimateCost', () => {
  it('counts series fields by the bars of their range', () => {
    // priceSeries 1 + ticker 1 + bars 252 × (1 + date + close)
    expect(cost(`{ priceSeries(ticker: "A", ${YEAR}) { ticker bars { date close } } }`)).toBe(758);
    // 3 tickers × (1 + columns (1 + dates 252 + close 252))
    expect(cost(`{ priceSeriesList(tickers: ["A", "B", "C"], ${YEAR}) { columns { dates close } } }`)).toBe(
      1518,
    );
  });

  it('reads ranges from variables and selections from fragments', () => {
    const query = `query ($from: Date!, $to: Date!) { priceSeries(ticker: "A", from: $from, to: $to) { ...F } }
      fragment F on PriceSeries { bars { close } }`;
    expect(cost(query, { from: '2023-01-01', to: '2023-12-31' })).toBe(505);
  });

  it('counts equity curves by bars, trades by a fifth of them, and optimizer runs by the grid', () => {
    const backtest = `{ backtest(input: { ticker: "A", ${YEAR}, strategy: "SmaCross" }) { equityCurve { date equity } trades { pnl } } }`;
    expect(cost(backtest)).toBe(1 + 252 * 3 + 51 * 2);
    const optimize = `mutation { optimizeStrategy(input: { ticker: "A", ${YEAR}, strategy: "SmaCross",
      grid: [{ name: "fast", from: 5, to: 10, step: 1 }, { name: "slow", from: 20, to: 40, step: 10 }] }) { runCount runs { value params } } }`;
    expect(cost(optimize)).toBe(1 + 1 + 18 * 3);
  });

  it('assumes the longest range for stored portfolio runs', () => {
    expect(cost('{ portfolioBacktest(id: "x") { equityCurve { equity } } }')).toBe(1 + 12_626 * 2);
  });

  it('makes 30 aliased 50-year series far more costly than one normal query', () => {
    const aliases = Array.from(
      { length: 30 },
      (_, i) =>
        `s${i}: priceSeries(ticker: "T${i}", from: "1974-01-01", to: "2023-12-31") { bars { date close } }`,
    ).join(' ');
    expect(cost(`{ ${aliases} }`)).toBeGreaterThan(300_000);
    expect(
      cost(`{ priceSeries(ticker: "A", ${YEAR}) { bars { date open high low close volume } } }`),
    ).toBeLessThan(2_000);
  });
});

describe('connections', () => {
  it('counts a page of edges by `first` (default 20, at most 100)', () => {
    const page = (args: string) => cost(`{ portfolioBacktests${args} { edges { cursor } } }`);
    // the connection, then items × (the edge + its cursor)
    expect(page('(first: 5)')).toBe(1 + 5 * 2);
    expect(page('')).toBe(1 + 20 * 2);
    expect(page('(first: 5000)')).toBe(1 + 100 * 2);
  });
});
