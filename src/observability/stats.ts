import { createLatencyWindow, type OperationSummary, type SlowOperation } from './latency-window.ts';
import type { CacheLayer, CacheResult, Metrics } from './metrics.ts';

export interface CacheHitRate {
  layer: CacheLayer;
  hits: number;
  misses: number;
  stale: number;
  /** hits / (hits + misses + stale); null before the first lookup. */
  hitRate: number | null;
}

export interface StatsSnapshot {
  uptimeS: number;
  startedAt: string;
  engineRuns: number;
  windowS: number;
  operations: OperationSummary[];
  cacheHitRates: CacheHitRate[];
  slowestOperations: (Omit<SlowOperation, 'atMs'> & { at: string })[];
}

export interface StatsOptions {
  /** How far back percentiles and the slowest operations look (default 5 minutes). */
  windowMs?: number;
  /** Samples kept per operation within the window (default 1000). */
  maxSamples?: number;
  /** Distinct operation names tracked; later names count as `other` (default 200). */
  maxOperations?: number;
  /** Slowest operations reported (default 10). */
  slowestCount?: number;
}

const LAYERS: CacheLayer[] = ['memory', 'database', 'result'];

/**
 * What `serviceStats` reports. Cache lookups and engine runs are read from the Prometheus
 * metrics they are recorded in (one record per event); operation latencies are kept here as
 * samples too, because percentiles and the slowest operations of the last minutes need the raw
 * durations that a histogram does not keep.
 */
export function createStatsCollector(now: () => number, metrics: Metrics, options: StatsOptions = {}) {
  const startedAtMs = now();
  const windowMs = options.windowMs ?? 5 * 60_000;
  const slowestCount = options.slowestCount ?? 10;
  const window = createLatencyWindow({
    windowMs,
    maxSamples: options.maxSamples ?? 1000,
    maxOperations: options.maxOperations ?? 200,
  });

  return {
    recordOperation(name: string, durationMs: number) {
      window.record(name, durationMs, now());
    },
    async snapshot(): Promise<StatsSnapshot> {
      const nowMs = now();
      const cache = new Map<CacheLayer, Record<CacheResult, number>>(
        LAYERS.map((layer) => [layer, { hit: 0, miss: 0, stale: 0 }]),
      );
      for (const { labels, value } of (await metrics.cacheRequests.get()).values) {
        const counts = cache.get(labels.layer as CacheLayer);
        if (counts !== undefined) counts[labels.result as CacheResult] += value;
      }
      let engineRuns = 0;
      for (const { metricName, value } of (await metrics.engineRunDuration.get()).values) {
        if (metricName === 'engine_run_duration_seconds_count') engineRuns += value;
      }
      return {
        uptimeS: (nowMs - startedAtMs) / 1000,
        startedAt: new Date(startedAtMs).toISOString(),
        engineRuns,
        windowS: windowMs / 1000,
        operations: window.summarize(nowMs),
        cacheHitRates: LAYERS.map((layer) => {
          const c = cache.get(layer)!;
          const total = c.hit + c.miss + c.stale;
          return {
            layer,
            hits: c.hit,
            misses: c.miss,
            stale: c.stale,
            hitRate: total === 0 ? null : c.hit / total,
          };
        }),
        slowestOperations: window.slowest(nowMs, slowestCount).map(({ name, durationMs, atMs }) => ({
          name,
          durationMs,
          at: new Date(atMs).toISOString(),
        })),
      };
    },
  };
}

export type StatsCollector = ReturnType<typeof createStatsCollector>;
