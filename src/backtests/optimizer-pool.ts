import { availableParallelism } from 'node:os';
import { barsFromColumns } from '../engine/bars.ts';
import { EngineError } from '../engine/errors.ts';
import type { ParamRange } from '../engine/optimizer/grid.ts';
import {
  bestRunIndex,
  type OptimizationOutcome,
  type OptimizationRun,
  runCombinations,
} from '../engine/optimizer/optimize.ts';
import { planOptimization } from '../engine/optimizer/plan.ts';
import { resolveOptions } from '../engine/options.ts';
import { type StrategyRef, strategyFromRef } from '../inputs/strategy-ref.ts';
import { getStrategy, strategyCatalogue } from '../strategies/registry.ts';
import type { OptimizeJobBars, PlainBacktestOptions, PoolJobMessage } from './optimizer-messages.ts';
import { createWorkerSlots, type WorkerSlots } from './optimizer-slots.ts';

export type { OptimizeJobBars, PlainBacktestOptions } from './optimizer-messages.ts';

/** The definition of a job's strategy; an unknown built-in name is an input error. */
function definitionOf(ref: StrategyRef) {
  if (ref.rules === null && getStrategy(ref.name) === undefined) {
    const known = [...strategyCatalogue.keys()].join(', ');
    throw new EngineError('strategy', `unknown strategy "${ref.name}" (known: ${known})`);
  }
  return strategyFromRef(ref);
}

export interface OptimizeJob {
  readonly bars: OptimizeJobBars;
  /** A built-in by name, or rule strategy rules: plain data the workers re-create it from. */
  readonly strategy: StrategyRef;
  readonly grid: readonly ParamRange[];
  readonly constraint?: string;
  /** A numeric BacktestStats key; default `sqn`. */
  readonly maximize?: string;
  /** Fixed params for every run. */
  readonly params?: Readonly<Record<string, number | boolean>>;
  readonly options?: PlainBacktestOptions;
  /** Run limit, checked on the grid's size before it is expanded. Default 20,000. */
  readonly maxRuns?: number;
}

/** The GraphQL OptimizationResult: the engine's outcome and the wall time of the whole job. */
export interface OptimizationResult extends OptimizationOutcome {
  readonly elapsedMs: number;
}

export interface OptimizerPool {
  /**
   * Validates the job (EngineError naming the field, as the pure optimize, before any run), runs
   * it across the workers and resolves with the same result as the single-threaded optimize.
   */
  optimize(job: OptimizeJob): Promise<OptimizationResult>;
  /** Terminates the workers; pending and later jobs reject. */
  close(): Promise<void>;
}

export interface OptimizerPoolOptions {
  /** Worker threads; default min(2, availableParallelism()). */
  readonly size?: number;
  /** Jobs with fewer runs than this run inline on the caller's thread. Default 32. */
  readonly inlineBelow?: number;
  /** The worker module; default ./optimizer-worker.ts (tests pass a failing one). */
  readonly workerUrl?: URL;
}

const CHUNKS_PER_WORKER = 4;

/**
 * A pool of optimizer worker threads. Workers start on the first job that needs them, stay alive
 * for the next jobs, and are unref'd while idle so they never keep a process alive. A job's
 * combinations are split into chunks handed out to whichever worker is free; each worker keeps
 * one IndicatorCache per job. Results are merged back in grid order. A crashed worker rejects
 * the job it was running and is replaced on demand.
 */
export function createOptimizerPool(options: OptimizerPoolOptions = {}): OptimizerPool {
  const size = options.size ?? Math.min(2, availableParallelism());
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`pool size must be a whole number ≥ 1, got ${size}`);
  const inlineBelow = options.inlineBelow ?? 32;
  const workerUrl = options.workerUrl ?? new URL('./optimizer-worker.ts', import.meta.url);
  let slots: WorkerSlots | undefined;
  let closed = false;
  let nextJobId = 1;

  return {
    async optimize(job) {
      if (closed) throw new Error('the optimizer pool is closed');
      const started = performance.now();
      const strategy = definitionOf(job.strategy);
      const bars = barsFromColumns(job.bars, { isDatetime: job.bars.isDatetime });
      if (bars.length < 2)
        throw new EngineError('bars', `a backtest needs at least 2 bars, got ${bars.length}`);
      resolveOptions(job.options);
      const plan = planOptimization({ ...job, strategy });
      let runs: OptimizationRun[];
      if (plan.combinations.length < inlineBelow) {
        const input = { bars, strategy, params: plan.params, options: job.options, maximize: plan.maximize };
        runs = runCombinations({ ...input, combinations: plan.combinations });
      } else {
        slots ??= createWorkerSlots(size, workerUrl);
        const message: PoolJobMessage = {
          type: 'job',
          jobId: nextJobId++,
          bars: { ...bars, isDatetime: bars.isDatetime },
          strategy: job.strategy,
          params: plan.params,
          options: job.options,
          maximize: plan.maximize,
        };
        const chunks = splitChunks(plan.combinations, size * CHUNKS_PER_WORKER);
        runs = (await slots.run(message, chunks)).flat();
      }
      const best = runs[bestRunIndex(runs)];
      return { runCount: runs.length, elapsedMs: performance.now() - started, best, runs };
    },
    async close() {
      closed = true;
      await slots?.close();
    },
  };
}

function splitChunks<T>(items: readonly T[], count: number): T[][] {
  const chunkSize = Math.ceil(items.length / count);
  const chunks: T[][] = [];
  for (let k = 0; k < items.length; k += chunkSize) chunks.push(items.slice(k, k + chunkSize));
  return chunks;
}
