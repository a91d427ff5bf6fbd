import type DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { TtlCache } from '../cache/ttl-cache.ts';
import { type BacktestResult as EngineResult, runBacktest } from '../engine/backtest.ts';
import { barsFromColumns, type Bars } from '../engine/bars.ts';
import { benchmarkStats } from '../engine/benchmark.ts';
import { EngineError } from '../engine/errors.ts';
import type { IndicatorCache } from '../engine/strategy.ts';
import { dateToUtcMs } from '../dates.ts';
import { BadInputError } from '../errors.ts';
import type { PriceSeries, SeriesKey } from '../market-data/series.ts';
import type { SeriesLimits } from '../market-data/series-request.ts';
import { getStrategy } from '../strategies/registry.ts';
import { alignCloses } from './align.ts';
import {
  type BacktestRequestInput,
  canonicalBacktest,
  type CanonicalBacktest,
  sha256Of,
  toEngineCommission,
} from './request.ts';
import { type BacktestRun, finiteOrNull, toBacktestRun } from './result.ts';

export interface BacktestTimings {
  dataMs: number;
  engineMs: number;
  totalMs: number;
}

export interface BacktestOutcome extends BacktestRun {
  cached: boolean;
  timings: BacktestTimings;
}

export interface BacktestServiceDeps {
  resultCache: TtlCache<BacktestRun>;
  resultTtlMs: number;
  limits: SeriesLimits;
  /** Called for every engine run (not for cache hits): metrics and tests. */
  onEngineRun?: (strategy: string, ms: number) => void;
}

type SeriesLoader = Pick<DataLoader<SeriesKey, PriceSeries, string>, 'loadMany'>;

/** Indicator arrays memoized per series across requests (a run adds a few; see `prepare`). */
const MAX_INDICATORS_PER_SERIES = 32;

/** Columnar engine bars of a daily series (datetime index at 00:00 UTC of each trading day). */
export function seriesToBars(series: PriceSeries): Bars {
  const c = series.columns;
  return barsFromColumns(
    {
      time: c.dates.map(dateToUtcMs),
      open: c.open,
      high: c.high,
      low: c.low,
      close: c.close,
      volume: c.volume,
    },
    { isDatetime: true },
  );
}

/**
 * The one place that joins data loading, result caching and the engine. The result cache key is
 * the SHA-256 of the canonical request and the fingerprints of the price data actually used,
 * so new bars or revised prices never return an old result.
 */
export function createBacktestService(deps: BacktestServiceDeps) {
  // Bars and indicator arrays per series fingerprint: a configured strategy's indicators are
  // computed once per (series, indicator, params), across requests. Each series keeps at most
  // MAX_INDICATORS_PER_SERIES arrays: every new params value adds arrays, so without a bound a
  // client sweeping params by hand grows memory without limit.
  const prepared = new LRUCache<string, { bars: Bars; indicators: IndicatorCache }>({ max: 64 });
  const prepare = (series: PriceSeries) => {
    let entry = prepared.get(series.fingerprint);
    if (entry === undefined) {
      entry = { bars: seriesToBars(series), indicators: new Map() };
      prepared.set(series.fingerprint, entry);
    }
    if (entry.indicators.size > MAX_INDICATORS_PER_SERIES) entry.indicators.clear();
    return entry;
  };

  function runEngine(request: CanonicalBacktest, series: PriceSeries): EngineResult {
    const definition = getStrategy(request.strategy)!;
    const { bars, indicators } = prepare(series);
    try {
      return runBacktest({
        bars,
        strategy: definition,
        params: request.params,
        options: { ...request.options, commission: toEngineCommission(request.options) },
        indicatorCache: indicators,
      });
    } catch (error) {
      if (error instanceof EngineError) {
        throw new BadInputError(`input.${error.field}`, `input.${error.field}: ${error.message}`, error);
      }
      throw error;
    }
  }

  return {
    async run(input: BacktestRequestInput, loader: SeriesLoader): Promise<BacktestOutcome> {
      const started = performance.now();
      const request = canonicalBacktest(input, deps.limits);
      const keys: SeriesKey[] = [request.series];
      if (request.benchmark !== null) keys.push({ ...request.series, ticker: request.benchmark });
      const loaded = await loader.loadMany(keys);
      const failed = loaded.find((r) => r instanceof Error);
      if (failed) throw failed;
      const [series, benchmarkSeries] = loaded as PriceSeries[];
      const dataMs = performance.now() - started;

      const key = sha256Of({ request, data: loaded.map((s) => (s as PriceSeries).fingerprint) });
      const [hit] = await deps.resultCache.getMany([key]);
      if (hit !== undefined) {
        return {
          ...hit,
          cached: true,
          timings: { dataMs, engineMs: 0, totalMs: performance.now() - started },
        };
      }

      if (series.columns.dates.length < 2) {
        throw new BadInputError(
          'input.from',
          `input.from: ${request.series.ticker} has fewer than 2 bars in range`,
        );
      }
      const engineStarted = performance.now();
      const result = runEngine(request, series);
      let benchmark: BacktestRun['benchmark'] = null;
      if (benchmarkSeries !== undefined) {
        const aligned = alignCloses(
          series.columns.dates,
          benchmarkSeries.columns.dates,
          benchmarkSeries.columns.close,
        );
        const b = benchmarkStats(result.equity, aligned, { startBar: result.warmupBars });
        benchmark = {
          ticker: benchmarkSeries.ticker,
          alphaPct: finiteOrNull(b.alphaPct),
          beta: finiteOrNull(b.beta),
        };
      }
      const run = toBacktestRun(key, request, series.columns.dates, result, benchmark);
      const engineMs = performance.now() - engineStarted;
      deps.onEngineRun?.(request.strategy, engineMs);
      await deps.resultCache.set(key, run, deps.resultTtlMs);
      return { ...run, cached: false, timings: { dataMs, engineMs, totalMs: performance.now() - started } };
    },
  };
}

export type BacktestService = ReturnType<typeof createBacktestService>;
