import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

const QUERY = `query($input: BacktestInput!) {
  backtest(input: $input) { key cached stats { end tradeCount equityFinal } equityCurve { date } }
}`;

interface Result {
  backtest: {
    key: string;
    cached: boolean;
    stats: { end: string; equityFinal: number };
    equityCurve: { date: string }[];
  };
}

describe('a cached backtest result is never served for changed price data', () => {
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
      env: { CACHE_TTL_RECENT_S: '1' },
    });
  });
  afterAll(async () => {
    await h.close();
    await yahoo.close();
  });

  it('recomputes after new bars arrive for the ticker', async () => {
    const input = {
      ticker: 'FRESH',
      from: '2024-01-02',
      to: '2024-05-15',
      strategy: 'SmaCross',
      params: { fast: 5, slow: 20 },
    };
    yahoo.addSeries('FRESH', { start: '2023-06-01', end: '2024-05-13' });
    const first = await h.gql<Result>(QUERY, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data!.backtest.cached).toBe(false);
    expect(first.data!.backtest.stats.end).toBe('2024-05-13');

    const again = await h.gql<Result>(QUERY, { input });
    expect(again.data!.backtest.cached).toBe(true);

    // Two more sessions trade; once the recent series' short TTL has passed, the gap is fetched.
    yahoo.addSeries('FRESH', { start: '2023-06-01', end: '2024-05-15' });
    await new Promise((r) => setTimeout(r, 1100));
    const later = await h.gql<Result>(QUERY, { input });
    expect(later.data!.backtest.cached).toBe(false);
    expect(later.data!.backtest.key).not.toBe(first.data!.backtest.key);
    expect(later.data!.backtest.stats.end).toBe('2024-05-15');
    expect(later.data!.backtest.equityCurve.length).toBe(first.data!.backtest.equityCurve.length + 2);
  });
});
