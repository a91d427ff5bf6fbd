/** A walk-forward task as the engine's input: the strategy, the bars and the windows. */
import { barsFromColumns } from '../engine/bars.ts';
import type { WalkForwardInput } from '../engine/optimizer/walk-forward-plan.ts';
import { strategyFromRef } from '../inputs/strategy-ref.ts';
import type { JobTask } from './job-messages.ts';

export function toWalkForwardInput(task: Omit<JobTask, 'cancelFlag'>): WalkForwardInput {
  if (task.walkForward === null) throw new Error('not a walk-forward task');
  return {
    strategy: strategyFromRef(task.strategy),
    grid: task.grid,
    constraint: task.constraint,
    maximize: task.maximize,
    params: task.params,
    maxRuns: task.maxRuns,
    ...task.walkForward,
    bars: barsFromColumns(task.bars, { isDatetime: task.bars.isDatetime }),
    options: task.options,
    chunkSize: task.chunkSize,
  };
}
