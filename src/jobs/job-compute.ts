/**
 * Runs one job task (a whole optimization or walk-forward analysis, a slice of a sweep or one
 * walk-forward window): progress after every chunk of runs, isCancelled polled before each
 * (CancelledError). What a job thread runs; pure apart from the callbacks.
 */
import { barsFromColumns } from '../engine/bars.ts';
import { bestRunIndex, type OptimizationRun, runCombinations } from '../engine/optimizer/optimize.ts';
import { planOptimization } from '../engine/optimizer/plan.ts';
import { CancelledError } from '../engine/optimizer/progress.ts';
import { trainWindow, walkForward } from '../engine/optimizer/walk-forward.ts';
import { planWalkForward } from '../engine/optimizer/walk-forward-plan.ts';
import type { IndicatorCache } from '../engine/strategy.ts';
import { strategyFromRef } from '../inputs/strategy-ref.ts';
import type { JobOutput, JobTask } from './job-messages.ts';
import { toWalkForwardView } from './job-views.ts';
import { toWalkForwardInput } from './walk-forward-input.ts';

export function computeJob(
  task: Omit<JobTask, 'cancelFlag'>,
  onProgress: (runsDone: number, runsTotal: number) => void,
  isCancelled: () => boolean,
): JobOutput {
  const strategy = strategyFromRef(task.strategy);
  const bars = barsFromColumns(task.bars, { isDatetime: task.bars.isDatetime });
  const spec = {
    strategy,
    grid: task.grid,
    constraint: task.constraint,
    maximize: task.maximize,
    params: task.params,
    maxRuns: task.maxRuns,
  };
  if (task.walkForward !== null && task.window != null) {
    const input = toWalkForwardInput(task);
    const plan = planWalkForward(input);
    const total = plan.optimization.combinations.length;
    const best = trainWindow(input, plan, task.window, {
      onProgress: (runsDone) => onProgress(runsDone, total),
      isCancelled,
    });
    return { kind: 'WINDOW', best };
  }
  if (task.walkForward !== null) {
    const result = walkForward({
      ...spec,
      ...task.walkForward,
      bars,
      options: task.options,
      chunkSize: task.chunkSize,
      onProgress,
      isCancelled,
    });
    return { kind: 'WALK_FORWARD', walkForward: toWalkForwardView(bars, result) };
  }
  // The same plan, runs and ranking as the optimizer pool, one chunk at a time.
  const plan = planOptimization(spec);
  const cache: IndicatorCache = new Map();
  const runs: OptimizationRun[] = [];
  const combinations = task.slice ? plan.combinations.slice(...task.slice) : plan.combinations;
  const total = combinations.length;
  for (let k = 0; k < total; k += task.chunkSize) {
    if (isCancelled()) throw new CancelledError(runs.length);
    const done = runCombinations({
      bars,
      strategy,
      combinations: combinations.slice(k, k + task.chunkSize),
      params: plan.params,
      options: task.options,
      maximize: plan.maximize,
      indicatorCache: cache,
    });
    for (const r of done) runs.push(r);
    onProgress(runs.length, total);
  }
  return {
    kind: 'OPTIMIZATION',
    optimization: { runCount: runs.length, best: runs[bestRunIndex(runs)], runs },
  };
}
