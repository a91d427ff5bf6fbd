import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, storages } from '../support/harness.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

let yahoo: YahooServer;
beforeAll(async () => {
  yahoo = await startYahooServer({ recordedDir: null });
});
afterAll(() => yahoo.close());

const tickers = ['BA1', 'BA2', 'BA3', 'BA4', 'BA5', 'BA6'];
const query = `query {
  ${tickers
    .map(
      (t, i) =>
        `b${i}: backtest(input: { ticker: "${t}", from: "2021-01-01", to: "2022-12-31", strategy: "SmaCross", benchmark: "BA1" }) { ticker stats { tradeCount } }`,
    )
    .join('\n')}
}`;

for (const storage of storages('batching')) {
  describe(`six aliased backtests on ${storage.name}`, () => {
    it('load their series in one batch: one coverage read, one bar read, parallel provider calls', async () => {
      yahoo.reset();
      const url = await storage.freshUrl('six');
      const first = await createHarness({ databaseUrl: url, yahooUrl: yahoo.url });
      try {
        for (const t of tickers) yahoo.setFault(t, { latencyMs: 200, times: 0 });
        first.resetQueries();
        const cold = await first.gql<Record<string, { ticker: string }>>(query);
        expect(cold.errors).toBeUndefined();
        expect(Object.values(cold.data!).map((b) => b.ticker)).toEqual(tickers);
        // Misses: one coverage statement for all six; nothing stored, so no bar read; the
        // provider calls overlap (all six at once: YAHOO_CONCURRENCY is 10).
        const reads = first.queries.filter((q) => /^\s*select/i.test(q));
        expect(reads[0]).toMatch(/coverage/);
        expect(reads[0].match(/\?/g)).toHaveLength(6);
        expect(reads.filter((q) => /price_bars/.test(q))).toHaveLength(0);
        expect(yahoo.maxInFlight).toBe(6);
        for (const t of tickers) expect(yahoo.countFor(t)).toBe(1);
      } finally {
        await first.close();
      }
      // A second instance with an empty cache: everything comes from the store in one bar read.
      const second = await createHarness({ databaseUrl: url, yahooUrl: yahoo.url });
      try {
        second.resetQueries();
        const warm = await second.gql(query);
        expect(warm.errors).toBeUndefined();
        expect(second.queries.filter((q) => /^\s*select/i.test(q) && /price_bars/.test(q))).toHaveLength(1);
        for (const t of tickers) expect(yahoo.countFor(t)).toBe(1);
      } finally {
        await second.close();
      }
    });
  });
}
