import { createLatencyWindow, type OperationSummary, type SlowOperation } from './latency-window.ts';
import type { CacheLayer, CacheResult } from './metrics.ts';

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

/** Collects what `serviceStats` reports. */
export function createStatsCollector(now: () => number, options: StatsOptions = {}) {
  const startedAtMs = now();
  const windowMs = options.windowMs ?? 5 * 60_000;
  const slowestCount = options.slowestCount ?? 10;
  const window = createLatencyWindow({
    windowMs,
    maxSamples: options.maxSamples ?? 1000,
    maxOperations: options.maxOperations ?? 200,
  });
  const cache = new Map<CacheLayer, Record<CacheResult, number>>(
    LAYERS.map((layer) => [layer, { hit: 0, miss: 0, stale: 0 }]),
  );
  let engineRuns = 0;

  return {
    recordEngineRun() {
      engineRuns += 1;
    },
    recordOperation(name: string, durationMs: number) {
      window.record(name, durationMs, now());
    },
    recordCache(layer: CacheLayer, result: CacheResult) {
      cache.get(layer)![result] += 1;
    },
    snapshot(): StatsSnapshot {
      const nowMs = now();
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
