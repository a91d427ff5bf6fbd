import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import { createHarness, type Harness } from '../support/harness.ts';

const dataDir = sharedDataDir;
const available = sharedDataAvailable;
warnIfNoSharedData('optimizeStrategy on GOOG');

const OPTIMIZE = `mutation($input: OptimizeInput!) {
  optimizeStrategy(input: $input) { runCount elapsedMs best { params value stats { sqn returnPct tradeCount } } runs { params value } }
}`;
const BACKTEST = `query($input: BacktestInput!) { backtest(input: $input) { stats { sqn returnPct tradeCount } } }`;

interface Optimization {
  optimizeStrategy: {
    runCount: number;
    best: {
      params: Record<string, number>;
      value: number;
      stats: { sqn: number; returnPct: number; tradeCount: number };
    };
    runs: { params: Record<string, number>; value: number | null }[];
  };
}

const sweep = {
  ticker: 'GOOG',
  from: '2004-08-19',
  to: '2013-03-01',
  strategy: 'SmaCross',
  grid: [
    { name: 'fast', from: 5, to: 55, step: 5 },
    { name: 'slow', from: 10, to: 110, step: 10 },
  ],
  constraint: 'fast < slow',
};

describe.skipIf(!available)('optimizeStrategy on GOOG', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({
      databaseUrl: 'file::memory:',
      env: { PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: dataDir, MAX_OPTIMIZE_RUNS: '150' },
    });
  });
  afterAll(() => h.close());

  it('runs the 91-run sweep and its best run equals a plain backtest with those params', async () => {
    const r = await h.gql<Optimization>(OPTIMIZE, { input: sweep });
    expect(r.errors).toBeUndefined();
    const o = r.data!.optimizeStrategy;
    expect(o.runCount).toBe(91);
    expect(o.runs).toHaveLength(91);
    expect(o.runs.every((run) => run.params.fast < run.params.slow)).toBe(true);
    const finite = o.runs.map((run) => run.value).filter((v): v is number => v !== null);
    expect(o.best.value).toBe(Math.max(...finite));
    const check = await h.gql<{ backtest: { stats: Optimization['optimizeStrategy']['best']['stats'] } }>(
      BACKTEST,
      {
        input: {
          ticker: 'GOOG',
          from: sweep.from,
          to: sweep.to,
          strategy: 'SmaCross',
          params: o.best.params,
        },
      },
    );
    expect(check.data!.backtest.stats).toEqual(o.best.stats);
  });

  it.each([
    [{ maximize: 'luck' }, 'input.maximize'],
    [{ grid: [{ name: 'fastest', from: 1, to: 2, step: 1 }] }, 'input.grid'],
    [{ grid: [{ name: 'fast', from: 5, to: 1, step: 1 }] }, 'input.grid'],
    [{ grid: [{ name: 'fast', from: 1, to: 5, step: 0 }] }, 'input.grid'],
    [{ grid: [] }, 'input.grid'],
    [{ constraint: 'fast <' }, 'input.constraint'],
    [{ constraint: 'process.exit()' }, 'input.constraint'],
    [{ strategy: 'Nope' }, 'input.strategy'],
    [{ margin: 0 }, 'input.margin'],
  ])('rejects %o naming %s', async (change, field) => {
    const r = await h.gql(OPTIMIZE, { input: { ...sweep, ...change } });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(r.errors?.[0].extensions?.field)).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
  });

  it('refuses a grid over MAX_OPTIMIZE_RUNS, naming the limit', async () => {
    const r = await h.gql(OPTIMIZE, {
      input: { ...sweep, grid: [{ name: 'fast', from: 1, to: 200, step: 1 }], constraint: null },
    });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.grid' });
    expect(r.errors?.[0].message).toMatch(/200/);
    expect(r.errors?.[0].message).toMatch(/150/);
  });
});
