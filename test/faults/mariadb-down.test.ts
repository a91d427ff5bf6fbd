/**
 * MariaDB stops while the service runs. A TCP proxy sits between the service and the shared
 * server, so "stopped" (connections cut and refused) and "unreachable" (connections never
 * answered) are simulated without touching the server other suites use.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/mysql.ts';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';
import {
  BASE_ENV,
  codes,
  gql,
  leakIn,
  requiredService,
  statusOf,
  unhandledLogLines,
  waitUntil,
} from './fault-support.ts';

const mysqlUrl = requiredService('TEST_DATABASE_URL', 'test/faults/mariadb-down.test.ts');

/** mysql2's connect timeout is 2 s and a failed connect is retried once. */
const CONNECT_TIMEOUT_MS = 2_000;
const FAIL_FAST_BOUND_MS = 2 * CONNECT_TIMEOUT_MS + 1_500;

const SERIES = `query ($t: String!) {
  priceSeries(ticker: $t, from: "2023-01-02", to: "2023-06-30") { ticker source stale barCount }
}`;
const BACKTEST = `query ($t: String!, $params: JSONObject) {
  backtest(input: { ticker: $t, from: "2023-01-02", to: "2023-06-30", strategy: "SmaCross", params: $params }) {
    key cached stats { equityFinal tradeCount }
  }
}`;
const PORTFOLIO_RUN = `mutation ($a: String!, $b: String!) {
  runPortfolioBacktest(input: { holdings: [{ ticker: $a, weight: 0.5 }, { ticker: $b, weight: 0.5 }],
                                from: "2023-01-02", to: "2023-06-30", rebalance: MONTHLY }) {
    id stats { equityFinal }
  }
}`;
const PORTFOLIO_GET = `query ($id: ID!) { portfolioBacktest(id: $id) { id stats { equityFinal } } }`;

interface SeriesData {
  priceSeries: { ticker: string; source: string; stale: boolean; barCount: number };
}
interface BacktestData {
  backtest: { key: string; cached: boolean; stats: { equityFinal: number; tradeCount: number } };
}

describe.skipIf(!mysqlUrl)('MariaDB stopped while the service runs', () => {
  let yahoo: YahooServer;
  let proxy: TcpProxy;
  let service: ServiceProcess;

  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null });
    const url = new URL(await createTestDatabase(mysqlUrl!, 't_fault_db_down'));
    proxy = await startTcpProxy(url.hostname, Number(url.port || 3306));
    url.host = `127.0.0.1:${proxy.port}`;
    service = await startService({
      ...BASE_ENV,
      DATABASE_URL: url.toString(),
      YAHOO_BASE_URL: yahoo.url,
      YAHOO_TIMEOUT_MS: '5000',
    });
    await waitUntil(async () => (await statusOf(`${service.url}/readyz`)) === 200, 15_000, 'readiness');
  });

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await proxy?.stop();
    await yahoo?.close();
  });

  afterEach(() => proxy.setMode('up'));

  for (const mode of ['down', 'blackhole'] as const) {
    it(`${mode}: not ready, cached series and results served, the rest fails fast and masked; recovers without a restart`, async () => {
      const [hot, cold, other] = [
        `HOT${mode.toUpperCase()}`,
        `COLD${mode.toUpperCase()}`,
        `PF${mode.toUpperCase()}`,
      ];
      const pid = service.child.pid;

      // While MariaDB is up: a series stored and cached, a result cached, a portfolio run stored.
      const first = await gql<SeriesData>(service.url, SERIES, { t: hot });
      expect(first.data?.priceSeries.source).toBe('PROVIDER');
      const barCount = first.data!.priceSeries.barCount;
      expect(barCount).toBeGreaterThan(100);
      const run = await gql<BacktestData>(service.url, BACKTEST, { t: hot, params: { fast: 5, slow: 20 } });
      expect(run.data?.backtest.cached).toBe(false);
      const saved = await gql<{ runPortfolioBacktest: { id: string } }>(service.url, PORTFOLIO_RUN, {
        a: hot,
        b: other,
      });
      expect(saved.errors).toBeUndefined();
      const savedId = saved.data!.runPortfolioBacktest.id;

      proxy.setMode(mode);

      expect(await statusOf(`${service.url}/readyz`)).toBe(503);
      expect(await statusOf(`${service.url}/healthz`)).toBe(200);

      // Cached series and cached results are still served.
      const cachedSeries = await gql<SeriesData>(service.url, SERIES, { t: hot });
      expect(cachedSeries.errors).toBeUndefined();
      expect(cachedSeries.data?.priceSeries).toMatchObject({ source: 'MEMORY', barCount });
      const cachedRun = await gql<BacktestData>(service.url, BACKTEST, {
        t: hot,
        params: { fast: 5, slow: 20 },
      });
      expect(cachedRun.errors).toBeUndefined();
      expect(cachedRun.data?.backtest).toMatchObject({ cached: true, key: run.data!.backtest.key });
      // New params on a cached series need no database either.
      const newParams = await gql<BacktestData>(service.url, BACKTEST, {
        t: hot,
        params: { fast: 7, slow: 20 },
      });
      expect(newParams.errors).toBeUndefined();
      expect(newParams.data?.backtest.cached).toBe(false);
      const catalogue = await gql<{ strategies: unknown[] }>(service.url, '{ strategies { name } }');
      expect(catalogue.data?.strategies.length).toBeGreaterThanOrEqual(7);

      // Everything that needs the database fails fast, masked, even as a burst.
      const needsDatabase = [
        () => gql(service.url, SERIES, { t: cold }),
        () => gql(service.url, PORTFOLIO_RUN, { a: cold, b: hot }),
        () => gql(service.url, PORTFOLIO_GET, { id: savedId }),
        ...Array.from({ length: 12 }, (_, i) => () => gql(service.url, SERIES, { t: `${cold}${i}` })),
      ];
      const failures = await Promise.all(needsDatabase.map((call) => call()));
      for (const failure of failures) {
        expect(failure.status).toBe(200);
        expect(codes(failure)).toEqual(['INTERNAL_SERVER_ERROR']);
        expect(failure.errors?.[0].message).toBe('Unexpected error.');
        expect(leakIn(failure)).toBeNull();
        expect(failure.ms).toBeLessThan(FAIL_FAST_BOUND_MS);
      }
      expect(yahoo.countFor(cold)).toBe(0);

      // Back up: ready again, and the same process serves what needed the database.
      proxy.setMode('up');
      await expect
        .poll(() => statusOf(`${service.url}/readyz`), { timeout: 10_000, interval: 250 })
        .toBe(200);
      const recovered = await gql<SeriesData>(service.url, SERIES, { t: cold });
      expect(recovered.errors).toBeUndefined();
      expect(recovered.data?.priceSeries).toMatchObject({ source: 'PROVIDER', stale: false });
      const reread = await gql<{ portfolioBacktest: { id: string } }>(service.url, PORTFOLIO_GET, {
        id: savedId,
      });
      expect(reread.data?.portfolioBacktest?.id).toBe(savedId);
      const newRun = await gql<{ runPortfolioBacktest: { id: string } }>(service.url, PORTFOLIO_RUN, {
        a: cold,
        b: hot,
      });
      expect(newRun.errors).toBeUndefined();
      expect(service.child.pid).toBe(pid);
      expect(service.child.exitCode).toBeNull();
      expect(unhandledLogLines(service)).toEqual([]);
    });
  }
});
