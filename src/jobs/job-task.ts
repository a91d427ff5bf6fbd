/** A job's request and its loaded bars → the task a worker runs, checked before it is queued. */
import type { Bars } from '../engine/bars.ts';
import { EngineError } from '../engine/errors.ts';
import { planOptimization } from '../engine/optimizer/plan.ts';
import { DEFAULT_CHUNK_SIZE } from '../engine/optimizer/progress.ts';
import { planWalkForward } from '../engine/optimizer/walk-forward-plan.ts';
import { resolveOptions } from '../engine/options.ts';
import { asInputError } from '../inputs/bad-input.ts';
import { toEngineOptions } from '../inputs/options.ts';
import { strategyFromRef } from '../inputs/strategy-ref.ts';
import type { JobTask } from './job-messages.ts';
import type { JobRequest } from './job-request.ts';

export type PlannedTask = Omit<JobTask, 'cancelFlag'> & { readonly runsTotal: number };

/**
 * Plans the job as the worker will (the grid, the fixed params, the maximized statistic, the
 * windows, the engine options), so refused input is an input error naming the field
 * (`input.grid`, `input.trainBars`, …) before anything is stored. Returns the task and its runs.
 */
export function planJobTask(
  request: JobRequest,
  bars: Bars,
  maxRuns: number,
  chunkSize = DEFAULT_CHUNK_SIZE,
): PlannedTask {
  const options = toEngineOptions(request.options);
  const task = {
    kind: request.kind,
    bars: { ...bars, isDatetime: bars.isDatetime },
    strategy: request.strategy,
    grid: request.grid,
    params: request.params,
    constraint: request.constraint ?? undefined,
    maximize: request.maximize,
    options,
    maxRuns,
    walkForward: request.walkForward,
    chunkSize,
  };
  try {
    const spec = { ...task, strategy: strategyFromRef(request.strategy), bars };
    if (bars.length < 2)
      throw new EngineError('bars', `a backtest needs at least 2 bars, got ${bars.length}`);
    resolveOptions(options);
    const runsTotal =
      request.walkForward === null
        ? planOptimization(spec).combinations.length
        : planWalkForward({ ...spec, ...request.walkForward, options }).runsTotal;
    return { ...task, runsTotal };
  } catch (error) {
    throw asInputError(error);
  }
}
