/**
 * Decorators and hook handlers that feed metrics and `serviceStats` from the ports and hooks
 * of the data path, without changing the modules they observe.
 *
 * Ports are observed by decorators (provider calls, cache lookups, series loads). Four facts are
 * known only inside the module that produces them, so those modules take one optional hook each,
 * handled here or in the composition root: `onSource` (which layer answered a load: a waiter
 * sharing an in-flight load must not count it again, which a decorator around `loadMany` cannot
 * tell), `onValidation` (rows dropped, repaired and merged while checking a provider's answer),
 * `onEngineRun` (the engine's own time, without loading or caching) and `onQuery` (the SQL that
 * drizzle's logger and the MySQL health check send). Each is recorded once, in Prometheus, and
 * `serviceStats` reads the same counters back.
 */
import type { TtlCache } from './cache/ttl-cache.ts';
import { AppError } from './errors.ts';
import type { SeriesReader } from './market-data/read-through.ts';
import { type SeriesKey, type SeriesSource, seriesKeyString } from './market-data/series.ts';
import type { PriceProvider } from './market-data/types.ts';
import type { CacheLayer, CacheResult, Metrics } from './observability/metrics.ts';
import { currentRequestScope } from './observability/request-scope.ts';

export type RecordCache = (layer: CacheLayer, result: CacheResult) => void;

/** Provider calls counted and timed by outcome. */
export function withProviderMetrics(provider: PriceProvider, metrics: Metrics): PriceProvider {
  const observe = (outcome: string, startedMs: number) => {
    const labels = { provider: provider.name, outcome };
    metrics.providerRequests.inc(labels);
    metrics.providerDuration.observe(labels, (performance.now() - startedMs) / 1000);
  };
  return {
    name: provider.name,
    async fetchDaily(ticker, from, to, options) {
      const startedMs = performance.now();
      try {
        const series = await provider.fetchDaily(ticker, from, to, options);
        observe('ok', startedMs);
        return series;
      } catch (error) {
        const outcome = options?.signal?.aborted
          ? 'aborted'
          : error instanceof AppError && error.code === 'NOT_FOUND'
            ? 'not_found'
            : 'error';
        observe(outcome, startedMs);
        throw error;
      }
    },
  };
}

/** A cache whose lookups are counted as hits and misses of `layer`. */
export function withCacheMetrics<V>(cache: TtlCache<V>, layer: CacheLayer, record: RecordCache): TtlCache<V> {
  return {
    kind: cache.kind,
    async getMany(keys) {
      const values = await cache.getMany(keys);
      for (const value of values) record(layer, value === undefined ? 'miss' : 'hit');
      return values;
    },
    set: (key, value, ttlMs) => cache.set(key, value, ttlMs),
    delete: (key) => cache.delete(key),
    close: () => cache.close(),
  };
}

/**
 * Series loads timed by source. `reader` wraps the read-through and remembers when each key was
 * asked for; `onSource` (the read-through's hook) counts the cache layers and observes the time
 * from that moment to the series being ready, and attributes the source to the current request.
 */
export function createSeriesInstrumentation(metrics: Metrics, record: RecordCache) {
  const startedMs = new Map<string, number>();

  const onSource = (source: SeriesSource | 'STALE', key: SeriesKey): void => {
    if (source === 'MEMORY') {
      record('memory', 'hit');
    } else {
      record('memory', 'miss');
      record('database', source === 'DATABASE' ? 'hit' : source === 'STALE' ? 'stale' : 'miss');
    }
    const label = source.toLowerCase();
    const started = startedMs.get(seriesKeyString(key));
    if (started !== undefined)
      metrics.dataLoadDuration.observe({ source: label }, (performance.now() - started) / 1000);
  };

  const wrap = (reader: SeriesReader): SeriesReader => ({
    async loadMany(keys) {
      const now = performance.now();
      const mine: string[] = [];
      for (const key of keys) {
        const s = seriesKeyString(key);
        if (!startedMs.has(s)) {
          startedMs.set(s, now);
          mine.push(s);
        }
      }
      try {
        const results = await reader.loadMany(keys);
        const scope = currentRequestScope();
        if (scope !== undefined) {
          for (const result of results) {
            if (result instanceof Error) continue;
            const label = result.stale ? 'stale' : result.source.toLowerCase();
            scope.sources[label] = (scope.sources[label] ?? 0) + 1;
          }
        }
        return results;
      } finally {
        for (const s of mine) startedMs.delete(s);
      }
    },
    flush: () => reader.flush(),
  });

  return { onSource, wrap };
}
