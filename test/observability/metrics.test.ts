import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sample, useAppsOnYahoo } from './app-support.ts';

const PRICES = `query Prices($t: String!) {
  priceSeries(ticker: $t, from: "2023-01-02", to: "2023-03-31") { barCount source }
}`;
const BACKTEST = `query Run { backtest(input: { ticker: "MET", from: "2022-01-03", to: "2023-06-30", strategy: "SmaCross" }) { cached } }`;

const { app, yahoo } = useAppsOnYahoo();

describe('/metrics', () => {
  it('serves the named metrics in Prometheus text format, process metrics included', async () => {
    const a = await app();
    const response = await a.app.fetch('http://localhost/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    for (const name of [
      'graphql_operation_duration_seconds',
      'graphql_serialization_duration_seconds',
      'data_load_duration_seconds',
      'engine_run_duration_seconds',
      'cache_requests_total',
      'provider_requests_total',
      'provider_request_duration_seconds',
      'db_queries_total',
      'db_pool_connections',
      'graphql_rejections_total',
      'price_rows_cleaned_total',
      'process_cpu_user_seconds_total',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('counts a provider load, then a memory-layer hit, with durations by source and operation', async () => {
    const a = await app();
    const before = await a.metricsText();
    expect(sample(before, 'cache_requests_total', { layer: 'memory', result: 'hit' })).toBe(0);

    const first = await a.gql<{ priceSeries: { source: string } }>(PRICES, { t: 'MET' });
    expect(first.data?.priceSeries.source).toBe('PROVIDER');
    let text = await a.metricsText();
    expect(sample(text, 'cache_requests_total', { layer: 'memory', result: 'miss' })).toBe(1);
    expect(sample(text, 'cache_requests_total', { layer: 'database', result: 'miss' })).toBe(1);
    expect(sample(text, 'cache_requests_total', { layer: 'memory', result: 'hit' })).toBe(0);
    expect(sample(text, 'provider_requests_total', { provider: 'yahoo', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'data_load_duration_seconds_count', { source: 'provider' })).toBe(1);
    expect(sample(text, 'db_queries_total', { statement: 'select' })).toBeGreaterThan(0);
    expect(sample(text, 'db_queries_total', { statement: 'insert' })).toBeGreaterThan(0);

    const second = await a.gql<{ priceSeries: { source: string } }>(PRICES, { t: 'MET' });
    expect(second.data?.priceSeries.source).toBe('MEMORY');
    text = await a.metricsText();
    expect(sample(text, 'cache_requests_total', { layer: 'memory', result: 'hit' })).toBe(1);
    expect(sample(text, 'data_load_duration_seconds_count', { source: 'memory' })).toBe(1);
    expect(sample(text, 'provider_requests_total', { provider: 'yahoo', outcome: 'ok' })).toBe(1);
    expect(
      sample(text, 'graphql_operation_duration_seconds_count', { operation: 'Prices', outcome: 'ok' }),
    ).toBe(2);
    expect(sample(text, 'graphql_serialization_duration_seconds_count')).toBeGreaterThanOrEqual(2);
  });

  it('times engine runs by strategy and counts result-cache hits', async () => {
    const a = await app();
    expect((await a.gql<{ backtest: { cached: boolean } }>(BACKTEST)).data?.backtest.cached).toBe(false);
    expect((await a.gql<{ backtest: { cached: boolean } }>(BACKTEST)).data?.backtest.cached).toBe(true);
    const text = await a.metricsText();
    expect(sample(text, 'engine_run_duration_seconds_count', { strategy: 'SmaCross' })).toBe(1);
    expect(sample(text, 'cache_requests_total', { layer: 'result', result: 'miss' })).toBe(1);
    expect(sample(text, 'cache_requests_total', { layer: 'result', result: 'hit' })).toBe(1);
  });

  it('counts provider calls by outcome', async () => {
    const a = await app();
    const answer = await a.gql(PRICES, { t: 'UNKNOWNCO' });
    expect(answer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    yahoo().setFault('BROKEN', { status: 503 });
    expect((await a.gql(PRICES, { t: 'BROKEN' })).errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    const text = await a.metricsText();
    expect(sample(text, 'provider_requests_total', { provider: 'yahoo', outcome: 'not_found' })).toBe(1);
    expect(sample(text, 'provider_requests_total', { provider: 'yahoo', outcome: 'error' })).toBe(1);
    expect(
      sample(text, 'graphql_operation_duration_seconds_count', { operation: 'Prices', outcome: 'error' }),
    ).toBe(2);
  });

  it('keeps one registry per app: two apps in one process count separately', async () => {
    const a = await app();
    const b = await app();
    await a.gql(PRICES, { t: 'MET' });
    expect(
      sample(await a.metricsText(), 'graphql_operation_duration_seconds_count', {
        operation: 'Prices',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      sample(await b.metricsText(), 'graphql_operation_duration_seconds_count', {
        operation: 'Prices',
        outcome: 'ok',
      }),
    ).toBe(0);
  });
});

describe('price row validation', () => {
  it('counts provider rows dropped, repaired and merged by validation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-clean-'));
    writeFileSync(
      join(dir, 'DIRTY.csv'),
      [
        ',Open,High,Low,Close,Volume',
        '2023-01-03,10,11,9,10.5,100',
        '2023-01-04,10,11,9,-1,100', // negative close: dropped
        '2023-01-05,10,11,9,12,100', // close above high: repaired
        '2023-01-06,10,11,9,10,100',
        '2023-01-06,10,11,9,10.2,100', // same date again: merged
        '2023-01-09,10,11,9,10,100',
      ].join('\n'),
    );
    const a = await app({ PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: dir });
    const r = await a.gql<{ priceSeries: { barCount: number } }>(
      '{ priceSeries(ticker: "DIRTY", from: "2023-01-01", to: "2023-01-31") { barCount } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.priceSeries.barCount).toBe(4);
    const text = await a.metricsText();
    expect(sample(text, 'price_rows_cleaned_total', { action: 'dropped' })).toBe(1);
    expect(sample(text, 'price_rows_cleaned_total', { action: 'repaired' })).toBe(1);
    expect(sample(text, 'price_rows_cleaned_total', { action: 'merged' })).toBe(1);
  });
});
