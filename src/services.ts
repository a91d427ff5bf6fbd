import type { BacktestRun } from './backtests/result.ts';
import { type BacktestService, createBacktestService } from './backtests/backtest-service.ts';
import { createOptimizeService, type OptimizeService } from './backtests/optimize-service.ts';
import { createOptimizerPool } from './backtests/optimizer-pool.ts';
import { createPortfolioService, type PortfolioService } from './backtests/portfolio-service.ts';
import { createTtlCache, type TtlCache } from './cache/ttl-cache.ts';
import { createRedisConnection, redisReachable } from './cluster/redis-connection.ts';
import { createRedlockJobLeases } from './cluster/redlock-job-leases.ts';
import { withSharedFlight } from './cluster/shared-flight.ts';
import { createSharedRateLimiter } from './rate-limit/shared-rate-limiter.ts';
import { createStrategyService, type StrategyService } from './catalogue/strategy-service.ts';
import type { Config } from './config.ts';
import { createRepository } from './db/create-repository.ts';
import type { Repository } from './db/repository.ts';
import { createReadiness, type Readiness } from './db/readiness.ts';
import { createBullmqQueue } from './jobs/bullmq/bullmq-queue.ts';
import { createJobEvents, type JobEvents } from './jobs/job-events.ts';
import { createRedisJobEvents } from './jobs/redis-job-events.ts';
import { createJobService, type JobService } from './jobs/job-service.ts';
import { createProvider } from './market-data/create-provider.ts';
import { type CachedSeries, createSeriesReader, type SeriesReader } from './market-data/read-through.ts';
import type { PriceProvider } from './market-data/types.ts';
import { logWarmOutcomes, warmRange, warmSeries } from './market-data/warm.ts';
import {
  createSeriesInstrumentation,
  type RecordCache,
  withCacheMetrics,
  withProviderMetrics,
} from './instrument.ts';
import { instanceName } from './observability/instance.ts';
import type { Logger } from './observability/logger.ts';
import type { ClientLimiter } from './rate-limit/token-bucket.ts';
import { createMetrics, type Metrics, statementKind } from './observability/metrics.ts';
import { createStatsCollector, type StatsCollector } from './observability/stats.ts';

/** Everything a request or a command needs, built once per process behind its interface. */
export interface Services {
  config: Config;
  logger: Logger;
  repository: Repository;
  provider: PriceProvider;
  seriesCache: TtlCache<CachedSeries>;
  seriesReader: SeriesReader;
  backtests: BacktestService;
  /** The strategy catalogue: built-ins and saved rule strategies. */
  strategies: StrategyService;
  portfolios: PortfolioService;
  optimizer: OptimizeService;
  /** Optimizations and walk-forward analyses as stored jobs, run in this process or on BullMQ. */
  jobs: JobService;
  resultCache: TtlCache<BacktestRun>;
  readiness: Readiness;
  stats: StatsCollector;
  /** This instance's Prometheus registry and metrics (served on `/metrics`). */
  metrics: Metrics;
  /** This instance's name in logs and metrics (INSTANCE_ID, else hostname:pid). */
  instance: string;
  /** The rate limit shared by every instance (CACHE_URL set); undefined: per process. */
  rateLimiter: ClientLimiter | undefined;
  now: () => number;
  /** Applies migrations (retrying in the background while the database is down), then warms. */
  startBackground(): void;
  /** Applies migrations once; rejects when the database is unreachable. */
  migrate(): Promise<void>;
  /** Loads the configured warm tickers; never throws. */
  warm(): ReturnType<typeof warmSeries>;
  dispose(): Promise<void>;
}

export interface ServiceOverrides {
  repository?: Repository;
  provider?: PriceProvider;
  now?: () => number;
  onQuery?: (sql: string) => void;
}

const READY_TIMEOUT_MS = 1500;
/** Also the Retry-After of requests answered before the migrations are applied. */
export const MIGRATE_RETRY_MS = 2000;

/** The composition root. Opens no connection by itself; pools connect on first use. */
export function createServices(config: Config, logger: Logger, overrides: ServiceOverrides = {}): Services {
  const now = overrides.now ?? Date.now;
  const instance = instanceName(config.instanceId);
  const metrics = createMetrics({ instance });
  // With CACHE_URL the instances coordinate through Redis: one provider call per cold series
  // across all of them, and one rate limit per client.
  const redis =
    config.cache.url === undefined ? undefined : createRedisConnection({ url: config.cache.url, logger });
  const stats = createStatsCollector(now, metrics);
  const recordCache: RecordCache = metrics.recordCache;
  const onQuery = (sql: string) => {
    metrics.dbQueries.inc({ statement: statementKind(sql) });
    overrides.onQuery?.(sql);
  };
  const repository =
    overrides.repository ??
    createRepository({
      databaseUrl: config.database.url,
      poolSize: config.database.poolSize,
      queueLimit: config.database.queueLimit,
      onQuery,
    });
  if (repository.poolUsage) metrics.setPoolUsage(() => repository.poolUsage?.());
  const measuredProvider = withProviderMetrics(
    overrides.provider ?? createProvider(config.provider, logger),
    metrics,
  );
  const { yahoo } = config.provider;
  const provider =
    redis === undefined
      ? measuredProvider
      : withSharedFlight(measuredProvider, {
          redis,
          logger,
          // A holder's call may take every retry; waiters wait that long and a little more.
          waitMs: yahoo.timeoutMs * (yahoo.retries + 1) + 2000,
          onOutcome: (outcome) => metrics.sharedFlight.inc({ outcome }),
        });
  const rateLimiter =
    redis === undefined || config.http.rateLimitPerMinute <= 0
      ? undefined
      : createSharedRateLimiter({
          redis,
          perMinute: config.http.rateLimitPerMinute,
          logger,
          onFallback: () => metrics.rateLimitFallbacks.inc(),
        });
  const seriesMetrics = createSeriesInstrumentation(metrics, recordCache);
  // The in-process budget: three quarters for series, a quarter for backtest results.
  const cacheBytes = config.cache.memoryMb * 1024 * 1024;
  const seriesCache = createTtlCache<CachedSeries>({
    url: config.cache.url,
    namespace: 'series:v2',
    logger,
    maxBytes: Math.floor(cacheBytes * 0.75),
  });
  const seriesReader = seriesMetrics.wrap(
    createSeriesReader({
      cache: seriesCache,
      repository,
      provider,
      logger,
      now,
      ttl: { historicalS: config.cache.ttlHistoricalS, recentS: config.cache.ttlRecentS },
      onSource: seriesMetrics.onSource,
      onValidation: (_ticker, counts) => {
        for (const action of ['dropped', 'repaired', 'merged'] as const) {
          if (counts[action] > 0) metrics.priceRowsCleaned.inc({ action }, counts[action]);
        }
      },
    }),
  );
  const resultCache = withCacheMetrics(
    createTtlCache<BacktestRun>({
      url: config.cache.url,
      namespace: 'results:v3',
      logger,
      maxBytes: Math.floor(cacheBytes * 0.25),
    }),
    'result',
    recordCache,
  );
  const strategies = createStrategyService({ repository, now, logger });
  const backtests = createBacktestService({
    saved: strategies.saved,
    resultCache,
    resultTtlMs: config.cache.ttlHistoricalS * 1000,
    limits: config.limits,
    now,
    onEngineRun: (strategy, ms) => metrics.engineRunDuration.observe({ strategy }, ms / 1000),
  });
  const optimizerPool = createOptimizerPool();
  // Job events cross instances through Redis when there is one; jobs run on BullMQ with QUEUE_URL.
  const eventsUrl = config.queue.url ?? config.cache.url;
  const jobEvents: JobEvents & { close?: () => Promise<void> } = eventsUrl
    ? createRedisJobEvents(eventsUrl, logger)
    : createJobEvents();
  const jobs = createJobService({
    store: repository,
    events: jobEvents,
    queue: config.queue.url
      ? createBullmqQueue({
          url: config.queue.url,
          prefix: config.queue.prefix,
          chunkRuns: config.queue.chunkRuns,
          logger,
        })
      : undefined,
    limits: config.limits,
    saved: strategies.saved,
    newLoader: () => ({ loadMany: (keys) => seriesReader.loadMany(Array.from(keys)) }),
    logger,
    now,
    // Instances running jobs in process share them by lease, so a dead instance's jobs are taken
    // over; BullMQ hands a dead worker's chunks to another by its own locks.
    leases:
      redis === undefined || config.queue.url !== undefined
        ? undefined
        : createRedlockJobLeases({ redis, logger, leaseMs: config.jobs.leaseMs }),
    takeoverIntervalMs: config.jobs.takeoverIntervalMs,
    onTakenOver: (_id, trigger) => metrics.jobsTakenOver.inc({ trigger }),
  });
  const readiness = createReadiness(
    repository,
    READY_TIMEOUT_MS,
    redis === undefined ? undefined : () => redisReachable(redis, READY_TIMEOUT_MS),
  );
  let disposed = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const warm = () =>
    warmSeries(
      seriesReader,
      { tickers: config.warm.tickers, ...warmRange(config.warm.years, now()) },
      logger,
    );

  /** Runs again the jobs a stopped process left QUEUED or RUNNING (and no live one holds); never throws. */
  const resumeJobs = () =>
    jobs.resume().then(
      (resumed) => resumed > 0 && logger.info({ resumed }, 'jobs resumed'),
      (error) =>
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'jobs not resumed'),
    );

  const migrateInBackground = async (): Promise<void> => {
    try {
      await repository.migrate();
      readiness.markMigrated();
      logger.info({ dialect: repository.dialect }, 'database migrated');
      void resumeJobs();
      if (!disposed) jobs.startTakeoverSweep();
    } catch (error) {
      if (disposed) return;
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'migration failed; retrying',
      );
      retryTimer = setTimeout(() => void migrateInBackground(), MIGRATE_RETRY_MS);
      retryTimer.unref();
      return;
    }
    if (config.warm.onStart && !disposed) {
      void warm().then((outcomes) => logWarmOutcomes(outcomes, logger));
    }
  };

  return {
    config,
    logger,
    repository,
    provider,
    seriesCache,
    seriesReader,
    backtests,
    strategies,
    optimizer: createOptimizeService({
      pool: optimizerPool,
      limits: config.limits,
      saved: strategies.saved,
      now,
    }),
    jobs,
    portfolios: createPortfolioService({ repository, limits: config.limits, saved: strategies.saved, now }),
    resultCache,
    readiness,
    stats,
    metrics,
    instance,
    rateLimiter,
    now,
    startBackground() {
      void migrateInBackground();
    },
    async migrate() {
      await repository.migrate();
      readiness.markMigrated();
    },
    warm,
    async dispose() {
      disposed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await seriesReader.flush();
      await Promise.allSettled([
        repository.close(),
        seriesCache.close(),
        resultCache.close(),
        optimizerPool.close(),
        jobs.close().then(() => jobEvents.close?.()),
      ]);
      redis?.disconnect();
    },
  };
}
