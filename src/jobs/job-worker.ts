/**
 * A job worker thread: runs one optimization or walk-forward analysis given as workerData,
 * reports progress after every chunk of runs, stops at the next chunk once the cancel flag is
 * set, and answers with the output, a cancellation or the error that stopped it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { barsFromColumns } from '../engine/bars.ts';
import { EngineError } from '../engine/errors.ts';
import { bestRunIndex, type OptimizationRun, runCombinations } from '../engine/optimizer/optimize.ts';
import { planOptimization } from '../engine/optimizer/plan.ts';
import { CancelledError } from '../engine/optimizer/progress.ts';
import { trainWindow, walkForward } from '../engine/optimizer/walk-forward.ts';
import { planWalkForward } from '../engine/optimizer/walk-forward-plan.ts';
import type { IndicatorCache } from '../engine/strategy.ts';
import { strategyFromRef } from '../inputs/strategy-ref.ts';
import type { FromJobWorker, JobOutput, JobTask } from './job-messages.ts';
import { toWalkForwardView } from './job-views.ts';
import { toWalkForwardInput } from './walk-forward-input.ts';

const port = parentPort;
if (port === null) throw new Error('job-worker.ts must run in a worker thread');
const task = workerData as JobTask;
const cancelled = new Int32Array(task.cancelFlag);
const isCancelled = () => Atomics.load(cancelled, 0) === 1;
const post = (message: FromJobWorker) => port.postMessage(message);
const onProgress = (runsDone: number, runsTotal: number) => post({ type: 'progress', runsDone, runsTotal });

function run(): JobOutput {
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

try {
  post({ type: 'done', output: run() });
} catch (error) {
  if (error instanceof CancelledError) post({ type: 'cancelled', runsDone: error.runsDone });
  else {
    const err = error instanceof Error ? error : new Error(String(error));
    post({
      type: 'error',
      name: err.name,
      message: err.message,
      field: err instanceof EngineError ? err.field : null,
    });
  }
}
