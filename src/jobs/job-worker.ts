/**
 * A job worker thread: runs one optimization or walk-forward analysis given as workerData,
 * reports progress after every chunk of runs, stops at the next chunk once the cancel flag is
 * set, and answers with the output, a cancellation or the error that stopped it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EngineError } from '../engine/errors.ts';
import { CancelledError } from '../engine/optimizer/progress.ts';
import { computeJob } from './job-compute.ts';
import type { FromJobWorker, JobTask } from './job-messages.ts';

const port = parentPort;
if (port === null) throw new Error('job-worker.ts must run in a worker thread');
const task = workerData as JobTask;
const cancelled = new Int32Array(task.cancelFlag);
const isCancelled = () => Atomics.load(cancelled, 0) === 1;
const post = (message: FromJobWorker) => port.postMessage(message);
const onProgress = (runsDone: number, runsTotal: number) => post({ type: 'progress', runsDone, runsTotal });

try {
  post({ type: 'done', output: computeJob(task, onProgress, isCancelled) });
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
