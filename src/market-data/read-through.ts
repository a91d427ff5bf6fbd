import type { TtlCache } from '../cache/ttl-cache.ts';
import type { PriceStore } from './price-store.ts';
import type { CoverageRange, StoredBar } from './price-store.ts';
import { todayUtc } from '../dates.ts';
import { AppError, NotFoundError } from '../errors.ts';
import { createBackgroundStore } from './background-store.ts';
import type { Logger } from '../observability/logger.ts';
import { type DateRange, missingRanges } from './coverage.ts';
import { cacheTtlMs, coverableUntil } from './recency.ts';
import {
  fingerprintColumns,
  type PriceSeries,
  type SeriesColumns,
  type SeriesKey,
  type SeriesSource,
  seriesKeyString,
  toColumns,
} from './series.ts';
import { type SyncResult, syncTicker } from './ticker-sync.ts';
import type { DailyBar, PriceProvider } from './types.ts';

export interface CachedSeries {
  columns: SeriesColumns;
  fingerprint: string;
}

export interface SeriesReaderDeps {
  cache: TtlCache<CachedSeries>;
  repository: PriceStore;
  provider: PriceProvider;
  logger: Logger;
  now: () => number;
  ttl: { historicalS: number; recentS: number };
  onSource?: (source: SeriesSource | 'STALE', key: SeriesKey) => void;
  onValidation?: (ticker: string, counts: { dropped: number; repaired: number; merged: number }) => void;
  /** Waits before each retry of a failed background write (see createBackgroundStore). */
  storeRetryDelaysMs?: readonly number[];
}

export interface SeriesReader {
  /** Answers every key in order: a series, or the Error for that key alone. */
  loadMany(keys: readonly SeriesKey[]): Promise<(PriceSeries | Error)[]>;
  /** Resolves once everything fetched so far is stored (or given up after its retries). */
  flush(): Promise<void>;
}

type Outcome = PriceSeries | Error;

const mergeBars = (stored: readonly DailyBar[], fetched: readonly DailyBar[]): DailyBar[] => {
  if (fetched.length === 0) return [...stored];
  const byDate = new Map<string, DailyBar>();
  for (const bar of stored) byDate.set(bar.date, bar);
  for (const bar of fetched) byDate.set(bar.date, bar);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};

/**
 * The read-through path for price series: cache → repository → provider. One cache multi-get
 * per batch; for the misses one coverage read and one bar read across all tickers; provider
 * calls only for uncovered dates, in parallel, one per ticker gap. Concurrent misses for the
 * same series share one load (single flight) within this process. Fetched bars answer at once
 * and are stored in the background; a miss of a ticker whose write is pending waits for it, so
 * it reads what was fetched rather than fetching it again.
 */
export function createSeriesReader(deps: SeriesReaderDeps): SeriesReader {
  const inFlight = new Map<string, Promise<Outcome>>();
  const store = createBackgroundStore({
    repository: deps.repository,
    logger: deps.logger,
    retryDelaysMs: deps.storeRetryDelaysMs,
  });

  const finish = (key: SeriesKey, columns: SeriesColumns, source: SeriesSource, stale: boolean): Outcome => {
    if (columns.dates.length === 0) {
      return new NotFoundError(`No price data for ${key.ticker} between ${key.from} and ${key.to}`, 'ticker');
    }
    deps.onSource?.(stale ? 'STALE' : source, key);
    return { ...key, source, stale, columns, fingerprint: fingerprintColumns(columns) };
  };

  async function loadMisses(keys: readonly SeriesKey[]): Promise<Outcome[]> {
    const nowMs = deps.now();
    const today = todayUtc(nowMs);
    const tickers = [...new Set(keys.map((k) => k.ticker))];
    await store.settled(tickers);
    const coverage = await deps.repository.readCoverage(tickers);
    const coverageOf = new Map<string, CoverageRange[]>();
    for (const c of coverage) coverageOf.set(c.ticker, [...(coverageOf.get(c.ticker) ?? []), c]);

    const gapsOf = keys.map((k) => {
      const until = k.to < today ? k.to : today;
      return k.from > until ? [] : missingRanges(coverageOf.get(k.ticker) ?? [], k.from, until);
    });
    const storedKeys = keys.map((k, i) => (coverageOf.has(k.ticker) ? i : -1)).filter((i) => i >= 0);
    const storedRows =
      storedKeys.length > 0
        ? await deps.repository.readBarsMany(
            storedKeys.map((i) => ({ ticker: keys[i].ticker, from: keys[i].from, to: keys[i].to })),
          )
        : [];
    const storedOf = new Map<number, StoredBar[]>(storedKeys.map((keyIndex, j) => [keyIndex, storedRows[j]]));

    const gapsByTicker = new Map<string, DateRange[]>();
    keys.forEach((k, i) => {
      if (gapsOf[i].length > 0)
        gapsByTicker.set(k.ticker, [...(gapsByTicker.get(k.ticker) ?? []), ...gapsOf[i]]);
    });
    const syncDeps = { ...deps, coverableUntil: coverableUntil(nowMs) };
    const synced = new Map<string, Promise<SyncResult>>();
    for (const [ticker, gaps] of gapsByTicker) {
      const sync = syncTicker(syncDeps, ticker, gaps, coverageOf.get(ticker) ?? [], nowMs).then((result) => {
        if (result.write !== null) store.schedule(result.write);
        return result;
      });
      sync.catch(() => undefined);
      synced.set(ticker, sync);
    }

    return Promise.all(
      keys.map(async (key, i): Promise<Outcome> => {
        const stored = storedOf.get(i) ?? [];
        const sync = synced.get(key.ticker);
        if (sync === undefined || gapsOf[i].length === 0) {
          return finish(key, toColumns(stored, key), 'DATABASE', false);
        }
        try {
          const result = await sync;
          const bars = result.rebuilt ? result.bars : mergeBars(stored, result.bars);
          return finish(key, toColumns(bars, key), 'PROVIDER', false);
        } catch (error) {
          const columns = toColumns(stored, key);
          if (columns.dates.length > 0 && !(error instanceof NotFoundError)) {
            deps.logger.warn(
              { ticker: key.ticker, err: (error as Error).message },
              'provider failed: serving stored data',
            );
            return finish(key, columns, 'DATABASE', true);
          }
          // Providers fail with AppErrors (NOT_FOUND, UPSTREAM_UNAVAILABLE); anything else came
          // from storing what was fetched, and is masked rather than blamed on the provider.
          if (error instanceof AppError) return error;
          return new AppError('INTERNAL_SERVER_ERROR', `Storing prices of ${key.ticker} failed`, {
            cause: error,
          });
        }
      }),
    );
  }

  async function loadAndCache(keys: readonly SeriesKey[]): Promise<Outcome[]> {
    let outcomes: Outcome[];
    try {
      outcomes = await loadMisses(keys);
    } catch (error) {
      deps.logger.error({ err: (error as Error).message }, 'series load failed');
      const failure =
        error instanceof AppError
          ? error
          : new AppError('INTERNAL_SERVER_ERROR', 'Series load failed', { cause: error });
      return keys.map(() => failure);
    }
    const nowMs = deps.now();
    await Promise.all(
      outcomes.map((o, i) =>
        o instanceof Error || o.stale
          ? undefined
          : deps.cache.set(
              seriesKeyString(keys[i]),
              { columns: o.columns, fingerprint: o.fingerprint },
              cacheTtlMs(keys[i].to, nowMs, deps.ttl),
            ),
      ),
    );
    return outcomes;
  }

  return {
    async loadMany(keys) {
      const strings = keys.map(seriesKeyString);
      const unique = [...new Set(strings)];
      const uniqueKeys = unique.map((s) => keys[strings.indexOf(s)]);
      const cached = await deps.cache.getMany(unique);
      const results = new Map<string, Promise<Outcome>>();
      const toLoad: SeriesKey[] = [];
      uniqueKeys.forEach((key, i) => {
        const hit = cached[i];
        if (hit !== undefined) {
          deps.onSource?.('MEMORY', key);
          results.set(unique[i], Promise.resolve({ ...key, source: 'MEMORY', stale: false, ...hit }));
        } else if (inFlight.has(unique[i])) {
          results.set(unique[i], inFlight.get(unique[i])!);
        } else {
          toLoad.push(key);
        }
      });
      if (toLoad.length > 0) {
        const batch = loadAndCache(toLoad);
        toLoad.forEach((key, j) => {
          const s = seriesKeyString(key);
          const promise = batch.then((outcomes) => outcomes[j]);
          inFlight.set(s, promise);
          results.set(s, promise);
          void promise.finally(() => inFlight.delete(s));
        });
      }
      return Promise.all(strings.map((s) => results.get(s)!));
    },
    flush: () => store.flush(),
  };
}
