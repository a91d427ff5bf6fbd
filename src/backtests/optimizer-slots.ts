import { Worker } from 'node:worker_threads';
import { EngineError } from '../engine/errors.ts';
import type { ParamCombination } from '../engine/optimizer/grid.ts';
import type { OptimizationRun } from '../engine/optimizer/optimize.ts';
import type { PoolJobMessage, ToPoolMessage, ToWorkerMessage } from './optimizer-messages.ts';

/** The worker threads of an optimizer pool and the chunk scheduler over them. */
export interface WorkerSlots {
  /** Runs every chunk of a job on the workers; resolves with the chunks' runs in chunk order. */
  run(job: PoolJobMessage, chunks: ParamCombination[][]): Promise<OptimizationRun[][]>;
  close(): Promise<void>;
}

interface PendingJob {
  readonly message: PoolJobMessage;
  readonly chunks: ParamCombination[][];
  readonly results: OptimizationRun[][];
  next: number;
  remaining: number;
  settled: boolean;
  resolve(results: OptimizationRun[][]): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  /** Jobs whose data this worker holds. */
  readonly known: Set<number>;
  task: { readonly job: PendingJob; readonly chunkId: number } | null;
  dead: boolean;
}

/**
 * Up to `size` workers, started when a chunk needs one. Idle workers are unref'd; a worker is
 * ref'd only while it runs a chunk, so a caller awaiting a job is not cut short at exit.
 */
export function createWorkerSlots(size: number, workerUrl: URL): WorkerSlots {
  const slots: Slot[] = [];
  const queue: PendingJob[] = [];
  let closed = false;

  const post = (slot: Slot, message: ToWorkerMessage) => slot.worker.postMessage(message);

  const settle = (job: PendingJob): boolean => {
    if (job.settled) return false;
    job.settled = true;
    queue.splice(queue.indexOf(job), 1);
    for (const slot of slots) {
      if (slot.known.delete(job.message.jobId)) post(slot, { type: 'release', jobId: job.message.jobId });
    }
    return true;
  };
  const fail = (job: PendingJob, error: Error) => {
    if (settle(job)) job.reject(error);
  };

  const onMessage = (slot: Slot, message: ToPoolMessage) => {
    const task = slot.task;
    slot.task = null;
    slot.worker.unref();
    if (task === null) return;
    const { job } = task;
    if (message.type === 'error') {
      fail(job, toError(message));
    } else if (!job.settled) {
      job.results[message.chunkId] = message.runs;
      if (--job.remaining === 0 && settle(job)) job.resolve(job.results);
    }
    schedule();
  };

  const onCrash = (slot: Slot, error: Error) => {
    if (slot.dead) return;
    slot.dead = true;
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    void slot.worker.terminate();
    if (closed) return;
    if (slot.task !== null) fail(slot.task.job, new Error(`an optimizer worker crashed: ${error.message}`));
    schedule();
  };

  const spawn = (): Slot => {
    const worker = new Worker(workerUrl);
    worker.unref();
    const slot: Slot = { worker, known: new Set(), task: null, dead: false };
    worker.on('message', (message: ToPoolMessage) => onMessage(slot, message));
    worker.on('error', (error) => onCrash(slot, error));
    worker.on('messageerror', (error) => onCrash(slot, error));
    worker.on('exit', (code) => onCrash(slot, new Error(`it exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const schedule = () => {
    while (!closed) {
      const job = queue.find((j) => j.next < j.chunks.length);
      if (job === undefined) return;
      const slot = slots.find((s) => s.task === null) ?? (slots.length < size ? spawn() : undefined);
      if (slot === undefined) return;
      const jobId = job.message.jobId;
      if (!slot.known.has(jobId)) {
        post(slot, job.message);
        slot.known.add(jobId);
      }
      const chunkId = job.next++;
      slot.task = { job, chunkId };
      slot.worker.ref();
      post(slot, { type: 'chunk', jobId, chunkId, combinations: job.chunks[chunkId] });
    }
  };

  return {
    run(message, chunks) {
      if (closed) return Promise.reject(new Error('the optimizer pool is closed'));
      if (chunks.length === 0) return Promise.resolve([]);
      return new Promise((resolve, reject) => {
        const results = new Array<OptimizationRun[]>(chunks.length);
        queue.push({
          message,
          chunks,
          results,
          next: 0,
          remaining: chunks.length,
          settled: false,
          resolve,
          reject,
        });
        schedule();
      });
    },
    async close() {
      closed = true;
      for (const job of [...queue]) fail(job, new Error('the optimizer pool is closed'));
      const workers = slots.splice(0).map((slot) => slot.worker);
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function toError(message: Extract<ToPoolMessage, { type: 'error' }>): Error {
  if (message.field !== null) return new EngineError(message.field, message.message);
  const error = new Error(message.message);
  error.name = message.name;
  return error;
}
