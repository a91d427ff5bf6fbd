import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnchorStats } from '../support/anchor.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import { createHarness, type Harness } from '../support/harness.ts';

const dataDir = sharedDataDir;
const available = sharedDataAvailable;
warnIfNoSharedData('backtest API on GOOG');

const BACKTEST = `query B($input: BacktestInput!) {
  backtest(input: $input) {
    key cached ticker strategy params
    stats { start end durationDays exposureTimePct equityFinal equityPeak commissions returnPct buyHoldReturnPct
      returnAnnPct volatilityAnnPct cagrPct sharpeRatio sortinoRatio calmarRatio alphaPct beta maxDrawdownPct
      avgDrawdownPct maxDrawdownDurationDays avgDrawdownDurationDays tradeCount winRatePct bestTradePct worstTradePct
      avgTradePct maxTradeDurationDays avgTradeDurationDays profitFactor expectancyPct sqn kellyCriterion }
    equityCurve { date equity drawdownPct }
    trades { size entryDate exitDate entryPrice exitPrice pnl returnPct commission }
    benchmark { ticker alphaPct beta }
    timings { dataMs engineMs totalMs }
  }
}`;

interface Result {
  backtest: {
    key: string;
    cached: boolean;
    params: Record<string, unknown>;
    stats: Record<string, number | string | null>;
    equityCurve: { date: string; equity: number; drawdownPct: number }[];
    trades: {
      size: number;
      entryDate: string;
      exitDate: string;
      entryPrice: number;
      exitPrice: number;
      pnl: number;
    }[];
    benchmark: { ticker: string; alphaPct: number; beta: number } | null;
    timings: { dataMs: number; engineMs: number; totalMs: number };
  };
}

const goog = { ticker: 'GOOG', from: '2004-08-19', to: '2013-03-01', strategy: 'SmaCross' };

describe.skipIf(!available)('backtest through GraphQL on the CSV provider', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({
      databaseUrl: 'file::memory:',
      env: { PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: dataDir },
    });
  });
  afterAll(() => h.close());

  const engineRuns = async () =>
    (await h.gql<{ serviceStats: { engineRuns: number } }>('{ serviceStats { engineRuns } }')).data!
      .serviceStats.engineRuns;

  it('reproduces the reference anchor case, trade by trade', async () => {
    const r = await h.gql<Result>(BACKTEST, { input: goog });
    expect(r.errors).toBeUndefined();
    const b = r.data!.backtest;
    expectAnchorStats(b.stats);
    expect(b.params).toEqual({ fast: 10, longOnly: false, slow: 30, stopLossPct: 0, takeProfitPct: 0 });
    expect(b.trades).toHaveLength(66);
    expect(b.trades[0]).toMatchObject({
      size: -55,
      entryPrice: 180.36,
      exitPrice: 186.31,
      entryDate: '2004-11-29',
    });
    expect(b.trades[0].pnl).toBeCloseTo(-327.25, 9);
    expect(b.trades.at(-1)).toMatchObject({
      size: 64,
      entryPrice: 695,
      exitPrice: 797.8,
      exitDate: '2013-03-01',
    });
    expect(b.equityCurve).toHaveLength(2148);
    expect(b.equityCurve.at(-1)!.equity).toBe(b.stats.equityFinal);
    expect(Math.min(...b.equityCurve.map((p) => -p.drawdownPct))).toBeCloseTo(
      b.stats.maxDrawdownPct as number,
      9,
    );
  });

  it('answers the identical request from the result cache without running the engine', async () => {
    const first = await h.gql<Result>(BACKTEST, { input: { ...goog, params: { slow: 40 } } });
    const runs = await engineRuns();
    const again = await h.gql<Result>(BACKTEST, {
      input: { ...goog, params: { slow: 40, fast: 10 }, ticker: 'goog' },
    });
    expect(first.data!.backtest.cached).toBe(false);
    expect(again.data!.backtest.cached).toBe(true);
    expect(again.data!.backtest.key).toBe(first.data!.backtest.key);
    expect(again.data!.backtest.stats).toEqual(first.data!.backtest.stats);
    expect(again.data!.backtest.timings.engineMs).toBe(0);
    expect(await engineRuns()).toBe(runs);
    const other = await h.gql<Result>(BACKTEST, {
      input: { ...goog, params: { slow: 40 }, commission: 0.001 },
    });
    expect(other.data!.backtest.cached).toBe(false);
    expect(other.data!.backtest.key).not.toBe(first.data!.backtest.key);
    expect(await engineRuns()).toBe(runs + 1);
  });

  it('computes alpha and beta against a benchmark series (itself: the built-in alpha and beta)', async () => {
    const r = await h.gql<Result>(BACKTEST, { input: { ...goog, benchmark: 'GOOG' } });
    const b = r.data!.backtest;
    expect(b.benchmark!.ticker).toBe('GOOG');
    expect(b.benchmark!.beta).toBeCloseTo(b.stats.beta as number, 12);
    expect(b.benchmark!.alphaPct).toBeCloseTo(b.stats.alphaPct as number, 9);
  });

  it('lists the strategy catalogue with typed, bounded params', async () => {
    const r = await h.gql<{
      strategies: { name: string; params: { name: string; default: number; min: number | null }[] }[];
    }>('{ strategies { name description params { name type default min max description } } }');
    const names = r.data!.strategies.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'SmaCross',
        'EmaCross',
        'RsiReversion',
        'MacdCross',
        'BollingerReversion',
        'DonchianBreakout',
        'BuyAndHold',
      ]),
    );
    const sma = r.data!.strategies.find((s) => s.name === 'SmaCross')!;
    expect(sma.params.find((p) => p.name === 'fast')!.default).toBe(10);
    expect(sma.params.find((p) => p.name === 'slow')!.default).toBe(30);
  });

  it.each([
    [{ strategy: 'NoSuch' }, 'input.strategy'],
    [{ params: { fast: 'ten' } }, 'input.params.fast'],
    [{ params: { fast: 2.5 } }, 'input.params.fast'],
    [{ params: { bogus: 1 } }, 'input.params.bogus'],
    [{ margin: 2 }, 'input.margin'],
    [{ cash: -5 }, 'input.cash'],
    [{ commission: 0.5 }, 'input.commission'],
    [{ from: '2013-01-01', to: '2012-01-01' }, 'input.from'],
    [{ ticker: 'GO OG' }, 'input.ticker'],
    [{ benchmark: '$$' }, 'input.benchmark'],
  ])('rejects %o as BAD_USER_INPUT naming %s', async (change, field) => {
    const r = await h.gql(BACKTEST, { input: { ...goog, ...change } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('reports an unknown ticker as NOT_FOUND and an invalid date as a GraphQL input error', async () => {
    const unknown = await h.gql(BACKTEST, { input: { ...goog, ticker: 'NOPE' } });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const badDate = await h.gql(BACKTEST, { input: { ...goog, from: '2023-02-30' } });
    expect(badDate.errors?.[0].message).toMatch(/2023-02-30/);
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
