/** The messages between the optimizer pool and its worker threads, and the plain data they carry. */
import type { Bars } from '../engine/bars.ts';
import type { ParamCombination } from '../engine/optimizer/grid.ts';
import type { OptimizationRun } from '../engine/optimizer/optimize.ts';
import type { BacktestOptions } from '../engine/options.ts';
import type { StrategyRef } from '../inputs/strategy-ref.ts';

/** Engine options as plain data (what can cross a thread): commission as a rate or {fixed, rate}. */
export type PlainBacktestOptions = Omit<BacktestOptions, 'commission'> & {
  readonly commission?: number | { readonly fixed: number; readonly rate: number };
};

/** Columnar bars (copied to each worker; the caller's arrays are left untouched). */
export type OptimizeJobBars = Omit<Bars, 'length' | 'volume'> & { readonly volume?: Float64Array };

/** Sent once per (job, worker) before the job's first chunk on that worker. */
export interface PoolJobMessage {
  readonly type: 'job';
  readonly jobId: number;
  readonly bars: OptimizeJobBars;
  readonly strategy: StrategyRef;
  readonly params: Readonly<Record<string, unknown>>;
  readonly options: PlainBacktestOptions | undefined;
  readonly maximize: string;
}
export type ToWorkerMessage =
  | PoolJobMessage
  | {
      readonly type: 'chunk';
      readonly jobId: number;
      readonly chunkId: number;
      readonly combinations: ParamCombination[];
    }
  | { readonly type: 'release'; readonly jobId: number };
export type ToPoolMessage =
  | {
      readonly type: 'runs';
      readonly jobId: number;
      readonly chunkId: number;
      readonly runs: OptimizationRun[];
    }
  | {
      readonly type: 'error';
      readonly jobId: number;
      readonly chunkId: number;
      readonly name: string;
      readonly message: string;
      readonly field: string | null;
    };
