import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Connection counts of a database pool (MySQL only; the embedded SQLite has no pool). */
export interface PoolUsage {
  /** Connections open (busy or idle). */
  open: number;
  /** Idle connections. */
  free: number;
  /** Callers waiting for a connection. */
  queued: number;
}

export type CacheLayer = 'memory' | 'database' | 'result';
export type CacheResult = 'hit' | 'miss' | 'stale';
export type RejectionReason = 'depth' | 'aliases' | 'tokens' | 'cost' | 'deadline' | 'rate_limit';

/** Fast in-memory work to multi-second provider calls and long backtests. */
const LATENCY_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The service's Prometheus metrics in their own Registry (never prom-client's global one), so
 * several apps in one process (tests) keep separate counts. Served as text on `/metrics`.
 */
export function createMetrics(options: { instance?: string } = {}) {
  const registry = new Registry();
  // Every series carries the instance it came from, so several instances' scrapes add up.
  if (options.instance !== undefined) registry.setDefaultLabels({ instance: options.instance });
  const registers = [registry];
  let poolUsage: (() => PoolUsage | undefined) | undefined;

  collectDefaultMetrics({ register: registry });

  const metrics = {
    registry,
    operationDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL requests from arrival to response, by operation and outcome.',
      labelNames: ['operation', 'outcome'] as const,
      buckets: LATENCY_BUCKETS_S,
      registers,
    }),
    serializationDuration: new Histogram({
      name: 'graphql_serialization_duration_seconds',
      help: 'Time to serialize a GraphQL result into the HTTP response.',
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
      registers,
    }),
    dataLoadDuration: new Histogram({
      name: 'data_load_duration_seconds',
      help: 'Time to load one price series, by where it came from (memory, database, provider, stale).',
      labelNames: ['source'] as const,
      buckets: LATENCY_BUCKETS_S,
      registers,
    }),
    engineRunDuration: new Histogram({
      name: 'engine_run_duration_seconds',
      help: 'Backtest engine runs (result cache misses), by strategy.',
      labelNames: ['strategy'] as const,
      buckets: LATENCY_BUCKETS_S,
      registers,
    }),
    cacheRequests: new Counter({
      name: 'cache_requests_total',
      help: 'Lookups by layer (memory: series TTL cache; database: price store; result: backtest results) and result.',
      labelNames: ['layer', 'result'] as const,
      registers,
    }),
    providerRequests: new Counter({
      name: 'provider_requests_total',
      help: 'Price provider calls by provider and outcome (ok, not_found, error, aborted).',
      labelNames: ['provider', 'outcome'] as const,
      registers,
    }),
    providerDuration: new Histogram({
      name: 'provider_request_duration_seconds',
      help: 'Price provider calls, retries included, by provider and outcome.',
      labelNames: ['provider', 'outcome'] as const,
      buckets: LATENCY_BUCKETS_S,
      registers,
    }),
    dbQueries: new Counter({
      name: 'db_queries_total',
      help: 'SQL statements sent, by kind (select, insert, update, delete, other).',
      labelNames: ['statement'] as const,
      registers,
    }),
    priceRowsCleaned: new Counter({
      name: 'price_rows_cleaned_total',
      help: 'Provider rows dropped, repaired or merged (duplicate dates) by validation, by action.',
      labelNames: ['action'] as const,
      registers,
    }),
    sharedFlight: new Counter({
      name: 'shared_flight_total',
      help: 'Provider calls through the single flight across instances, by outcome (led, followed, gave_up, alone).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    rateLimitFallbacks: new Counter({
      name: 'rate_limit_fallback_total',
      help: 'Requests rate-limited by this instance alone because the shared limit (Redis) was unavailable.',
      registers,
    }),
    jobsTakenOver: new Counter({
      name: 'jobs_taken_over_total',
      help: 'Jobs queued here that another process had left QUEUED or RUNNING, by trigger: start (resumed at start-up) or sweep (its lease lapsed: the instance running it died).',
      labelNames: ['trigger'] as const,
      registers,
    }),
    compiledOperations: new Counter({
      name: 'graphql_compiled_operations_total',
      help: 'Operations executed as compiled queries (graphql-jit); mutations, subscriptions and queries whose variables do not coerce run on graphql-js.',
      registers,
    }),
    rejections: new Counter({
      name: 'graphql_rejections_total',
      help: 'Requests refused by a limit: depth, aliases, tokens, cost, deadline or rate_limit.',
      labelNames: ['reason'] as const,
      registers,
    }),
    /** Reports pool usage on every scrape from this source. */
    setPoolUsage(source: () => PoolUsage | undefined) {
      poolUsage = source;
    },
    recordCache(layer: CacheLayer, result: CacheResult) {
      metrics.cacheRequests.inc({ layer, result });
    },
    reject(reason: RejectionReason) {
      metrics.rejections.inc({ reason });
    },
  };

  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state (open, free) and callers queued for one.',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const usage = poolUsage?.();
      if (usage === undefined) return;
      this.set({ state: 'open' }, usage.open);
      this.set({ state: 'free' }, usage.free);
      this.set({ state: 'queued' }, usage.queued);
    },
  });

  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The first keyword of a SQL statement, as a bounded label; never the statement or its values. */
export function statementKind(sql: string): string {
  const keyword = /^\s*\(?\s*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase();
  switch (keyword) {
    case 'select':
    case 'insert':
    case 'update':
    case 'delete':
    case 'replace':
      return keyword;
    default:
      return 'other';
  }
}
