import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

const QUERY = `query($input: BacktestInput!) {
  backtest(input: $input) { cached stale source warnings stats { tradeCount } }
}`;

interface Result {
  backtest: {
    cached: boolean;
    stale: boolean;
    source: string;
    warnings: string[];
    stats: { tradeCount: number };
  };
}

describe('a backtest (and a sweep, and a portfolio run) says what a trader must know about its data and its run', () => {
  let yahoo: YahooServer;
  let h: Harness;
  // The service's clock: Wednesday 2024-05-15, 15:00 UTC.
  const now = () => Date.parse('2024-05-15T15:00:00Z');

  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null });
    h = await createHarness({
      databaseUrl: 'file::memory:',
      yahooUrl: yahoo.url,
      now,
      env: { YAHOO_RETRIES: '0' },
    });
  });
  afterAll(async () => {
    await h.close();
    await yahoo.close();
  });

  const run = async (input: Record<string, unknown>) => {
    const answer = await h.gql<Result>(QUERY, { input: { strategy: 'SmaCross', ...input } });
    expect(answer.errors).toBeUndefined();
    return answer.data!.backtest;
  };

  it('is fresh and silent on a normal run, and says MEMORY once everything is cached', async () => {
    yahoo.addSeries('CALM', { start: '2022-01-03', end: '2024-05-14' });
    const input = { ticker: 'CALM', from: '2022-01-03', to: '2024-05-14' };
    const first = await run(input);
    expect(first).toMatchObject({ cached: false, stale: false, source: 'PROVIDER', warnings: [] });
    expect(first.stats.tradeCount).toBeGreaterThan(0);
    const again = await run(input);
    expect(again).toMatchObject({ cached: true, stale: false, source: 'MEMORY', warnings: [] });
  });

  it('flags stored prices served because the provider failed, and the range they leave out', async () => {
    yahoo.addSeries('SHAKY', { start: '2023-01-02', end: '2024-05-14' });
    await run({ ticker: 'SHAKY', from: '2023-01-02', to: '2023-06-30' });
    yahoo.setFault('SHAKY', { status: 503 });
    const stale = await run({ ticker: 'SHAKY', from: '2023-01-02', to: '2023-12-29' });
    expect(stale).toMatchObject({ stale: true, source: 'DATABASE' });
    expect(stale.warnings).toEqual([
      expect.stringMatching(/^SHAKY: the price provider failed, so stored prices were used/),
      expect.stringMatching(/^SHAKY: data ends on 2023-06-30, not 2023-12-29; the range was clipped/),
    ]);
    const sweep = await h.gql<{ optimizeStrategy: { stale: boolean; source: string; warnings: string[] } }>(
      `mutation($input: OptimizeInput!) { optimizeStrategy(input: $input) { stale source warnings } }`,
      {
        input: {
          ticker: 'SHAKY',
          from: '2023-01-02',
          to: '2023-12-29',
          strategy: 'SmaCross',
          grid: [{ name: 'fast', from: 5, to: 10, step: 5 }],
        },
      },
    );
    expect(sweep.errors).toBeUndefined();
    expect(sweep.data!.optimizeStrategy).toMatchObject({ stale: true, source: 'DATABASE' });
    expect(sweep.data!.optimizeStrategy.warnings[0]).toMatch(/^SHAKY: the price provider failed/);
    const portfolio = await h.gql<{ runPortfolioBacktest: { stale: boolean; warnings: string[] } }>(
      `mutation($input: PortfolioBacktestInput!) { runPortfolioBacktest(input: $input) { stale warnings } }`,
      { input: { holdings: [{ ticker: 'SHAKY', weight: 1 }], from: '2023-01-02', to: '2023-12-29' } },
    );
    expect(portfolio.errors).toBeUndefined();
    expect(portfolio.data!.runPortfolioBacktest.stale).toBe(true);
    expect(portfolio.data!.runPortfolioBacktest.warnings[0]).toMatch(/^SHAKY: the price provider failed/);
    yahoo.setFault('SHAKY', null);
  });

  it('flags a range shorter than the warm-up, and keeps that warning on a cached answer', async () => {
    yahoo.addSeries('SHORT', { start: '2024-04-01', end: '2024-05-14' });
    const input = { ticker: 'SHORT', from: '2024-04-01', to: '2024-04-26' };
    const first = await run(input);
    expect(first.stats.tradeCount).toBe(0);
    expect(first.warnings).toEqual([
      expect.stringMatching(/^Only 20 bars in range: fewer than the strategy's indicators need to warm up/),
    ]);
    const again = await run(input);
    expect(again.cached).toBe(true);
    expect(again.warnings).toEqual(first.warnings);
  });

  it('flags a run without trades and params that make a crossover degenerate', async () => {
    yahoo.addSeries('FLAT', { start: '2023-01-02', end: '2024-05-14' });
    const answer = await run({
      ticker: 'FLAT',
      from: '2023-01-02',
      to: '2024-05-14',
      params: { fast: 30, slow: 30 },
    });
    expect(answer.stats.tradeCount).toBe(0);
    expect(answer.warnings).toEqual([
      'The strategy made no trades in this range.',
      expect.stringMatching(/^params\.fast \(30\) is not less than params\.slow \(30\)/),
    ]);
  });

  it('flags data that starts well after the requested first day', async () => {
    yahoo.addSeries('YOUNG', { start: '2024-02-01', end: '2024-05-14' });
    const answer = await run({
      ticker: 'YOUNG',
      from: '2023-06-01',
      to: '2024-05-14',
      params: { fast: 5, slow: 10 },
    });
    expect(answer.warnings).toContainEqual(
      expect.stringMatching(/^YOUNG: data starts on 2024-02-0\d, not 2023-06-01; the range was clipped/),
    );
  });
});
