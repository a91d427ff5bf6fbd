import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

describe('a part that fails does not take its siblings with it', () => {
  let yahoo: YahooServer;
  let h: Harness;

  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null, unknown: (ticker) => ticker.startsWith('NOPE') });
    h = await createHarness({ databaseUrl: 'file::memory:', yahooUrl: yahoo.url });
  });
  afterAll(async () => {
    await h.close();
    await yahoo.close();
  });

  it('answers the other tickers of a list, and names the failed one by its index', async () => {
    const answer = await h.gql<{ priceSeriesList: ({ ticker: string; barCount: number } | null)[] }>(
      `{ priceSeriesList(tickers: ["GOODA", "NOPEX", "GOODB"], from: "2024-01-02", to: "2024-03-28") {
          ticker barCount } }`,
    );
    expect(answer.data!.priceSeriesList.map((s) => s?.ticker ?? null)).toEqual(['GOODA', null, 'GOODB']);
    expect(answer.data!.priceSeriesList[0]!.barCount).toBeGreaterThan(50);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0].path).toEqual(['priceSeriesList', 1]);
    expect(answer.errors![0].extensions?.code).toBe('NOT_FOUND');
  });

  it('answers the other root fields when one fails', async () => {
    const answer = await h.gql<{ good: { barCount: number } | null; bad: unknown; strategies: unknown[] }>(
      `{ good: priceSeries(ticker: "GOODC", from: "2024-01-02", to: "2024-03-28") { barCount }
         bad: backtest(input: { ticker: "GOODC", from: "2024-01-02", to: "2024-03-28", strategy: "Nope" }) { key }
         strategies { name } }`,
    );
    expect(answer.data!.good!.barCount).toBeGreaterThan(50);
    expect(answer.data!.bad).toBeNull();
    expect(answer.data!.strategies.length).toBeGreaterThanOrEqual(7);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0].path).toEqual(['bad']);
    expect(answer.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.strategy' });
  });
});
