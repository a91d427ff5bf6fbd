import { describe, expect, it } from 'vitest';
import { type TestApp, useAppsOnYahoo } from './app-support.ts';

const PRICES = `query Prices($t: String!) {
  priceSeries(ticker: $t, from: "2023-01-02", to: "2023-03-31") { barCount }
}`;
const SECRET_TOKEN = 'tok-3f9a1c-very-secret';
const SECRET_BEARER = 'bearer-7d2e-never-log-me';

const { app, yahoo } = useAppsOnYahoo();

const requestLines = (a: TestApp) => a.lines.filter((l) => l.msg === 'request');

describe('request logging', () => {
  it('writes one line per request with request id, operation, duration, status and sources', async () => {
    const a = await app();
    const first = await a.gql(PRICES, { t: 'LOGCO' }, { 'x-request-id': 'req-abc-123' });
    expect(first.headers.get('x-request-id')).toBe('req-abc-123');
    await a.gql(PRICES, { t: 'LOGCO' });
    await a.gql('{ strategies { name } }');
    const lines = requestLines(a);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      level: 30,
      requestId: 'req-abc-123',
      operation: 'Prices',
      status: 200,
      sources: { provider: 1 },
    });
    expect(typeof lines[0].durationMs).toBe('number');
    expect(lines[0].durationMs).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ operation: 'Prices', sources: { memory: 1 } });
    expect(lines[1].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[2]).toMatchObject({ operation: 'strategies', sources: {} });
  });

  it('names the error codes of a failed request', async () => {
    const a = await app();
    await a.gql(PRICES, { t: 'UNKNOWNX' });
    expect(requestLines(a)[0]).toMatchObject({ operation: 'Prices', errors: ['NOT_FOUND'] });
  });

  it('never logs variables, the Authorization header or the document', async () => {
    const a = await app({ LOG_LEVEL: 'debug' });
    await a.gql(
      `query Prices($t: String!, $token: String) { priceSeries(ticker: $t, from: "2023-01-02", to: "2023-03-31") { barCount } }`,
      { t: 'LOGCO', token: SECRET_TOKEN },
      { authorization: `Bearer ${SECRET_BEARER}` },
    );
    await a.gql(
      `mutation { warmCache(tickers: ["LOGCO"], from: "2023-01-02", to: "2023-01-31") { requested } }`,
      undefined,
      {
        authorization: `Bearer ${SECRET_BEARER}`,
      },
    );
    expect(requestLines(a)).toHaveLength(2);
    const all = a.raw.join('');
    expect(all).not.toContain(SECRET_TOKEN);
    expect(all).not.toContain(SECRET_BEARER);
    expect(all).not.toContain('priceSeries(ticker');
    expect(all).not.toMatch(/select .* from/i);
  });

  it('warns about operations slower than SLOW_OPERATION_MS, and only those', async () => {
    const a = await app({ SLOW_OPERATION_MS: '150' });
    yahoo().setFault('SLOWCO', { latencyMs: 400 });
    await a.gql(PRICES, { t: 'SLOWCO' }, { 'x-request-id': 'slow-1' });
    await a.gql(PRICES, { t: 'SLOWCO' }, { 'x-request-id': 'fast-1' });
    const warnings = a.lines.filter((l) => l.msg === 'slow operation');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      level: 40,
      requestId: 'slow-1',
      operation: 'Prices',
      thresholdMs: 150,
    });
    expect(warnings[0].durationMs).toBeGreaterThanOrEqual(400);
  });
});

describe('serviceStats', () => {
  const STATS = `query Stats {
    serviceStats {
      uptimeS startedAt engineRuns windowS
      operations { name count totalCount p50Ms p95Ms p99Ms maxMs }
      cacheHitRates { layer hits misses stale hitRate }
      slowestOperations { name durationMs at }
    }
  }`;

  it('reports per-operation counts and percentiles, cache hit rate per layer and the slowest operations', async () => {
    const a = await app();
    yahoo().setFault('STATCO', { latencyMs: 300 });
    await a.gql(PRICES, { t: 'STATCO' });
    for (let i = 0; i < 3; i += 1) await a.gql(PRICES, { t: 'STATCO' });
    await a.gql('query Catalogue { strategies { name } }');
    const answer = await a.gql<{
      serviceStats: {
        engineRuns: number;
        uptimeS: number;
        operations: { name: string; count: number; p50Ms: number; p99Ms: number; maxMs: number }[];
        cacheHitRates: { layer: string; hits: number; misses: number; hitRate: number | null }[];
        slowestOperations: { name: string; durationMs: number; at: string }[];
      };
    }>(STATS);
    expect(answer.errors).toBeUndefined();
    const stats = answer.data!.serviceStats;
    expect(stats.engineRuns).toBe(0);
    expect(stats.uptimeS).toBeGreaterThan(0);
    const prices = stats.operations.find((o) => o.name === 'Prices')!;
    expect(prices.count).toBe(4);
    expect(prices.p99Ms).toBe(prices.maxMs);
    expect(prices.maxMs).toBeGreaterThanOrEqual(300);
    expect(prices.p50Ms).toBeLessThan(300);
    expect(stats.operations.find((o) => o.name === 'Catalogue')?.count).toBe(1);
    expect(stats.cacheHitRates.find((c) => c.layer === 'MEMORY')).toMatchObject({
      hits: 3,
      misses: 1,
      hitRate: 0.75,
    });
    expect(stats.cacheHitRates.find((c) => c.layer === 'RESULT')).toMatchObject({ hits: 0, hitRate: null });
    expect(stats.slowestOperations[0].name).toBe('Prices');
    expect(stats.slowestOperations[0].durationMs).toBe(prices.maxMs);
    expect(Date.parse(stats.slowestOperations[0].at)).toBeGreaterThan(Date.now() - 60_000);
  });
});
