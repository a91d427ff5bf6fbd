import type DataLoader from 'dataloader';
import { EngineError } from '../engine/errors.ts';
import { BadInputError } from '../errors.ts';
import type { PriceSeries, SeriesKey } from '../market-data/series.ts';
import { checkRange, type SeriesLimits, toTicker } from '../market-data/series-request.ts';
import { seriesToBars } from './backtest-service.ts';
import type { OptimizerPool } from './optimizer-pool.ts';
import { canonicalOptions, type EngineOptionsInput, strategyOrThrow, toEngineCommission } from './request.ts';
import { finiteOrNull, type PublicStats, toPublicStats } from './result.ts';

export interface OptimizeRequestInput extends EngineOptionsInput {
  ticker: string;
  from: string;
  to: string;
  adjusted?: boolean | null;
  strategy: string;
  grid: readonly { name: string; from: number; to: number; step: number }[];
  params?: Record<string, unknown> | null;
  constraint?: string | null;
  maximize?: string | null;
}

export interface PublicRun {
  params: Record<string, number | boolean>;
  value: number | null;
  stats: PublicStats;
}

export interface OptimizationView {
  runCount: number;
  elapsedMs: number;
  best: PublicRun;
  runs: PublicRun[];
}

type SeriesLoader = Pick<DataLoader<SeriesKey, PriceSeries, string>, 'loadMany'>;

/** Grid optimization on worker threads, so the server keeps answering while a sweep runs. */
export function createOptimizeService(deps: {
  pool: OptimizerPool;
  limits: SeriesLimits & { maxOptimizeRuns: number };
}) {
  return {
    async run(input: OptimizeRequestInput, loader: SeriesLoader): Promise<OptimizationView> {
      const ticker = toTicker(input.ticker, 'input.ticker');
      checkRange(input.from, input.to, deps.limits, 'input.');
      const definition = strategyOrThrow(input.strategy);
      const options = canonicalOptions(input);
      if (input.grid.length === 0)
        throw new BadInputError('input.grid', 'input.grid: give at least one param range');
      if (input.constraint != null && input.constraint.length > 1000) {
        throw new BadInputError('input.constraint', 'input.constraint: at most 1000 characters');
      }
      const [series] = await loader.loadMany([
        { ticker, from: input.from, to: input.to, adjusted: input.adjusted ?? true },
      ]);
      if (series instanceof Error) throw series;
      const bars = seriesToBars(series);
      try {
        const result = await deps.pool.optimize({
          bars,
          strategyName: definition.name,
          grid: input.grid,
          constraint: input.constraint ?? undefined,
          maximize: input.maximize ?? 'sqn',
          params: (input.params ?? {}) as Record<string, number | boolean>,
          options: { ...options, commission: toEngineCommission(options) },
          maxRuns: deps.limits.maxOptimizeRuns,
        });
        const toPublic = (run: (typeof result.runs)[number]): PublicRun => ({
          params: { ...run.params },
          value: finiteOrNull(run.value),
          stats: toPublicStats(run.stats),
        });
        return {
          runCount: result.runCount,
          elapsedMs: result.elapsedMs,
          best: toPublic(result.best),
          runs: result.runs.map(toPublic),
        };
      } catch (error) {
        if (error instanceof EngineError) {
          const field = `input.${error.field}`;
          throw new BadInputError(field, `${field}: ${error.message}`, error);
        }
        throw error;
      }
    },
  };
}

export type OptimizeService = ReturnType<typeof createOptimizeService>;
