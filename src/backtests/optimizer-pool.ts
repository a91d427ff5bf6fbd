import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
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
import type { Bars } from '../engine/bars.ts';
import type { ParamCombination } from '../engine/optimizer/grid.ts';
import type { ChunkOutcome, ChunkTask, OptimizeJobBars, PlainBacktestOptions } from './optimizer-messages.ts';

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
  optimize(job: OptimizeJob, options?: { signal?: AbortSignal }): Promise<OptimizationResult>;
  /** Terminates the workers; pending and later jobs reject. */
  close(): Promise<void>;
}

export interface OptimizerPoolOptions {
  /** Worker threads; default min(2, availableParallelism()). */
  readonly size?: number;
  /**
   * Sweeps of at most this many bar-steps (runs × bars; one thread does about 5 M a second) run
   * on the caller's thread: sooner than a trip to the workers and back, and no worker is woken.
   * Default 100,000 (about 20 ms).
   */
  readonly inlineBarSteps?: number;
  /** The worker module (default export: one chunk); default ./optimizer-worker.ts (tests pass a failing one). */
  readonly workerUrl?: URL;
}

const CHUNKS_PER_WORKER = 4;
/**
 * Runs below which a chunk is not split further: handing a task to a worker and back costs a
 * few hundred microseconds, as much as a handful of runs, so small sweeps get one chunk per
 * worker and larger ones up to CHUNKS_PER_WORKER (to even out workers that run slower).
 */
const MIN_CHUNK_RUNS = 64;

const chunkCount = (runs: number, workers: number) =>
  Math.min(workers * CHUNKS_PER_WORKER, Math.max(workers, Math.ceil(runs / MIN_CHUNK_RUNS)));
/** Idle workers stay this long for the next sweep (they are unref'd: they never hold the process). */
const IDLE_MS = 30_000;

/**
 * The optimizer on a piscina pool of worker threads. Threads start on the first sweep that needs
 * them and stay for the next ones; idle threads never keep a process alive. A sweep's
 * combinations are split into chunks queued on the pool; every chunk carries the job's bars in
 * SharedArrayBuffers (no copy per chunk) and a job key under which a worker keeps the job's
 * indicator cache. Runs are merged back in grid order. A crashed worker rejects its sweep and
 * piscina replaces it.
 */
export function createOptimizerPool(options: OptimizerPoolOptions = {}): OptimizerPool {
  const size = options.size ?? Math.min(2, availableParallelism());
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`pool size must be a whole number ≥ 1, got ${size}`);
  const inlineBarSteps = options.inlineBarSteps ?? 100_000;
  const workerUrl = options.workerUrl ?? new URL('./optimizer-worker.ts', import.meta.url);
  let pool: Piscina | undefined;
  let closed = false;
  let nextJob = 1;
  const closedError = () => new Error('the optimizer pool is closed');

  /** Sweeps waiting on the pool, failed together when the pool itself breaks. */
  const waiting = new Set<(error: Error) => void>();
  const crashed = (error: unknown) =>
    new Error(`an optimizer worker crashed: ${error instanceof Error ? error.message : String(error)}`);

  const poolOf = (): Piscina => {
    if (pool !== undefined) return pool;
    const created = new Piscina({
      filename: workerUrl.href,
      minThreads: 0,
      maxThreads: size,
      idleTimeout: IDLE_MS,
      // No run/wait-time histograms: nothing reads them, and they cost on every chunk.
      recordTiming: false,
      trackUnmanagedFds: false,
    });
    // A worker failing while it runs chunks rejects them. One failing outside a chunk (throwing or
    // exiting while its module loads, say) would leave queued chunks waiting forever, since
    // piscina stops replacing workers that fail at start: so the sweeps waiting fail with it and
    // the next sweep gets a new pool.
    const broken = (error: unknown) => {
      if (pool === created) pool = undefined;
      void created.destroy();
      for (const fail of [...waiting]) fail(crashed(error));
    };
    created.on('error', broken);
    created.on('workerDestroy', () => {
      setImmediate(() => {
        if (pool === created && created.threads.length === 0 && created.queueSize > 0)
          broken(new Error('a worker exited before it could run its chunks'));
      });
    });
    pool = created;
    return created;
  };

  async function runOnPool(
    task: Omit<ChunkTask, 'combinations'>,
    chunks: ParamCombination[][],
    signal: AbortSignal | undefined,
  ) {
    const running = poolOf();
    const abort = new AbortController();
    const runChunk = async (combinations: ParamCombination[]) => {
      let outcome: ChunkOutcome;
      try {
        outcome = await running.run({ ...task, combinations } satisfies ChunkTask, { signal: abort.signal });
      } catch (error) {
        throw closed ? closedError() : crashed(error);
      }
      if (!outcome.ok) throw chunkError(outcome);
      return outcome.runs;
    };
    let fail: (error: Error) => void = () => {};
    const broken = new Promise<never>((_, reject) => {
      fail = reject;
    });
    waiting.add(fail);
    // The caller gave up: the sweep rejects with its reason, and its chunks are dropped.
    const stop = () => fail(signal?.reason);
    signal?.addEventListener('abort', stop, { once: true });
    try {
      return (await Promise.race([Promise.all(chunks.map(runChunk)), broken])).flat();
    } catch (error) {
      abort.abort(); // the sweep failed: its chunks still queued are dropped
      throw error;
    } finally {
      waiting.delete(fail);
      signal?.removeEventListener('abort', stop);
    }
  }

  return {
    async optimize(job, options = {}) {
      if (closed) throw closedError();
      options.signal?.throwIfAborted();
      const started = performance.now();
      const strategy = definitionOf(job.strategy);
      const bars = barsFromColumns(job.bars, { isDatetime: job.bars.isDatetime });
      if (bars.length < 2)
        throw new EngineError('bars', `a backtest needs at least 2 bars, got ${bars.length}`);
      resolveOptions(job.options);
      const plan = planOptimization({ ...job, strategy });
      let runs: OptimizationRun[];
      if (plan.combinations.length * bars.length <= inlineBarSteps) {
        const input = { bars, strategy, params: plan.params, options: job.options, maximize: plan.maximize };
        runs = runCombinations({ ...input, combinations: plan.combinations });
      } else {
        const task = {
          jobKey: `${process.pid}:${nextJob++}`,
          bars: sharedBars(bars),
          strategy: job.strategy,
          params: plan.params,
          options: job.options,
          maximize: plan.maximize,
        };
        runs = await runOnPool(
          task,
          splitChunks(plan.combinations, chunkCount(plan.combinations.length, size)),
          options.signal,
        );
      }
      const best = runs[bestRunIndex(runs)];
      return { runCount: runs.length, elapsedMs: performance.now() - started, best, runs };
    },
    async close() {
      closed = true;
      await pool?.destroy();
    },
  };
}

/** The bars' columns copied once into SharedArrayBuffers, which threads share without copying. */
function sharedBars(bars: Bars): OptimizeJobBars {
  const shared = (values: Float64Array) => {
    const out = new Float64Array(new SharedArrayBuffer(values.byteLength));
    out.set(values);
    return out;
  };
  return {
    isDatetime: bars.isDatetime,
    time: shared(bars.time),
    open: shared(bars.open),
    high: shared(bars.high),
    low: shared(bars.low),
    close: shared(bars.close),
    volume: shared(bars.volume),
  };
}

function chunkError(outcome: Extract<ChunkOutcome, { ok: false }>): Error {
  if (outcome.field !== null) return new EngineError(outcome.field, outcome.message);
  const error = new Error(outcome.message);
  error.name = outcome.name;
  return error;
}

function splitChunks<T>(items: readonly T[], count: number): T[][] {
  const chunkSize = Math.ceil(items.length / count);
  const chunks: T[][] = [];
  for (let k = 0; k < items.length; k += chunkSize) chunks.push(items.slice(k, k + chunkSize));
  return chunks;
}
