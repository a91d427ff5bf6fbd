/** What a job worker thread is given and what it answers (plain data across the thread). */
import type { OptimizeJobBars, PlainBacktestOptions } from '../backtests/optimizer-messages.ts';
import type { JobKind } from '../db/job-records.ts';
import type { OptimizationRun } from '../engine/optimizer/optimize.ts';
import type { TrainedWindow } from '../engine/optimizer/walk-forward.ts';
import type { ParamRange } from '../engine/optimizer/grid.ts';
import type { StrategyRef } from '../inputs/strategy-ref.ts';
import type { WalkForwardSpec } from './job-request.ts';
import type { WalkForwardView } from './job-views.ts';

export interface JobTask {
  readonly kind: JobKind;
  readonly bars: OptimizeJobBars;
  readonly strategy: StrategyRef;
  readonly grid: readonly ParamRange[];
  readonly params: Readonly<Record<string, number | boolean>>;
  readonly constraint: string | undefined;
  readonly maximize: string;
  readonly options: PlainBacktestOptions;
  readonly maxRuns: number;
  readonly walkForward: WalkForwardSpec | null;
  /** Only these combinations of the plan, [from, to) (one chunk of a sweep split over workers). */
  readonly slice?: readonly [from: number, to: number] | null;
  /** Only train this window of a walk-forward analysis (one chunk of it), answering its best run. */
  readonly window?: number | null;
  /** Runs between two progress reports and cancellation checks. */
  readonly chunkSize: number;
  /** One Int32 set to 1 by the owner to stop the job at its next chunk. */
  readonly cancelFlag: SharedArrayBuffer;
}

export interface OptimizationOutput {
  readonly runCount: number;
  readonly best: OptimizationRun;
  readonly runs: readonly OptimizationRun[];
}

export type JobOutput =
  | { readonly kind: 'OPTIMIZATION'; readonly optimization: OptimizationOutput }
  | { readonly kind: 'WALK_FORWARD'; readonly walkForward: WalkForwardView }
  | { readonly kind: 'WINDOW'; readonly best: TrainedWindow };

export type FromJobWorker =
  | { readonly type: 'progress'; readonly runsDone: number; readonly runsTotal: number }
  | { readonly type: 'done'; readonly output: JobOutput }
  | { readonly type: 'cancelled'; readonly runsDone: number }
  | {
      readonly type: 'error';
      readonly name: string;
      readonly message: string;
      readonly field: string | null;
    };
