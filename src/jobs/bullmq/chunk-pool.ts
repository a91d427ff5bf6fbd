/**
 * The threads of a worker process (piscina): as many as the chunks it runs at once, started once
 * and kept, so a chunk does not pay for a thread start and module loading (about 0.3 s here).
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { EngineError } from '../../engine/errors.ts';
import { CancelledError } from '../../engine/optimizer/progress.ts';
import type { FromJobWorker, JobOutput, JobTask } from '../job-messages.ts';
import type { RunningThread } from '../job-thread.ts';
import type { ChunkThreadTask } from './chunk-thread.ts';

export interface ChunkPool {
  start(
    task: Omit<JobTask, 'cancelFlag'>,
    onProgress: (runsDone: number, runsTotal: number) => void,
  ): RunningThread;
  close(): Promise<void>;
}

export function createChunkPool(threads: number): ChunkPool {
  const pool = new Piscina<ChunkThreadTask, FromJobWorker>({
    filename: new URL('./chunk-thread.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  return {
    start(task, onProgress) {
      const cancelFlag = new SharedArrayBuffer(4);
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (m: { runsDone: number; runsTotal: number }) =>
        onProgress(m.runsDone, m.runsTotal),
      );
      const output = pool
        .run({ task, cancelFlag, port: port2 }, { transferList: [port2] })
        .then((answer): JobOutput => {
          if (answer.type === 'done') return answer.output;
          if (answer.type === 'cancelled') throw new CancelledError(answer.runsDone);
          if (answer.type === 'error' && answer.field !== null)
            throw new EngineError(answer.field, answer.message);
          throw Object.assign(new Error(answer.type === 'error' ? answer.message : 'unexpected answer'), {
            name: answer.type === 'error' ? answer.name : 'Error',
          });
        })
        .finally(() => port1.close());
      return {
        output,
        cancel: () => Atomics.store(new Int32Array(cancelFlag), 0, 1),
        terminate: async () => {
          Atomics.store(new Int32Array(cancelFlag), 0, 1);
        },
      };
    },
    // Graceful: the worker has finished or stopped every chunk before; terminating threads while
    // they still post progress is what this avoids.
    close: () => pool.close(),
  };
}
