import { describe, expect, it } from 'vitest';
import { sample, type TestApp, useAppsOnYahoo } from '../observability/app-support.ts';

const PRICES = `query Prices($t: String!) {
  priceSeries(ticker: $t, from: "2023-01-02", to: "2023-03-31") { barCount }
}`;

const { app, yahoo } = useAppsOnYahoo();

const post = (a: TestApp, body: BodyInit, headers: Record<string, string> = {}) =>
  a.app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);

describe('request body size', () => {
  it('answers 413 for a body over MAX_BODY_BYTES, with or without Content-Length', async () => {
    const a = await app({ MAX_BODY_BYTES: '2048' });
    const big = JSON.stringify({ query: '{ strategies { name } }', variables: { pad: 'x'.repeat(4096) } });
    expect((await post(a, big)).status).toBe(413);
    const bytes = new TextEncoder().encode(big);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 512) controller.enqueue(bytes.slice(i, i + 512));
        controller.close();
      },
    });
    expect((await post(a, chunked)).status).toBe(413);
    expect((await post(a, JSON.stringify({ query: '{ strategies { name } }' }))).status).toBe(200);
  });

  it('answers 413 for a 1 MB ticker string under the default limit, quickly', async () => {
    const a = await app();
    const started = performance.now();
    const response = await post(
      a,
      JSON.stringify({ query: PRICES, variables: { t: 'A'.repeat(1024 * 1024) } }),
    );
    expect(response.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After and RATE_LIMITED after N requests from one client, while another is served', async () => {
    const a = await app({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' });
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < 3; i += 1) {
      expect((await a.gql('{ strategies { name } }', undefined, from('198.51.100.1'))).status).toBe(200);
    }
    const refused = await a.gql('{ strategies { name } }', undefined, from('198.51.100.1'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].message).toMatch(/at most 3 per minute/);

    const other = await a.gql<{ strategies: unknown[] }>(
      '{ strategies { name } }',
      undefined,
      from('198.51.100.2'),
    );
    expect(other.status).toBe(200);
    expect(other.data?.strategies.length).toBeGreaterThanOrEqual(7);
    expect((await a.app.fetch('http://localhost/healthz')).status).toBe(200);
    expect((await a.app.fetch('http://localhost/metrics')).status).toBe(200);
    expect(sample(await a.metricsText(), 'graphql_rejections_total', { reason: 'rate_limit' })).toBe(1);
    expect(a.lines.find((l) => l.msg === 'request' && l.status === 429)).toBeDefined();
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set, and 0 disables the limit', async () => {
    const untrusted = await app({ RATE_LIMIT_PER_MINUTE: '2' });
    for (const ip of ['192.0.2.1', '192.0.2.2']) {
      expect(
        (await untrusted.gql('{ strategies { name } }', undefined, { 'x-forwarded-for': ip })).status,
      ).toBe(200);
    }
    expect(
      (await untrusted.gql('{ strategies { name } }', undefined, { 'x-forwarded-for': '192.0.2.3' })).status,
    ).toBe(429);
    const unlimited = await app({ RATE_LIMIT_PER_MINUTE: '0' });
    for (let i = 0; i < 20; i += 1) expect((await unlimited.gql('{ strategies { name } }')).status).toBe(200);
  });
});

describe('request deadline', () => {
  it('cuts an operation waiting on a slow provider at REQUEST_TIMEOUT_MS with 504 DEADLINE_EXCEEDED, then serves normally', async () => {
    const a = await app({ REQUEST_TIMEOUT_MS: '500' });
    yahoo().setFault('SLOWPOKE', { latencyMs: 5000 });
    const started = performance.now();
    const cut = await a.gql(PRICES, { t: 'SLOWPOKE' });
    const elapsedMs = performance.now() - started;
    expect(cut.status).toBe(504);
    expect(cut.data ?? null).toBeNull();
    expect(cut.errors).toHaveLength(1);
    expect(cut.errors![0].extensions).toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    expect(cut.errors![0].message).toMatch(/longer than 500 ms/);
    expect(elapsedMs).toBeGreaterThanOrEqual(480);
    expect(elapsedMs).toBeLessThan(2000);

    const next = await a.gql<{ priceSeries: { barCount: number } }>(PRICES, { t: 'QUICK' });
    expect(next.status, JSON.stringify(next.errors)).toBe(200);
    expect(next.data?.priceSeries.barCount).toBeGreaterThan(50);
    expect(sample(await a.metricsText(), 'graphql_rejections_total', { reason: 'deadline' })).toBe(1);
  });

  it('runs no engine once the deadline has passed: a backtest whose series comes late is not computed', async () => {
    const a = await app({ REQUEST_TIMEOUT_MS: '1000' });
    yahoo().setFault('LATEBT', { latencyMs: 2000 });
    const BACKTEST = `query ($t: String!) {
      backtest(input: { ticker: $t, from: "2023-01-02", to: "2023-06-30", strategy: "SmaCross", params: { fast: 5, slow: 20 } }) {
        cached stats { tradeCount }
      }
    }`;
    const engineRuns = async () =>
      sample(await a.metricsText(), 'engine_run_duration_seconds_count', { strategy: 'SmaCross' });
    const cut = await a.gql(BACKTEST, { t: 'LATEBT' });
    expect(cut.status).toBe(504);
    expect(cut.errors![0].extensions).toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    // The series arrives after the 504 and is cached; the resolver, still running, stops there.
    await expect
      .poll(
        async () => (await a.gql<{ priceSeries: { barCount: number } }>(PRICES, { t: 'LATEBT' })).status,
        {
          timeout: 5_000,
          interval: 100,
        },
      )
      .toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await engineRuns()).toBe(0);
    // Not vacuous: the same request within the deadline runs the engine, and the metric counts it.
    const served = await a.gql(BACKTEST, { t: 'LATEBT' });
    expect(served.status, JSON.stringify(served.errors)).toBe(200);
    expect(await engineRuns()).toBe(1);
  });
});

describe('introspection policy', () => {
  const TYPO = '{ priceSeries(ticker: "A", from: "2023-01-02", to: "2023-01-31") { barz } }';

  it('in production: no introspection, no GraphiQL and no "Did you mean" in errors', async () => {
    const a = await app({ NODE_ENV: 'production' });
    const typo = await a.gql(TYPO);
    expect(typo.errors?.[0].message).toMatch(/Cannot query field "barz" on type "PriceSeries"/);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    const enumTypo = await a.gql(
      'mutation ($input: PortfolioBacktestInput!) { runPortfolioBacktest(input: $input) { id } }',
      {
        input: {
          holdings: [{ ticker: 'A', weight: 1 }],
          from: '2023-01-02',
          to: '2023-01-31',
          rebalance: 'MONTHLYY',
        },
      },
    );
    expect(enumTypo.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(enumTypo.errors)).not.toMatch(/Did you mean/);
    const introspection = await a.gql('{ __schema { types { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection has been disabled/);
    const graphiql = await a.app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).not.toMatch(/<html/i);
  });

  it('outside production, or with GRAPHQL_INTROSPECTION=true, introspection and suggestions stay', async () => {
    const envs: Record<string, string>[] = [{}, { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }];
    for (const env of envs) {
      const a = await app(env);
      expect(JSON.stringify((await a.gql(TYPO)).errors)).toMatch(/Did you mean \\"bars\\"\?/);
      expect((await a.gql('{ __schema { types { name } } }')).errors).toBeUndefined();
    }
  });
});
