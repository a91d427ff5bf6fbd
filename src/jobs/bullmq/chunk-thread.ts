/**
 * A piscina task: one chunk of a job on a pooled thread of a worker process. Progress goes out
 * through the given port; the shared flag stops it at its next few runs. Answers like a job
 * thread (done, cancelled or the error), so refused input keeps its field across the thread.
 */
import type { MessagePort } from 'node:worker_threads';
import { EngineError } from '../../engine/errors.ts';
import { CancelledError } from '../../engine/optimizer/progress.ts';
import { computeJob } from '../job-compute.ts';
import type { FromJobWorker, JobTask } from '../job-messages.ts';

export interface ChunkThreadTask {
  readonly task: Omit<JobTask, 'cancelFlag'>;
  readonly cancelFlag: SharedArrayBuffer;
  readonly port: MessagePort;
}

export default function runChunk({ task, cancelFlag, port }: ChunkThreadTask): FromJobWorker {
  const cancelled = new Int32Array(cancelFlag);
  try {
    const output = computeJob(
      task,
      (runsDone, runsTotal) => port.postMessage({ runsDone, runsTotal }),
      () => Atomics.load(cancelled, 0) === 1,
    );
    return { type: 'done', output };
  } catch (error) {
    if (error instanceof CancelledError) return { type: 'cancelled', runsDone: error.runsDone };
    const err = error instanceof Error ? error : new Error(String(error));
    return {
      type: 'error',
      name: err.name,
      message: err.message,
      field: err instanceof EngineError ? err.field : null,
    };
  } finally {
    port.close();
  }
}
