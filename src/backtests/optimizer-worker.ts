import { parentPort } from 'node:worker_threads';
import { type Bars, barsFromColumns } from '../engine/bars.ts';
import { EngineError } from '../engine/errors.ts';
import type { ParamCombination } from '../engine/optimizer/grid.ts';
import { runCombinations } from '../engine/optimizer/optimize.ts';
import type { NumericStatKey } from '../engine/optimizer/stat-keys.ts';
import type { IndicatorCache } from '../engine/strategy.ts';
import { strategyFromRef } from '../inputs/strategy-ref.ts';
import type { AnyStrategyDefinition } from '../strategies/registry.ts';
import type { PoolJobMessage, ToPoolMessage, ToWorkerMessage } from './optimizer-messages.ts';

/**
 * An optimizer worker thread. It keeps, per job, the bars, the strategy and one IndicatorCache
 * shared by every chunk of that job it runs, until the pool releases the job. Each chunk is
 * answered with its runs (in the chunk's order) or with the error that stopped it.
 */

interface WorkerJob {
  readonly bars: Bars;
  readonly strategy: AnyStrategyDefinition;
  readonly message: PoolJobMessage;
  readonly cache: IndicatorCache;
}

const port = parentPort;
if (port === null) throw new Error('optimizer-worker.ts must run in a worker thread');
const jobs = new Map<number, WorkerJob>();

function startJob(message: PoolJobMessage): void {
  const strategy = strategyFromRef(message.strategy);
  const bars = barsFromColumns(message.bars, { isDatetime: message.bars.isDatetime });
  jobs.set(message.jobId, { bars, strategy, message, cache: new Map() });
}

function runChunk(jobId: number, combinations: readonly ParamCombination[]) {
  const job = jobs.get(jobId);
  if (job === undefined) throw new Error(`job ${jobId} was not sent to this worker`);
  return runCombinations({
    bars: job.bars,
    strategy: job.strategy,
    combinations,
    params: job.message.params,
    options: job.message.options,
    maximize: job.message.maximize as NumericStatKey,
    indicatorCache: job.cache,
  });
}

port.on('message', (message: ToWorkerMessage) => {
  if (message.type === 'release') {
    jobs.delete(message.jobId);
    return;
  }
  const chunkId = message.type === 'chunk' ? message.chunkId : -1;
  let reply: ToPoolMessage;
  try {
    if (message.type === 'job') {
      startJob(message);
      return;
    }
    const runs = runChunk(message.jobId, message.combinations);
    reply = { type: 'runs', jobId: message.jobId, chunkId, runs };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const field = err instanceof EngineError ? err.field : null;
    reply = { type: 'error', jobId: message.jobId, chunkId, name: err.name, message: err.message, field };
  }
  port.postMessage(reply);
});
