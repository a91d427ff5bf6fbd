/** The tasks the optimizer pool hands to its worker threads, and the plain data they carry. */
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

/**
 * One chunk of a sweep. Every chunk of a job carries the same `jobKey` and the same bars, whose
 * columns live in SharedArrayBuffers, so handing a chunk to a worker copies no price data; a
 * worker keeps the bars, strategy and indicator cache of the jobs it saw recently by that key.
 */
export interface ChunkTask {
  readonly jobKey: string;
  readonly bars: OptimizeJobBars;
  readonly strategy: StrategyRef;
  readonly params: Readonly<Record<string, unknown>>;
  readonly options: PlainBacktestOptions | undefined;
  readonly maximize: string;
  readonly combinations: readonly ParamCombination[];
}

/** A chunk's runs in its order, or the error that stopped it (errors cross threads as data). */
export type ChunkOutcome =
  | { readonly ok: true; readonly runs: OptimizationRun[] }
  | { readonly ok: false; readonly name: string; readonly message: string; readonly field: string | null };
