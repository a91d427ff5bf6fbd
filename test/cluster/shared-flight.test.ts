/**
 * The single flight across instances on a real Redis (TEST_REDIS_URL; keys unique to each run).
 * Each "instance" is a wrapper with its own connection; the provider behind them is the network
 * edge, scripted here so a call can be held open, failed or counted.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type FlightOutcome, withSharedFlight } from '../../src/cluster/shared-flight.ts';
import { NotFoundError } from '../../src/errors.ts';
import type { PriceProvider, ProviderSeries } from '../../src/market-data/types.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { requiredService } from '../faults/fault-support.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const redisUrl = requiredService('TEST_REDIS_URL', 'test/cluster/shared-flight.test.ts');

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
let tickers = 0;
const freshTicker = () => `F${run}${(tickers++).toString(36).toUpperCase()}`;

const seriesOf = (ticker: string, close: number): ProviderSeries => ({
  ticker,
  currency: 'USD',
  exchangeTimezone: 'America/New_York',
  bars: [{ date: '2024-01-02', open: close, high: close, low: close, close, adjClose: close, volume: 1 }],
  actions: [],
});

/** A provider whose calls wait for `release` (or answer at once), counting them. */
function scriptedProvider(answer: (ticker: string, call: number) => Promise<ProviderSeries>) {
  let calls = 0;
  const provider: PriceProvider = {
    name: 'scripted',
    fetchDaily: (ticker) => answer(ticker, ++calls),
  };
  return { provider, calls: () => calls };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe.skipIf(!redisUrl)('single flight across instances (Redis)', () => {
  const connections: Redis[] = [];
  const proxies: TcpProxy[] = [];
  const connect = (url = redisUrl!) => {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 300 });
    redis.on('error', () => undefined);
    connections.push(redis);
    return redis;
  };
  const ready = (redis: Redis) =>
    redis.status === 'ready' ? Promise.resolve() : new Promise<void>((r) => redis.once('ready', () => r()));
  const instance = async (
    provider: PriceProvider,
    outcomes: FlightOutcome[],
    options: { leaseMs?: number; waitMs?: number; errorTtlMs?: number; redis?: Redis } = {},
  ) => {
    const redis = options.redis ?? connect();
    await ready(redis);
    return withSharedFlight(provider, {
      redis,
      logger: silentLogger,
      leaseMs: options.leaseMs ?? 1000,
      waitMs: options.waitMs ?? 10_000,
      errorTtlMs: options.errorTtlMs,
      pollMs: 20,
      onOutcome: (o) => outcomes.push(o),
    });
  };

  afterEach(async () => {
    for (const proxy of proxies.splice(0)) await proxy.stop();
  });
  afterAll(() => {
    for (const redis of connections) redis.disconnect();
  });

  it('three instances asking at once: one provider call, the others use its published answer', async () => {
    const ticker = freshTicker();
    const gate = deferred<void>();
    const edge = scriptedProvider(async (t) => {
      await gate.promise;
      return seriesOf(t, 42);
    });
    const outcomes: FlightOutcome[] = [];
    const [a, b, c] = await Promise.all([0, 1, 2].map(() => instance(edge.provider, outcomes)));
    const answers = [a, b, c].map((p) => p.fetchDaily(ticker, '2024-01-01', '2024-01-31'));
    await new Promise((r) => setTimeout(r, 200));
    gate.resolve();
    const series = await Promise.all(answers);
    expect(edge.calls()).toBe(1);
    expect(series.map((s) => s.bars[0].close)).toEqual([42, 42, 42]);
    expect(outcomes.sort()).toEqual(['followed', 'followed', 'led']);
  });

  it('a provider error is shared with the waiters, not kept: a later call asks the provider again', async () => {
    const ticker = freshTicker();
    const edge = scriptedProvider(async (t) => {
      await new Promise((r) => setTimeout(r, 150));
      throw new NotFoundError(`Unknown ticker ${t}`, 'ticker');
    });
    const outcomes: FlightOutcome[] = [];
    const [a, b] = await Promise.all(
      [0, 1].map(() => instance(edge.provider, outcomes, { errorTtlMs: 300 })),
    );
    const results = await Promise.allSettled(
      [a, b].map((p) => p.fetchDaily(ticker, '2024-01-01', '2024-01-31')),
    );
    expect(edge.calls()).toBe(1);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(NotFoundError);
    }
    await new Promise((r) => setTimeout(r, 400));
    await expect(b.fetchDaily(ticker, '2024-01-01', '2024-01-31')).rejects.toBeInstanceOf(NotFoundError);
    expect(edge.calls()).toBe(2);
  });

  it('a holder that dies releases by lease expiry; its late answer is fenced out', async () => {
    const ticker = freshTicker();
    const target = new URL(redisUrl!);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    proxies.push(proxy);
    const holderGate = deferred<void>();
    const holderEdge = scriptedProvider(async (t) => {
      await holderGate.promise;
      return seriesOf(t, 1);
    });
    const otherEdge = scriptedProvider(async (t) => seriesOf(t, 2));
    const holderOutcomes: FlightOutcome[] = [];
    const otherOutcomes: FlightOutcome[] = [];
    const holderRedis = connect(`redis://127.0.0.1:${proxy.port}`);
    const holder = await instance(holderEdge.provider, holderOutcomes, { leaseMs: 600, redis: holderRedis });
    const other = await instance(otherEdge.provider, otherOutcomes, { leaseMs: 600 });

    const held = holder.fetchDaily(ticker, '2024-01-01', '2024-01-31');
    await new Promise((r) => setTimeout(r, 100));
    // The holder loses Redis (as a process that died or hangs): it cannot extend its lease.
    proxy.setMode('down');
    const started = performance.now();
    const taken = await other.fetchDaily(ticker, '2024-01-01', '2024-01-31');
    const waitedMs = performance.now() - started;
    expect(taken.bars[0].close).toBe(2);
    expect(otherOutcomes).toEqual(['led']);
    expect(waitedMs).toBeGreaterThan(300);
    expect(waitedMs).toBeLessThan(5_000);

    // The old holder comes back with its answer: the new holder's stays published.
    proxy.setMode('up');
    await expect.poll(() => holderRedis.status, { timeout: 5_000, interval: 20 }).toBe('ready');
    holderGate.resolve();
    expect((await held).bars[0].close).toBe(1);
    const lateOutcomes: FlightOutcome[] = [];
    const late = await instance(scriptedProvider(async (t) => seriesOf(t, 3)).provider, lateOutcomes);
    expect((await late.fetchDaily(ticker, '2024-01-01', '2024-01-31')).bars[0].close).toBe(2);
    expect(lateOutcomes).toEqual(['followed']);
  });

  it('a waiter gives up after its bound and calls the provider itself', async () => {
    const ticker = freshTicker();
    const holderGate = deferred<void>();
    const holderEdge = scriptedProvider(async (t) => {
      await holderGate.promise;
      return seriesOf(t, 1);
    });
    const waiterEdge = scriptedProvider(async (t) => seriesOf(t, 2));
    const outcomes: FlightOutcome[] = [];
    const holder = await instance(holderEdge.provider, outcomes, { leaseMs: 400 });
    const waiter = await instance(waiterEdge.provider, outcomes, { waitMs: 700 });
    const held = holder.fetchDaily(ticker, '2024-01-01', '2024-01-31');
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    const own = await waiter.fetchDaily(ticker, '2024-01-01', '2024-01-31');
    // The holder is alive and keeps extending its lease past the waiter's bound.
    expect(performance.now() - started).toBeGreaterThan(600);
    expect(own.bars[0].close).toBe(2);
    expect(waiterEdge.calls()).toBe(1);
    expect(outcomes).toEqual(['led', 'gave_up']);
    holderGate.resolve();
    await held;
  });

  it('without Redis every call goes to the provider', async () => {
    const ticker = freshTicker();
    const target = new URL(redisUrl!);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    proxies.push(proxy);
    const edge = scriptedProvider(async (t) => seriesOf(t, 7));
    const outcomes: FlightOutcome[] = [];
    const flight = await instance(edge.provider, outcomes, {
      redis: connect(`redis://127.0.0.1:${proxy.port}`),
    });
    proxy.setMode('down');
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    expect((await flight.fetchDaily(ticker, '2024-01-01', '2024-01-31')).bars[0].close).toBe(7);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(outcomes).toEqual(['alone']);
  });
});
