import { runBacktest } from '../backtest.ts';
import type { Bars } from '../bars.ts';
import type { BacktestOptions } from '../options.ts';
import type { BacktestStats } from '../stats.ts';
import type { IndicatorCache, ParamSpecs, StrategyDefinition } from '../strategy.ts';
import type { ParamCombination } from './grid.ts';
import { type FixedParams, type OptimizationSpec, planOptimization } from './plan.ts';
import type { NumericStatKey } from './stat-keys.ts';

export interface OptimizationRun {
  /** The params of this run: the fixed params and the grid combination. */
  readonly params: Readonly<Record<string, number | boolean>>;
  /** `stats[maximize]` (NaN when the statistic is undefined for this run). */
  readonly value: number;
  readonly stats: BacktestStats;
}

export interface OptimizationOutcome {
  readonly runCount: number;
  /** The run with the greatest value; NaN ranks below everything, ties go to the first in grid order. */
  readonly best: OptimizationRun;
  /** Every run in grid order (first range varying slowest), after the constraint. */
  readonly runs: readonly OptimizationRun[];
}

export interface OptimizeInput<S extends ParamSpecs = ParamSpecs> extends OptimizationSpec<S> {
  readonly bars: Bars;
  readonly options?: BacktestOptions;
}

/**
 * Runs a strategy over every combination of a param grid that passes the constraint (the
 * reference's `Backtest.optimize` with `method='grid'`) and ranks the runs by `maximize`.
 * Validation happens before any run (see planOptimization). Every run shares one IndicatorCache,
 * so each (indicator, params) is computed once per sweep. Pure and single-threaded.
 */
export function optimize<S extends ParamSpecs>(input: OptimizeInput<S>): OptimizationOutcome {
  const plan = planOptimization(input);
  const runs = runCombinations({
    bars: input.bars,
    strategy: input.strategy,
    combinations: plan.combinations,
    params: plan.params,
    options: input.options,
    maximize: plan.maximize,
  });
  return { runCount: runs.length, best: runs[bestRunIndex(runs)], runs };
}

export interface RunCombinationsInput<S extends ParamSpecs = ParamSpecs> {
  readonly bars: Bars;
  readonly strategy: StrategyDefinition<S>;
  /** Explicit combinations (e.g. one chunk of a plan), run in this order. */
  readonly combinations: readonly ParamCombination[];
  readonly params?: FixedParams;
  readonly options?: BacktestOptions;
  readonly maximize: NumericStatKey;
  /** Memo for these bars; pass the same map to every chunk of one sweep. A new one by default. */
  readonly indicatorCache?: IndicatorCache;
}

/** Runs each combination (fixed params overlaid by the combination) with one shared indicator memo. */
export function runCombinations<S extends ParamSpecs>(input: RunCombinationsInput<S>): OptimizationRun[] {
  const cache: IndicatorCache = input.indicatorCache ?? new Map();
  const fixed = input.params ?? {};
  const runs: OptimizationRun[] = [];
  for (const combination of input.combinations) {
    const params = { ...fixed, ...combination } as Record<string, number | boolean>;
    const { stats } = runBacktest({
      bars: input.bars,
      strategy: input.strategy,
      params,
      options: input.options,
      indicatorCache: cache,
    });
    runs.push({ params, value: stats[input.maximize], stats });
  }
  return runs;
}

/**
 * Index of the best run: the greatest value, NaN skipped (as pandas' idxmax on the reference's
 * heatmap), the first in order on ties; 0 when every value is NaN. −1 for no runs.
 */
export function bestRunIndex(runs: readonly { readonly value: number }[]): number {
  let best = -1;
  for (let k = 0; k < runs.length; k++) {
    const value = runs[k].value;
    if (Number.isNaN(value)) continue;
    if (best < 0 || value > runs[best].value) best = k;
  }
  return best < 0 && runs.length > 0 ? 0 : best;
}
