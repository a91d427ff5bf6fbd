import type { OperationSummary } from '../observability/latency-window.ts';
import type { CacheHitRate, StatsSnapshot } from '../observability/stats.ts';
import { builder } from './builder.ts';

type SlowOperationShape = StatsSnapshot['slowestOperations'][number];

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

const OperationStats = builder.objectRef<OperationSummary>('OperationStats').implement({
  description: 'Latency of one operation (by name, or by root fields when anonymous) over the recent window.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Operation name, or its root fields joined by +.' }),
    count: t.exposeInt('count', { description: 'Operations finished within the window.' }),
    totalCount: t.exposeInt('totalCount', { description: 'Operations finished since the process started.' }),
    p50Ms: t.float({
      nullable: true,
      description: 'Median duration (ms).',
      resolve: (s) => finiteOrNull(s.p50Ms),
    }),
    p95Ms: t.float({
      nullable: true,
      description: '95th percentile (ms).',
      resolve: (s) => finiteOrNull(s.p95Ms),
    }),
    p99Ms: t.float({
      nullable: true,
      description: '99th percentile (ms).',
      resolve: (s) => finiteOrNull(s.p99Ms),
    }),
    maxMs: t.float({
      nullable: true,
      description: 'Slowest in the window (ms).',
      resolve: (s) => finiteOrNull(s.maxMs),
    }),
  }),
});

const CacheLayer = builder.enumType('CacheLayer', {
  description: 'A layer of the data path that answers lookups.',
  values: {
    MEMORY: { value: 'memory', description: 'The series TTL cache (in process, or Redis).' },
    DATABASE: { value: 'database', description: 'The price store.' },
    RESULT: { value: 'result', description: 'The backtest result cache.' },
  } as const,
});

const CacheLayerStats = builder.objectRef<CacheHitRate>('CacheLayerStats').implement({
  description:
    'Lookups of one cache layer since start: memory (series TTL cache), database (price store), result (backtests).',
  fields: (t) => ({
    layer: t.field({ type: CacheLayer, description: 'The layer.', resolve: (c) => c.layer }),
    hits: t.exposeInt('hits', { description: 'Answered by this layer.' }),
    misses: t.exposeInt('misses', { description: 'Passed on to the next layer.' }),
    stale: t.exposeInt('stale', { description: 'Stored data served because the provider failed.' }),
    hitRate: t.float({
      nullable: true,
      description: 'hits / all lookups, from 0 to 1; null before the first lookup.',
      resolve: (c) => c.hitRate,
    }),
  }),
});

const SlowOperation = builder.objectRef<SlowOperationShape>('SlowOperation').implement({
  description: 'One of the slowest recent operations.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Operation name, or its root fields joined by +.' }),
    durationMs: t.exposeFloat('durationMs', { description: 'From arrival to response (ms).' }),
    at: t.field({ type: 'DateTime', description: 'When it finished.', resolve: (o) => o.at }),
  }),
});

const ServiceStats = builder.objectRef<StatsSnapshot>('ServiceStats').implement({
  description: 'How the service is doing.',
  fields: (t) => ({
    uptimeS: t.exposeFloat('uptimeS', { description: 'Seconds since the process started serving.' }),
    startedAt: t.field({
      type: 'DateTime',
      description: 'When the process started.',
      resolve: (s) => s.startedAt,
    }),
    engineRuns: t.exposeInt('engineRuns', {
      description: 'Backtests computed by the engine (cache hits excluded).',
    }),
    windowS: t.exposeFloat('windowS', {
      description: 'How far back operations and slowestOperations look (s).',
    }),
    operations: t.field({
      type: [OperationStats],
      description: 'Per operation: count and p50/p95/p99 latency over the window, busiest first.',
      resolve: (s) => s.operations,
    }),
    cacheHitRates: t.field({
      type: [CacheLayerStats],
      description: 'Hit rate per cache layer since start.',
      resolve: (s) => s.cacheHitRates,
    }),
    slowestOperations: t.field({
      type: [SlowOperation],
      description: 'The slowest operations within the window, slowest first (at most 10).',
      resolve: (s) => s.slowestOperations,
    }),
  }),
});

builder.queryField('serviceStats', (t) =>
  t.field({
    type: ServiceStats,
    description:
      'Uptime, per-operation latency percentiles, cache hit rates and the slowest recent operations.',
    resolve: (_root, _args, ctx) => ctx.services.stats.snapshot(),
  }),
);
