import { asInputError } from '../inputs/bad-input.ts';
import { canonicalOptimize, type OptimizeRequestInput, type ParamRangeInput } from '../inputs/optimize.ts';
import { toEngineOptions } from '../inputs/options.ts';
import type { SeriesLimits } from '../inputs/series.ts';
import type { SavedStrategies } from '../inputs/strategy-ref.ts';
import type { OptimizationResult, OptimizerPool } from './optimizer-pool.ts';
import { finiteOrNull, type PublicStats, toPublicStats } from './result.ts';
import { loadSeries, type SeriesLoader, seriesToBars } from './series-input.ts';
import { type DataReport, dataReport } from './warnings.ts';

export interface PublicRun {
  params: Record<string, number | boolean>;
  value: number | null;
  stats: PublicStats;
}

export interface OptimizationView extends DataReport {
  runCount: number;
  elapsedMs: number;
  best: PublicRun;
  runs: PublicRun[];
  /** The ranges searched (a heatmap's axes are among them). */
  grid: readonly ParamRangeInput[];
}

/** What the engine's runs look like to clients: NaN and ±Infinity values and stats become null. */
export function toOptimizationView(
  result: Pick<OptimizationResult, 'runCount' | 'elapsedMs' | 'best' | 'runs'>,
  grid: readonly ParamRangeInput[],
  report: DataReport,
): OptimizationView {
  const toPublic = (run: OptimizationResult['best']): PublicRun => ({
    params: { ...run.params },
    value: finiteOrNull(run.value),
    stats: toPublicStats(run.stats),
  });
  return {
    ...report,
    runCount: result.runCount,
    elapsedMs: result.elapsedMs,
    best: toPublic(result.best),
    runs: result.runs.map(toPublic),
    grid: grid.map(({ name, from, to, step }) => ({ name, from, to, step })),
  };
}

/**
 * Grid optimization on worker threads, so the server keeps answering while a sweep runs (the
 * pool runs small sweeps on the calling thread).
 */
export function createOptimizeService(deps: {
  pool: OptimizerPool;
  limits: SeriesLimits & { maxOptimizeRuns: number };
  saved: SavedStrategies;
  now: () => number;
}) {
  return {
    /** `signal`: aborted (the deadline, the client gone), the sweep stops and rejects with its reason. */
    async run(
      input: OptimizeRequestInput,
      loader: SeriesLoader,
      signal?: AbortSignal,
    ): Promise<OptimizationView> {
      const request = await canonicalOptimize(input, deps.limits, deps.saved);
      const [series] = await loadSeries(loader, [request.series]);
      const bars = seriesToBars(series);
      try {
        const result = await deps.pool.optimize(
          {
            bars,
            strategy: request.strategy,
            grid: request.grid,
            constraint: request.constraint,
            maximize: request.maximize,
            params: request.params,
            options: toEngineOptions(request.options),
            maxRuns: deps.limits.maxOptimizeRuns,
          },
          { signal },
        );
        return toOptimizationView(result, request.grid, dataReport([series], deps.now()));
      } catch (error) {
        if (signal?.aborted && error === signal.reason) throw error;
        throw asInputError(error);
      }
    },
  };
}

export type OptimizeService = ReturnType<typeof createOptimizeService>;
