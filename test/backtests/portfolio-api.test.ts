import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, storages } from '../support/harness.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

const RUN = `mutation($input: PortfolioBacktestInput!) {
  runPortfolioBacktest(input: $input) {
    id createdAt input
    stats { equityFinal returnPct tradeCount maxDrawdownPct }
    equityCurve { date equity }
    holdings { ticker weight finalValue pnl returnPct trades }
    benchmark { ticker alphaPct beta }
  }
}`;
const GET = `query($id: ID!) { portfolioBacktest(id: $id) { id createdAt stats { equityFinal returnPct } holdings { ticker finalValue } } }`;

interface Run {
  id: string;
  createdAt: string;
  input: Record<string, unknown>;
  stats: { equityFinal: number; returnPct: number; tradeCount: number };
  equityCurve: { date: string; equity: number }[];
  holdings: { ticker: string; weight: number; finalValue: number; pnl: number; trades: number }[];
  benchmark: { ticker: string; beta: number } | null;
}

let yahoo: YahooServer;
beforeAll(async () => {
  yahoo = await startYahooServer({ recordedDir: null });
});
afterAll(() => yahoo.close());

for (const storage of storages('portfolio')) {
  interface Page {
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }

  describe(`portfolio runs on ${storage.name}`, () => {
    let url: string;
    let h: Harness;
    beforeAll(async () => {
      url = await storage.freshUrl('pf');
      h = await createHarness({ databaseUrl: url, yahooUrl: yahoo.url });
    });
    afterAll(() => h.close());

    const input = {
      holdings: [
        { ticker: 'PFA', weight: 0.6 },
        { ticker: 'pfb', weight: 0.3 },
      ],
      from: '2022-01-01',
      to: '2022-12-31',
      rebalance: 'MONTHLY',
      commission: 0.001,
      benchmark: 'PFA',
    };

    it('runs target weights from shared cash and stores the run', async () => {
      const r = await h.gql<{ runPortfolioBacktest: Run }>(RUN, { input });
      expect(r.errors).toBeUndefined();
      const run = r.data!.runPortfolioBacktest;
      expect(run.input.holdings).toEqual([
        { ticker: 'PFA', weight: 0.6 },
        { ticker: 'PFB', weight: 0.3 },
      ]);
      expect(run.holdings.map((x) => x.ticker)).toEqual(['PFA', 'PFB']);
      expect(run.holdings.every((x) => x.trades >= 12)).toBe(true); // bought, then rebalanced monthly
      const last = run.equityCurve.at(-1)!.equity;
      expect(last).toBe(run.stats.equityFinal);
      // Equity = holdings' value + cash, which was reset to 10% of equity at the last rebalance.
      const invested = run.holdings.reduce((s, x) => s + x.finalValue, 0);
      expect((last - invested) / last).toBeGreaterThan(0.08);
      expect((last - invested) / last).toBeLessThan(0.12);
      expect(run.benchmark?.ticker).toBe('PFA');
      expect(Number.isFinite(run.benchmark?.beta)).toBe(true);
    });

    it('returns the stored run for an identical request instead of a duplicate', async () => {
      const a = await h.gql<{ runPortfolioBacktest: Run }>(RUN, { input });
      const reordered = { ...input, holdings: [...input.holdings].reverse() };
      const b = await h.gql<{ runPortfolioBacktest: Run }>(RUN, { input: reordered });
      expect(b.data!.runPortfolioBacktest.id).toBe(a.data!.runPortfolioBacktest.id);
      expect(b.data!.runPortfolioBacktest.createdAt).toBe(a.data!.runPortfolioBacktest.createdAt);
      const list = await h.gql<{ portfolioBacktests: Page }>(
        '{ portfolioBacktests(first: 50) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      );
      expect(
        list.data!.portfolioBacktests.edges.filter((x) => x.node.id === a.data!.runPortfolioBacktest.id),
      ).toHaveLength(1);
    });

    it('is retrievable by id after a restart, and lists newest first with a cursor', async () => {
      const a = (await h.gql<{ runPortfolioBacktest: Run }>(RUN, { input })).data!.runPortfolioBacktest;
      await new Promise((r) => setTimeout(r, 5));
      const strategyRun = await h.gql<{ runPortfolioBacktest: Run }>(RUN, {
        input: { ...input, rebalance: 'NEVER', strategy: 'SmaCross', params: { fast: 5, slow: 20 } },
      });
      expect(strategyRun.errors).toBeUndefined();
      const b = strategyRun.data!.runPortfolioBacktest;
      expect(b.id).not.toBe(a.id);
      expect(b.stats.tradeCount).toBe(b.holdings.reduce((s, x) => s + x.trades, 0));

      const restarted = await createHarness({ databaseUrl: url, yahooUrl: yahoo.url });
      try {
        const got = await restarted.gql<{ portfolioBacktest: Run | null }>(GET, { id: a.id });
        expect(got.data!.portfolioBacktest).toMatchObject({
          id: a.id,
          createdAt: a.createdAt,
          stats: { equityFinal: a.stats.equityFinal },
        });
        const PAGE = `query($after: String) { portfolioBacktests(first: 1, after: $after) {
          edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
        const page1 = (await restarted.gql<{ portfolioBacktests: Page }>(PAGE)).data!.portfolioBacktests;
        expect(page1.edges.map((x) => x.node.id)).toEqual([b.id]);
        expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[0].cursor });
        const page2 = (
          await restarted.gql<{ portfolioBacktests: Page }>(PAGE, { after: page1.pageInfo.endCursor })
        ).data!.portfolioBacktests;
        expect(page2.edges.map((x) => x.node.id)).toEqual([a.id]);
        expect(page2.pageInfo.hasNextPage).toBe(false);
        const backwards = await restarted.gql('{ portfolioBacktests(last: 1) { edges { cursor } } }');
        expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
        const missing = await restarted.gql<{ portfolioBacktest: null }>(GET, {
          id: '00000000-0000-4000-8000-000000000000',
        });
        expect(missing.data!.portfolioBacktest).toBeNull();
      } finally {
        await restarted.close();
      }
    });

    it.each([
      [
        {
          holdings: [
            { ticker: 'PFA', weight: 0.7 },
            { ticker: 'PFB', weight: 0.7 },
          ],
        },
        'input.holdings',
      ],
      [
        {
          holdings: [
            { ticker: 'PFA', weight: 0.5 },
            { ticker: 'pfa', weight: 0.2 },
          ],
        },
        'input.holdings[1].ticker',
      ],
      [{ holdings: [{ ticker: 'PFA', weight: -0.1 }] }, 'input.holdings[0].weight'],
      [{ holdings: [] }, 'input.holdings'],
      [{ strategy: 'Nope' }, 'input.strategy'],
      [{ strategy: 'SmaCross', params: { fast: 0 } }, 'input.params.fast'],
      [{ cash: 0 }, 'input.cash'],
      [{ from: '2023-01-01', to: '2022-01-01' }, 'input.from'],
    ])('rejects %o naming %s', async (change, field) => {
      const r = await h.gql(RUN, { input: { ...input, ...change } });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('reports an unknown holding as NOT_FOUND', async () => {
      const r = await h.gql(RUN, { input: { ...input, holdings: [{ ticker: 'UNKNOWNPF', weight: 0.5 }] } });
      expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });
}
