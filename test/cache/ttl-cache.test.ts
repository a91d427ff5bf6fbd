import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTtlCache } from '../../src/cache/ttl-cache.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { createHarness } from '../support/harness.ts';
import { startYahooServer, type YahooServer } from '../support/yahoo-server.ts';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) {
  if (process.env.CI === 'true') throw new Error('TEST_REDIS_URL must be set on CI');
  console.warn('[test/cache/ttl-cache.test.ts] TEST_REDIS_URL is not set: Redis cache tests are skipped.');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const unique = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe('in-process TTL cache', () => {
  it('returns what was set, in key order, and forgets it after the TTL', async () => {
    const cache = createTtlCache<{ n: number }>({ url: undefined, namespace: 'test', logger: silentLogger });
    await cache.set('a', { n: 1 }, 60_000);
    await cache.set('b', { n: 2 }, 50);
    expect(await cache.getMany(['b', 'x', 'a'])).toEqual([{ n: 2 }, undefined, { n: 1 }]);
    await sleep(80);
    expect(await cache.getMany(['a', 'b'])).toEqual([{ n: 1 }, undefined]);
  });

  it('stays within its entry bound by evicting the least recently used', async () => {
    const cache = createTtlCache<number>({
      url: undefined,
      namespace: 'test',
      logger: silentLogger,
      maxEntries: 2,
    });
    await cache.set('a', 1, 60_000);
    await cache.set('b', 2, 60_000);
    await cache.getMany(['a']);
    await cache.set('c', 3, 60_000);
    expect(await cache.getMany(['a', 'b', 'c'])).toEqual([1, undefined, 3]);
  });

  it('stays within its byte bound', async () => {
    const cache = createTtlCache<number[]>({
      url: undefined,
      namespace: 'test',
      logger: silentLogger,
      maxBytes: 100_000,
    });
    for (let i = 0; i < 10; i += 1) await cache.set(`k${i}`, new Array(2000).fill(i), 60_000);
    const present = (await cache.getMany(Array.from({ length: 10 }, (_, i) => `k${i}`))).filter(
      (v) => v !== undefined,
    );
    expect(present.length).toBeLessThan(10);
    expect(present.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!redisUrl)('Redis TTL cache', () => {
  it('shares values between two cache instances and expires them', async () => {
    const namespace = unique();
    const a = createTtlCache<{ n: number }>({ url: redisUrl, namespace, logger: silentLogger });
    const b = createTtlCache<{ n: number }>({ url: redisUrl, namespace, logger: silentLogger });
    try {
      await a.set('k', { n: 42 }, 60_000);
      await a.set('short', { n: 1 }, 100);
      expect(await b.getMany(['k', 'missing'])).toEqual([{ n: 42 }, undefined]);
      await sleep(250);
      expect(await b.getMany(['short'])).toEqual([undefined]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('treats an unreachable Redis as a miss within its time limit, never an error', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((s) => sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const cache = createTtlCache<number>({
      url: `redis://127.0.0.1:${port}`,
      namespace: 'x',
      logger: silentLogger,
      opTimeoutMs: 200,
    });
    try {
      const started = performance.now();
      expect(await cache.getMany(['a'])).toEqual([undefined]);
      await cache.set('a', 1, 1000);
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      await cache.close();
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});

describe.skipIf(!redisUrl)('two service instances sharing Redis', () => {
  let yahoo: YahooServer;
  beforeAll(async () => {
    yahoo = await startYahooServer({ recordedDir: null });
  });
  afterAll(() => yahoo.close());

  it('the second instance serves a series loaded by the first without a provider call', async () => {
    const ticker = unique().toUpperCase().slice(0, 12);
    const env = { CACHE_URL: redisUrl! };
    const first = await createHarness({ databaseUrl: 'file::memory:', yahooUrl: yahoo.url, env });
    const second = await createHarness({ databaseUrl: 'file::memory:', yahooUrl: yahoo.url, env });
    try {
      const query = `{ priceSeries(ticker: "${ticker}", from: "2023-01-01", to: "2023-03-31") { source barCount columns { close } } }`;
      const a = await first.gql<{ priceSeries: { source: string; barCount: number; columns: unknown } }>(
        query,
      );
      const b = await second.gql<{ priceSeries: { source: string; barCount: number; columns: unknown } }>(
        query,
      );
      expect(a.data!.priceSeries.source).toBe('PROVIDER');
      expect(b.data!.priceSeries.source).toBe('MEMORY');
      expect(b.data!.priceSeries.columns).toEqual(a.data!.priceSeries.columns);
      expect(yahoo.countFor(ticker)).toBe(1);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('the in-process cache budget (CACHE_MEMORY_MB)', () => {
  it('evicts the least recently used series once the budget is spent', async () => {
    const yahoo = await startYahooServer({ recordedDir: null });
    const h = await createHarness({
      databaseUrl: 'file::memory:',
      yahooUrl: yahoo.url,
      env: { CACHE_MEMORY_MB: '8' },
    });
    try {
      const load = (t: string) =>
        h.gql<{ priceSeries: { source: string } }>(
          `{ priceSeries(ticker: "${t}", from: "2010-01-01", to: "2019-12-31") { source } }`,
        );
      expect((await load('BUDGET0')).data!.priceSeries.source).toBe('PROVIDER');
      expect((await load('BUDGET0')).data!.priceSeries.source).toBe('MEMORY');
      // Ten-year series are a few hundred kB each: forty of them do not fit in 6 MB of series.
      for (let i = 1; i <= 40; i += 1) await load(`BUDGET${i}`);
      expect((await load('BUDGET0')).data!.priceSeries.source).toBe('DATABASE');
      expect((await load('BUDGET40')).data!.priceSeries.source).toBe('MEMORY');
    } finally {
      await h.close();
      await yahoo.close();
    }
  });
});
