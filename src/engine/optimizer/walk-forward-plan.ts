import type { Bars } from '../bars.ts';
import { EngineError } from '../errors.ts';
import { type BacktestOptions, resolveOptions } from '../options.ts';
import type { ParamSpecs } from '../strategy.ts';
import { type OptimizationPlan, type OptimizationSpec, planOptimization } from './plan.ts';
import { DEFAULT_CHUNK_SIZE, type ProgressHooks } from './progress.ts';
import {
  type WalkForwardBounds,
  type WalkForwardWindowSpec,
  walkForwardWindows,
} from './walk-forward-windows.ts';

/** Everything walkForward takes: the optimizer's inputs, the window sizes and the progress hooks. */
export interface WalkForwardInput<S extends ParamSpecs = ParamSpecs>
  extends OptimizationSpec<S>,
    WalkForwardWindowSpec,
    ProgressHooks {
  readonly bars: Bars;
  /** Engine options of every run; the test runs use the carried cash and always finalize trades. */
  readonly options?: BacktestOptions;
}

export interface WalkForwardPlan {
  readonly windows: readonly WalkForwardBounds[];
  /** The grid after the constraint, the same for every window. */
  readonly optimization: OptimizationPlan;
  /** In-sample runs over all windows: windows × combinations (the test runs are not counted). */
  readonly runsTotal: number;
  readonly chunkSize: number;
}

/**
 * Validates a walk-forward analysis and counts its runs without running any: the windows
 * (fields `trainBars`, `testBars`), the optimization (as planOptimization: `maximize`, `grid…`,
 * `params.…`, `constraint`), the engine options (`options.…`) and `chunkSize`. Throws EngineError.
 */
export function planWalkForward<S extends ParamSpecs>(input: WalkForwardInput<S>): WalkForwardPlan {
  const windows = walkForwardWindows(input.bars.length, input);
  const optimization = planOptimization(input);
  resolveOptions(input.options);
  const chunkSize = input.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw new EngineError('chunkSize', `chunkSize must be a whole number ≥ 1, got ${chunkSize}`);
  }
  return {
    windows,
    optimization,
    runsTotal: windows.length * optimization.combinations.length,
    chunkSize,
  };
}
