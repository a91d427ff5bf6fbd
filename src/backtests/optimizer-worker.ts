import { type Bars, barsFromColumns } from '../engine/bars.ts';
import { EngineError } from '../engine/errors.ts';
import { runCombinations } from '../engine/optimizer/optimize.ts';
import type { NumericStatKey } from '../engine/optimizer/stat-keys.ts';
import type { IndicatorCache } from '../engine/strategy.ts';
import { strategyFromRef } from '../inputs/strategy-ref.ts';
import type { AnyStrategyDefinition } from '../strategies/registry.ts';
import type { ChunkOutcome, ChunkTask } from './optimizer-messages.ts';

/**
 * The optimizer's task, run by the pool's worker threads: one chunk of a sweep. A worker keeps
 * the bars, the strategy and one IndicatorCache per job for its most recent jobs, so the chunks
 * of one job it runs share their indicators.
 */

interface WorkerJob {
  readonly bars: Bars;
  readonly strategy: AnyStrategyDefinition;
  readonly cache: IndicatorCache;
}

/** Jobs a worker remembers; the oldest is forgotten first. */
const RECENT_JOBS = 4;
const jobs = new Map<string, WorkerJob>();

function jobOf(task: ChunkTask): WorkerJob {
  let job = jobs.get(task.jobKey);
  if (job === undefined) {
    // The columns arrive in SharedArrayBuffers; the runs read them from this thread's own copies,
    // which V8 reads faster than shared memory.
    const { isDatetime, time, open, high, low, close, volume } = task.bars;
    const own = (values: Float64Array) => new Float64Array(values);
    const columns = { time: own(time), open: own(open), high: own(high), low: own(low), close: own(close) };
    const bars = barsFromColumns(
      { ...columns, volume: volume === undefined ? undefined : own(volume) },
      { isDatetime },
    );
    job = { bars, strategy: strategyFromRef(task.strategy), cache: new Map() };
    jobs.set(task.jobKey, job);
    if (jobs.size > RECENT_JOBS) jobs.delete(jobs.keys().next().value as string);
  }
  return job;
}

export default function runChunk(task: ChunkTask): ChunkOutcome {
  try {
    const job = jobOf(task);
    const runs = runCombinations({
      bars: job.bars,
      strategy: job.strategy,
      combinations: task.combinations,
      params: task.params,
      options: task.options,
      maximize: task.maximize as NumericStatKey,
      indicatorCache: job.cache,
    });
    return { ok: true, runs };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const field = err instanceof EngineError ? err.field : null;
    return { ok: false, name: err.name, message: err.message, field };
  }
}
