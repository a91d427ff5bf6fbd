/** A job's request: checked like optimizeStrategy's, plus the walk-forward window sizes. */
import type { JobKind } from '../db/job-records.ts';
import { BadInputError } from '../errors.ts';
import type { SeriesKey } from '../market-data/series.ts';
import { canonicalOptimize, type OptimizeRequestInput, type ParamRangeInput } from '../inputs/optimize.ts';
import type { CanonicalOptions } from '../inputs/options.ts';
import type { SeriesLimits } from '../inputs/series.ts';
import type { SavedStrategies, StrategyRef } from '../inputs/strategy-ref.ts';

export interface WalkForwardRequestInput extends OptimizeRequestInput {
  trainBars: number;
  testBars: number;
  anchored?: boolean | null;
}

export interface WalkForwardSpec {
  readonly trainBars: number;
  readonly testBars: number;
  readonly anchored: boolean;
}

/** The canonical request of a job as plain JSON: stored with the job and enough to run it again. */
export interface JobRequest {
  readonly kind: JobKind;
  readonly series: SeriesKey;
  readonly strategy: StrategyRef;
  readonly grid: readonly ParamRangeInput[];
  readonly params: Record<string, number | boolean>;
  readonly constraint: string | null;
  readonly maximize: string;
  readonly options: CanonicalOptions;
  /** Only for WALK_FORWARD. */
  readonly walkForward: WalkForwardSpec | null;
}

function checkCount(value: number, min: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new BadInputError(field, `${field}: must be a whole number ≥ ${min}, got ${value}`);
  }
  return value;
}

export async function canonicalJobRequest(
  kind: JobKind,
  input: OptimizeRequestInput | WalkForwardRequestInput,
  limits: SeriesLimits,
  saved: SavedStrategies,
): Promise<JobRequest> {
  let walkForward: WalkForwardSpec | null = null;
  if (kind === 'WALK_FORWARD') {
    const wf = input as WalkForwardRequestInput;
    walkForward = {
      trainBars: checkCount(wf.trainBars, 2, 'input.trainBars'),
      testBars: checkCount(wf.testBars, 1, 'input.testBars'),
      anchored: wf.anchored ?? false,
    };
  }
  const request = await canonicalOptimize(input, limits, saved);
  return {
    kind,
    series: request.series,
    strategy: request.strategy,
    grid: request.grid.map(({ name, from, to, step }) => ({ name, from, to, step })),
    params: request.params,
    constraint: request.constraint ?? null,
    maximize: request.maximize,
    options: request.options,
    walkForward,
  };
}
