import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = parseConfig({});
    expect(c.server).toEqual({ port: 4000, host: '127.0.0.1' });
    expect(c.database).toEqual({ url: undefined, poolSize: 20, queueLimit: 100 });
    expect(c.cache).toEqual({ url: undefined, ttlHistoricalS: 86400, ttlRecentS: 3600, memoryMb: 64 });
    expect(c.provider.kind).toBe('yahoo');
    expect(c.provider.yahoo).toEqual({ baseUrl: undefined, timeoutMs: 8000, concurrency: 10, retries: 2 });
    expect(c.warm).toEqual({
      onStart: true,
      tickers: ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'TSLA', 'NVDA'],
      years: 2,
    });
    expect(c.limits).toEqual({ maxTickers: 50, maxRangeYears: 50, maxOptimizeRuns: 20000 });
    expect(c.jobs).toEqual({ leaseMs: 10_000, takeoverIntervalMs: 3_000 });
    expect(c.adminToken).toBeUndefined();
    expect(c.logLevel).toBe('info');
    expect(c.observability).toEqual({ slowOperationMs: 1000 });
    expect(c.http).toEqual({
      maxBodyBytes: 102_400,
      requestTimeoutMs: 10_000,
      rateLimitPerMinute: 600,
      trustProxy: false,
    });
    expect(c.graphql).toEqual({
      introspection: true,
      maxDepth: 12,
      maxAliases: 60,
      maxTokens: 5000,
      maxCost: 300_000,
      persistedOperationsOnly: false,
    });
  });

  it('reads every variable', () => {
    const c = parseConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/test',
      DB_POOL_SIZE: '5',
      DB_QUEUE_LIMIT: '7',
      CACHE_URL: 'redis://127.0.0.1:6379',
      CACHE_TTL_HISTORICAL_S: '100',
      CACHE_TTL_RECENT_S: '10',
      CACHE_MEMORY_MB: '64',
      PRICE_PROVIDER: 'csv',
      PRICE_CSV_DIR: '/tmp/csv',
      YAHOO_BASE_URL: 'http://127.0.0.1:9999',
      YAHOO_TIMEOUT_MS: '500',
      YAHOO_CONCURRENCY: '2',
      YAHOO_RETRIES: '0',
      WARM_ON_START: 'false',
      WARM_TICKERS: ' aapl, brk-b ,',
      WARM_YEARS: '3',
      MAX_TICKERS: '3',
      MAX_RANGE_YEARS: '4',
      MAX_OPTIMIZE_RUNS: '99',
      JOB_LEASE_MS: '2500',
      JOB_TAKEOVER_INTERVAL_MS: '400',
      ADMIN_TOKEN: 'a-very-long-secret-token',
      LOG_LEVEL: 'debug',
      SLOW_OPERATION_MS: '250',
      REQUEST_TIMEOUT_MS: '500',
      MAX_BODY_BYTES: '4096',
      RATE_LIMIT_PER_MINUTE: '0',
      TRUST_PROXY: 'true',
      GRAPHQL_INTROSPECTION: 'false',
      MAX_QUERY_DEPTH: '8',
      MAX_QUERY_ALIASES: '5',
      MAX_QUERY_TOKENS: '400',
      MAX_QUERY_COST: '1000',
      PERSISTED_OPERATIONS_ONLY: 'true',
    });
    expect(c.server.port).toBe(8080);
    expect(c.database).toEqual({ url: 'mysql://root@127.0.0.1:3306/test', poolSize: 5, queueLimit: 7 });
    expect(c.cache).toEqual({
      url: 'redis://127.0.0.1:6379',
      ttlHistoricalS: 100,
      ttlRecentS: 10,
      memoryMb: 64,
    });
    expect(c.provider).toEqual({
      kind: 'csv',
      csvDir: '/tmp/csv',
      yahoo: { baseUrl: 'http://127.0.0.1:9999', timeoutMs: 500, concurrency: 2, retries: 0 },
    });
    expect(c.warm).toEqual({ onStart: false, tickers: ['AAPL', 'BRK-B'], years: 3 });
    expect(c.limits).toEqual({ maxTickers: 3, maxRangeYears: 4, maxOptimizeRuns: 99 });
    expect(c.jobs).toEqual({ leaseMs: 2500, takeoverIntervalMs: 400 });
    expect(c.adminToken).toBe('a-very-long-secret-token');
    expect(c.logLevel).toBe('debug');
    expect(c.observability).toEqual({ slowOperationMs: 250 });
    expect(c.http).toEqual({
      maxBodyBytes: 4096,
      requestTimeoutMs: 500,
      rateLimitPerMinute: 0,
      trustProxy: true,
    });
    expect(c.graphql).toEqual({
      introspection: false,
      maxDepth: 8,
      maxAliases: 5,
      maxTokens: 400,
      maxCost: 1000,
      persistedOperationsOnly: true,
    });
  });

  it('turns introspection off in production unless GRAPHQL_INTROSPECTION=true', () => {
    expect(parseConfig({ NODE_ENV: 'production' }).graphql.introspection).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(
      true,
    );
    expect(parseConfig({ NODE_ENV: 'development' }).graphql.introspection).toBe(true);
    expect(parseConfig({ NODE_ENV: 'test', GRAPHQL_INTROSPECTION: 'no' }).graphql.introspection).toBe(false);
  });

  it('names the instance by INSTANCE_ID, and refuses a name that would not fit a log field or label', () => {
    expect(parseConfig({}).instanceId).toBeUndefined();
    expect(parseConfig({ INSTANCE_ID: 'web-2.eu:4000' }).instanceId).toBe('web-2.eu:4000');
    expect(() => parseConfig({ INSTANCE_ID: 'two words' })).toThrow(
      expect.objectContaining({ problems: [expect.stringContaining('INSTANCE_ID')] }),
    );
  });

  it('reports bad limits and observability settings', () => {
    expect(() =>
      parseConfig({
        SLOW_OPERATION_MS: '0',
        REQUEST_TIMEOUT_MS: 'soon',
        RATE_LIMIT_PER_MINUTE: '-5',
        TRUST_PROXY: 'sometimes',
        MAX_QUERY_COST: '0',
        JOB_LEASE_MS: '200',
        JOB_TAKEOVER_INTERVAL_MS: 'often',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          expect.stringContaining('SLOW_OPERATION_MS'),
          expect.stringContaining('REQUEST_TIMEOUT_MS'),
          expect.stringContaining('RATE_LIMIT_PER_MINUTE'),
          expect.stringContaining('TRUST_PROXY'),
          expect.stringContaining('MAX_QUERY_COST'),
          expect.stringContaining('JOB_LEASE_MS'),
          expect.stringContaining('JOB_TAKEOVER_INTERVAL_MS'),
        ]),
      }),
    );
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: ' ' }).server.port).toBe(4000);
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      parseConfig({
        PORT: 'eighty',
        DATABASE_URL: 'postgres://x',
        CACHE_URL: 'memcached://x',
        YAHOO_RETRIES: '-1',
        WARM_ON_START: 'maybe',
        LOG_LEVEL: 'loud',
        ADMIN_TOKEN: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'CACHE_URL',
      'YAHOO_RETRIES',
      'WARM_ON_START',
      'LOG_LEVEL',
      'ADMIN_TOKEN',
    ]) {
      expect(problems).toContain(name);
    }
    expect((error as Error).message.split('\n').length).toBeGreaterThanOrEqual(8);
  });

  it('requires a folder for the CSV provider and sane TTLs', () => {
    expect(() => parseConfig({ PRICE_PROVIDER: 'csv' })).toThrow(/PRICE_CSV_DIR/);
    expect(() => parseConfig({ CACHE_TTL_RECENT_S: '90000' })).toThrow(/CACHE_TTL_RECENT_S/);
  });
});
