import { asInputError } from '../inputs/bad-input.ts';
import { canonicalOptimize, type OptimizeRequestInput } from '../inputs/optimize.ts';
import { toEngineOptions } from '../inputs/options.ts';
import type { SeriesLimits } from '../inputs/series.ts';
import type { SavedStrategies } from '../inputs/strategy-ref.ts';
import type { OptimizerPool } from './optimizer-pool.ts';
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
}

/** Grid optimization on worker threads, so the server keeps answering while a sweep runs. */
export function createOptimizeService(deps: {
  pool: OptimizerPool;
  limits: SeriesLimits & { maxOptimizeRuns: number };
  saved: SavedStrategies;
  now: () => number;
}) {
  return {
    async run(input: OptimizeRequestInput, loader: SeriesLoader): Promise<OptimizationView> {
      const request = await canonicalOptimize(input, deps.limits, deps.saved);
      const [series] = await loadSeries(loader, [request.series]);
      const bars = seriesToBars(series);
      try {
        const result = await deps.pool.optimize({
          bars,
          strategy: request.strategy,
          grid: request.grid,
          constraint: request.constraint,
          maximize: request.maximize,
          params: request.params,
          options: toEngineOptions(request.options),
          maxRuns: deps.limits.maxOptimizeRuns,
        });
        const toPublic = (run: (typeof result.runs)[number]): PublicRun => ({
          params: { ...run.params },
          value: finiteOrNull(run.value),
          stats: toPublicStats(run.stats),
        });
        return {
          ...dataReport([series], deps.now()),
          runCount: result.runCount,
          elapsedMs: result.elapsedMs,
          best: toPublic(result.best),
          runs: result.runs.map(toPublic),
        };
      } catch (error) {
        throw asInputError(error);
      }
    },
  };
}

export type OptimizeService = ReturnType<typeof createOptimizeService>;
