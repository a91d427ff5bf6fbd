import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/dates.ts';
import { createHarness, type Harness, storages } from '../support/harness.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

const SERIES = `query S($t: String!, $from: Date!, $to: Date!, $adjusted: Boolean) {
  priceSeries(ticker: $t, from: $from, to: $to, adjusted: $adjusted) {
    ticker source stale barCount columns { dates close }
  }
}`;

interface SeriesData {
  priceSeries: {
    ticker: string;
    source: string;
    stale: boolean;
    barCount: number;
    columns: { dates: string[]; close: number[] };
  };
}

let yahoo: YahooServer;
beforeAll(async () => {
  yahoo = await startYahooServer();
});
afterAll(() => yahoo.close());

for (const storage of storages('readthrough')) {
  describe(`read-through on ${storage.name}`, () => {
    let url: string;
    let h: Harness;
    const open: Harness[] = [];
    const harness = async (env?: Record<string, string>) => {
      const created = await createHarness({ databaseUrl: url, yahooUrl: yahoo.url, env });
      open.push(created);
      return created;
    };
    const series = async (target: Harness, t: string, from: string, to: string, adjusted = true) => {
      const result = await target.gql<SeriesData>(SERIES, { t, from, to, adjusted });
      expect(result.errors).toBeUndefined();
      return result.data!.priceSeries;
    };

    beforeEach(async () => {
      yahoo.reset();
      url = await storage.freshUrl('rt');
      h = await harness();
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((x) => x.close()));
    });

    it('answers the same request twice with one provider call, the second from MEMORY', async () => {
      const first = await series(h, 'AAA', '2023-01-02', '2023-03-31');
      expect(first.source).toBe('PROVIDER');
      expect(first.barCount).toBeGreaterThan(55);
      const second = await series(h, 'AAA', '2023-01-02', '2023-03-31');
      expect(second.source).toBe('MEMORY');
      expect(second.columns).toEqual(first.columns);
      expect(yahoo.countFor('AAA')).toBe(1);
    });

    it('serves a sub-range from the store and fetches only the missing month of an extension', async () => {
      await series(h, 'BBB', '2023-01-01', '2023-06-30');
      expect(yahoo.countFor('BBB')).toBe(1);
      const sub = await series(h, 'BBB', '2023-02-01', '2023-03-15');
      expect(sub.source).toBe('DATABASE');
      expect(sub.columns.dates[0] >= '2023-02-01' && sub.columns.dates.at(-1)! <= '2023-03-15').toBe(true);
      expect(yahoo.countFor('BBB')).toBe(1);

      const extended = await series(h, 'BBB', '2023-01-01', '2023-07-31');
      expect(extended.source).toBe('PROVIDER');
      expect(yahoo.countFor('BBB')).toBe(2);
      const last = yahoo.requests.filter((r) => r.ticker === 'BBB').at(-1)!;
      // The adapter widens by a day on each side for time zones ahead of UTC.
      expect(last.period1Date >= addDays('2023-07-01', -1)).toBe(true);
      expect(last.period2Date <= addDays('2023-07-31', 2)).toBe(true);
      // Stored and fetched parts join without a hole or a duplicate.
      const whole = await series(h, 'BBB', '2023-01-01', '2023-07-31', false);
      expect(new Set(whole.columns.dates).size).toBe(whole.barCount);
      expect(whole.columns.dates.filter((d) => d.startsWith('2023-07')).length).toBeGreaterThan(18);
      expect(whole.columns.dates.filter((d) => d.startsWith('2023-06')).length).toBeGreaterThan(18);
    });

    it('after a restart with an empty cache serves from the DATABASE without a provider call', async () => {
      const first = await series(h, 'CCC', '2022-01-01', '2022-12-31');
      await h.services.seriesReader.flush(); // as shutting down does: what was fetched is stored
      const restarted = await harness();
      const again = await series(restarted, 'CCC', '2022-01-01', '2022-12-31');
      expect(again.source).toBe('DATABASE');
      expect(again.columns).toEqual(first.columns);
      expect(yahoo.countFor('CCC')).toBe(1);
    });

    it('loads ten tickers of one operation with one bar read, parallel provider calls, in order, failing alone', async () => {
      const tickers = ['T0', 'T1', 'T2', 'UNKNOWNX', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];
      const aliased = `query {
        ${tickers.map((t, i) => `s${i}: priceSeries(ticker: "${t}", from: "2023-01-01", to: "2023-02-28") { ticker }`).join('\n')}
      }`;
      for (const t of tickers) yahoo.setFault(t, { latencyMs: 150, times: 0 });
      h.resetQueries();
      const result = await h.gql(aliased);
      // The unknown ticker is the only error, at its own path.
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].path).toEqual(['s3']);
      expect(result.errors![0].extensions?.code).toBe('NOT_FOUND');
      expect(yahoo.maxInFlight).toBe(10); // YAHOO_CONCURRENCY (default 10): all ten at once
      // Reading: one coverage statement for all ten tickers, and no bar read (nothing stored yet).
      // (Each coverage write then merges with the ticker's existing rows, in its own transaction.)
      const firstRead = h.queries.find((q) => /^\s*select/i.test(q))!;
      expect(firstRead).toMatch(/coverage/);
      expect(firstRead.match(/\?/g)).toHaveLength(10);
      expect(h.queries.filter((q) => /^\s*select/i.test(q) && /price_bars/.test(q))).toHaveLength(0);

      // The batch answers every key in order, with an Error only in the failing slot. (The
      // operation above may answer before its slower siblings finish: the root field is
      // non-null, so its error ends the response. Loads still in flight are joined, not repeated.)
      const again = await h.services.seriesReader.loadMany(
        tickers.map((ticker) => ({ ticker, from: '2023-01-01', to: '2023-02-28', adjusted: true })),
      );
      again.forEach((r, i) => {
        if (i === 3) expect(r).toBeInstanceOf(Error);
        else expect(r).toMatchObject({ ticker: tickers[i] });
      });
      for (const t of tickers) expect([t, yahoo.countFor(t)]).toEqual([t, 1]);

      // After a restart everything is stored: the whole list costs one read of price_bars.
      await h.services.seriesReader.flush();
      const restarted = await harness();
      restarted.resetQueries();
      const good = tickers.filter((t) => t !== 'UNKNOWNX');
      const list = await restarted.gql<{ priceSeriesList: { ticker: string; source: string }[] }>(
        'query($t: [String!]!) { priceSeriesList(tickers: $t, from: "2023-01-01", to: "2023-02-28") { ticker source } }',
        { t: good },
      );
      expect(list.data?.priceSeriesList.map((s) => s.ticker)).toEqual(good);
      expect(list.data?.priceSeriesList.every((s) => s.source === 'DATABASE')).toBe(true);
      expect(restarted.queries.filter((q) => /^\s*select/i.test(q) && /price_bars/i.test(q))).toHaveLength(1);
    });

    it('turns 50 concurrent identical cold requests into exactly one provider call', async () => {
      yahoo.setFault('DDD', { latencyMs: 200, times: 0 });
      const results = await Promise.all(
        Array.from({ length: 50 }, () => series(h, 'DDD', '2023-01-01', '2023-03-31')),
      );
      expect(yahoo.countFor('DDD')).toBe(1);
      expect(new Set(results.map((r) => r.barCount)).size).toBe(1);
    });

    it('retries through two 429s and serves the data', async () => {
      yahoo.setFault('EEE', { status: 429, times: 2 });
      const s = await series(h, 'EEE', '2023-01-01', '2023-01-31');
      expect(s.barCount).toBeGreaterThan(15);
      expect(yahoo.countFor('EEE')).toBe(3);
    });

    it('serves stored data as stale when the provider is down, and UPSTREAM_UNAVAILABLE when nothing is stored', async () => {
      await series(h, 'FFF', '2023-01-01', '2023-03-31');
      yahoo.setFault('FFF', { status: 500 });
      yahoo.setFault('GGG', { status: 500 });
      const stale = await series(h, 'FFF', '2023-01-01', '2023-05-31');
      expect(stale.stale).toBe(true);
      expect(stale.columns.dates.at(-1)! <= '2023-03-31').toBe(true);
      const none = await h.gql(SERIES, { t: 'GGG', from: '2023-01-01', to: '2023-03-31' });
      expect(none.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    });

    it('fails a request to a hanging provider within the timeout and retries, not later', async () => {
      const fast = await harness({ YAHOO_TIMEOUT_MS: '300', YAHOO_RETRIES: '1' });
      yahoo.setFault('HHH', { hang: true });
      const started = performance.now();
      const result = await fast.gql(SERIES, { t: 'HHH', from: '2023-01-01', to: '2023-01-31' });
      const elapsed = performance.now() - started;
      expect(result.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(elapsed).toBeLessThan(300 * 2 + 2000 + 1000);
    });

    it('rebuilds stored history when a split appears after it was stored', async () => {
      yahoo.addSeries('SPL', { start: '2022-01-03', end: '2023-06-30' });
      const before = await series(h, 'SPL', '2022-01-03', '2022-12-30', false);
      yahoo.addSeries('SPL', {
        start: '2022-01-03',
        end: '2023-06-30',
        splits: [{ date: '2023-03-01', numerator: 4, denominator: 1 }],
      });
      const after = await series(h, 'SPL', '2022-01-03', '2023-06-30', false);
      // Every earlier price is now a quarter of what was stored.
      const i = after.columns.dates.indexOf(before.columns.dates[10]);
      expect(after.columns.close[i]).toBeCloseTo(before.columns.close[10] / 4, 9);
      // And the store holds the rebuilt prices: a restart serves them without the provider.
      const calls = yahoo.countFor('SPL');
      const restarted = await harness();
      const stored = await series(restarted, 'SPL', '2022-01-03', '2022-12-30', false);
      expect(stored.source).toBe('DATABASE');
      expect(stored.columns.close[10]).toBeCloseTo(before.columns.close[10] / 4, 9);
      expect(yahoo.countFor('SPL')).toBe(calls);
    });
  });
}
