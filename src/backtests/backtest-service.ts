import { LRUCache } from 'lru-cache';
import type { TtlCache } from '../cache/ttl-cache.ts';
import { type BacktestResult as EngineResult, runBacktest } from '../engine/backtest.ts';
import type { Bars } from '../engine/bars.ts';
import type { IndicatorCache } from '../engine/strategy.ts';
import { BadInputError } from '../errors.ts';
import { asInputError } from '../inputs/bad-input.ts';
import { type BacktestRequestInput, canonicalBacktest, type ValidatedBacktest } from '../inputs/backtest.ts';
import { sha256Of } from '../inputs/canonical-hash.ts';
import { toEngineOptions } from '../inputs/options.ts';
import type { SeriesLimits } from '../inputs/series.ts';
import type { SavedStrategies } from '../inputs/strategy-ref.ts';
import type { PriceSeries, SeriesKey } from '../market-data/series.ts';
import { benchmarkOf } from './benchmark.ts';
import { type BacktestRun, toBacktestRun } from './result.ts';
import { loadSeries, type SeriesLoader, seriesToBars } from './series-input.ts';
import { type DataReport, dataReport } from './warnings.ts';

export interface BacktestTimings {
  dataMs: number;
  engineMs: number;
  totalMs: number;
}

export interface BacktestOutcome extends BacktestRun, DataReport {
  cached: boolean;
  timings: BacktestTimings;
}

export interface BacktestServiceDeps {
  resultCache: TtlCache<BacktestRun>;
  resultTtlMs: number;
  limits: SeriesLimits;
  /** Where saved rule strategies are looked up by name. */
  saved: SavedStrategies;
  now: () => number;
  /** Called for every engine run (not for cache hits): metrics and tests. */
  onEngineRun?: (strategy: string, ms: number) => void;
}

/** Indicator arrays memoized per series across requests (a run adds a few; see `prepare`). */
const MAX_INDICATORS_PER_SERIES = 32;

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

  function runEngine({ request, definition }: ValidatedBacktest, series: PriceSeries): EngineResult {
    const { bars, indicators } = prepare(series);
    try {
      return runBacktest({
        bars,
        strategy: definition,
        params: request.params,
        options: toEngineOptions(request.options),
        indicatorCache: indicators,
      });
    } catch (error) {
      throw asInputError(error);
    }
  }

  return {
    /** `signal`: aborted (the deadline, the client gone), the engine does not start. */
    async run(
      input: BacktestRequestInput,
      loader: SeriesLoader,
      signal?: AbortSignal,
    ): Promise<BacktestOutcome> {
      const started = performance.now();
      const validated = await canonicalBacktest(input, deps.limits, deps.saved);
      const { request } = validated;
      const keys: SeriesKey[] = [request.series];
      if (request.benchmark !== null) keys.push({ ...request.series, ticker: request.benchmark });
      const loaded = await loadSeries(loader, keys);
      const [series, benchmarkSeries] = loaded;
      const dataMs = performance.now() - started;

      const data = dataReport(loaded, deps.now());
      const key = sha256Of({ request, data: loaded.map((s) => s.fingerprint) });
      const [hit] = await deps.resultCache.getMany([key]);
      if (hit !== undefined) {
        return {
          ...hit,
          ...data,
          warnings: [...data.warnings, ...hit.warnings],
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
      signal?.throwIfAborted();
      const engineStarted = performance.now();
      const result = runEngine(validated, series);
      const benchmark =
        benchmarkSeries === undefined
          ? null
          : benchmarkOf(series.columns.dates, result.equity, benchmarkSeries, result.warmupBars);
      const run = toBacktestRun(key, request, series.columns.dates, result, benchmark);
      const engineMs = performance.now() - engineStarted;
      // Rule strategies share one label: saved names are the users' own and unbounded.
      deps.onEngineRun?.(request.rules === null ? request.strategy : 'rules', engineMs);
      await deps.resultCache.set(key, run, deps.resultTtlMs);
      return {
        ...run,
        ...data,
        warnings: [...data.warnings, ...run.warnings],
        cached: false,
        timings: { dataMs, engineMs, totalMs: performance.now() - started },
      };
    },
  };
}

export type BacktestService = ReturnType<typeof createBacktestService>;
