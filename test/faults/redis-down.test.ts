/**
 * Redis stops while the service runs with CACHE_URL set. A TCP proxy sits between the service and
 * the shared Redis, so "stopped" and "unreachable" are simulated without touching the server
 * other suites use. With CACHE_URL set the cache is Redis alone: `source: MEMORY` is a Redis hit.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';
import { BASE_ENV, gql, requiredService, statusOf, unhandledLogLines, waitUntil } from './fault-support.ts';

const redisUrl = requiredService('TEST_REDIS_URL', 'test/faults/redis-down.test.ts');

/**
 * A request makes a handful of cache calls, each given up after 250 ms; the rest is SQLite and
 * the local Yahoo server. Generous, but far below a request stuck on a dead connection.
 */
const REQUEST_BOUND_MS = 4_000;

const SERIES = `query ($t: String!) {
  priceSeries(ticker: $t, from: "2022-01-03", to: "2022-12-30") { source stale barCount }
}`;
const BACKTEST = `query ($t: String!) {
  backtest(input: { ticker: $t, from: "2022-01-03", to: "2022-12-30", strategy: "EmaCross" }) {
    cached stats { tradeCount }
  }
}`;

interface SeriesData {
  priceSeries: { source: string; stale: boolean; barCount: number };
}

/** Tickers unique to this run: the shared Redis keeps keys from earlier runs. */
const runId = Date.now().toString(36).toUpperCase().slice(-6);
let counter = 0;
const freshTicker = () => `R${runId}${(counter++).toString(36).toUpperCase()}`;

describe.skipIf(!redisUrl)('Redis stopped while the service runs with CACHE_URL', () => {
  let yahoo: YahooServer;
  let proxy: TcpProxy;
  let service: ServiceProcess;

  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null });
    const target = new URL(redisUrl!);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    service = await startService({
      ...BASE_ENV,
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'bt-redis-fault-')), 'test.db')}`,
      CACHE_URL: `redis://127.0.0.1:${proxy.port}`,
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

  /** Loads a fresh series twice: the second answer's source says whether Redis served it. */
  async function secondSource(): Promise<string | undefined> {
    const ticker = freshTicker();
    await gql<SeriesData>(service.url, SERIES, { t: ticker });
    return (await gql<SeriesData>(service.url, SERIES, { t: ticker })).data?.priceSeries.source;
  }

  for (const mode of ['down', 'blackhole'] as const) {
    it(`${mode}: requests succeed within their bound without the shared cache, and Redis is used again when back`, async () => {
      const pid = service.child.pid;
      const known = freshTicker();
      expect((await gql<SeriesData>(service.url, SERIES, { t: known })).data?.priceSeries.source).toBe(
        'PROVIDER',
      );
      expect((await gql<SeriesData>(service.url, SERIES, { t: known })).data?.priceSeries.source).toBe(
        'MEMORY',
      );

      proxy.setMode(mode);

      // A series Redis held now comes from the database; new ones from the provider; a burst of
      // mixed requests all succeed, none waiting on Redis past the bound.
      const held = await gql<SeriesData>(service.url, SERIES, { t: known });
      expect(held.errors).toBeUndefined();
      expect(held.data?.priceSeries).toMatchObject({ source: 'DATABASE', stale: false });
      expect(held.ms).toBeLessThan(REQUEST_BOUND_MS);
      const burst = await Promise.all([
        ...Array.from({ length: 12 }, () => gql<SeriesData>(service.url, SERIES, { t: freshTicker() })),
        ...Array.from({ length: 4 }, () => gql(service.url, BACKTEST, { t: known })),
        gql(service.url, '{ strategies { name } }'),
      ]);
      for (const answer of burst) {
        expect(answer.status).toBe(200);
        expect(answer.errors).toBeUndefined();
        expect(answer.ms).toBeLessThan(REQUEST_BOUND_MS);
      }
      // Nothing is shared while Redis is away: a repeat is not a cache hit.
      expect(await secondSource()).toBe('DATABASE');
      expect(await statusOf(`${service.url}/readyz`)).toBe(200);

      proxy.setMode('up');
      await expect.poll(secondSource, { timeout: 15_000, interval: 500 }).toBe('MEMORY');
      expect(service.child.pid).toBe(pid);
      expect(service.child.exitCode).toBeNull();
      expect(unhandledLogLines(service)).toEqual([]);
    });
  }

  it('down at start: the service starts, serves without the cache, and uses Redis once it is up', async () => {
    const target = new URL(redisUrl!);
    const late = await startTcpProxy(target.hostname, Number(target.port || 6379));
    late.setMode('down');
    const second = await startService({
      ...BASE_ENV,
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'bt-redis-late-')), 'test.db')}`,
      CACHE_URL: `redis://127.0.0.1:${late.port}`,
      YAHOO_BASE_URL: yahoo.url,
    });
    try {
      await expect.poll(() => statusOf(`${second.url}/readyz`), { timeout: 15_000 }).toBe(200);
      const ticker = freshTicker();
      for (const expected of ['PROVIDER', 'DATABASE']) {
        const answer = await gql<SeriesData>(second.url, SERIES, { t: ticker });
        expect(answer.errors).toBeUndefined();
        expect(answer.data?.priceSeries.source).toBe(expected);
        expect(answer.ms).toBeLessThan(REQUEST_BOUND_MS);
      }
      late.setMode('up');
      await expect
        .poll(
          async () => {
            const t = freshTicker();
            await gql(second.url, SERIES, { t });
            return (await gql<SeriesData>(second.url, SERIES, { t })).data?.priceSeries.source;
          },
          { timeout: 15_000, interval: 500 },
        )
        .toBe('MEMORY');
      expect(unhandledLogLines(second)).toEqual([]);
    } finally {
      await second.stop('SIGKILL');
      await late.stop();
    }
  });
});
