/** Runs one JobTask on its own worker thread, so the server's event loop stays free. */
import { Worker } from 'node:worker_threads';
import { EngineError } from '../engine/errors.ts';
import { CancelledError } from '../engine/optimizer/progress.ts';
import type { FromJobWorker, JobOutput, JobTask } from './job-messages.ts';

export interface RunningThread {
  /** The output; rejects with CancelledError after cancel(), EngineError for refused input. */
  readonly output: Promise<JobOutput>;
  /** Asks the worker to stop at its next chunk. */
  cancel(): void;
  /** Stops the worker at once (shutdown); `output` rejects. */
  terminate(): Promise<void>;
}

const WORKER_URL = new URL('./job-worker.ts', import.meta.url);

export function startJobThread(
  task: Omit<JobTask, 'cancelFlag'>,
  onProgress: (runsDone: number, runsTotal: number) => void,
): RunningThread {
  const cancelFlag = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER_URL, { workerData: { ...task, cancelFlag } satisfies JobTask });
  const output = new Promise<JobOutput>((resolve, reject) => {
    worker.on('message', (message: FromJobWorker) => {
      if (message.type === 'progress') return onProgress(message.runsDone, message.runsTotal);
      if (message.type === 'done') resolve(message.output);
      else if (message.type === 'cancelled') reject(new CancelledError(message.runsDone));
      else if (message.field !== null) reject(new EngineError(message.field, message.message));
      else reject(Object.assign(new Error(message.message), { name: message.name }));
      void worker.terminate();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the job worker exited with code ${code}`)));
  });
  return {
    output,
    cancel: () => Atomics.store(new Int32Array(cancelFlag), 0, 1),
    terminate: async () => {
      await worker.terminate();
    },
  };
}
