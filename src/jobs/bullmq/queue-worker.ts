/**
 * A worker process's side of the BullMQ queue: takes the chunks of sweeps and the windows of
 * walk-forward analyses and their parents, runs each chunk or window on a pooled worker thread
 * (piscina; this event loop stays free to renew BullMQ's locks), writes progress summed over the job's chunks to the store and publishes it, and stores the end
 * state. A cancelled job's running chunks stop at their next few runs (Redis pub/sub to every
 * worker) and its waiting chunks are skipped. A worker killed mid-chunk leaves the chunk to
 * stall: BullMQ gives it to another worker. close() finishes the chunks running (SIGTERM).
 */
import { type Job, Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { ACTIVE_JOB_STATES, type JobChanges, type JobStore, type StoredJob } from '../../db/job-records.ts';
import { CancelledError } from '../../engine/optimizer/progress.ts';
import { assembleWalkForward } from '../../engine/optimizer/walk-forward.ts';
import { planWalkForward } from '../../engine/optimizer/walk-forward-plan.ts';
import type { Logger } from '../../observability/logger.ts';
import type { JobEvents } from '../job-events.ts';
import { isInputFailure, toJobFailure, UNEXPECTED_FAILURE } from '../job-failure.ts';
import type { JobOutput } from '../job-messages.ts';
import type { PlannedTask } from '../job-task.ts';
import type { RunningThread } from '../job-thread.ts';
import { createChunkPool } from './chunk-pool.ts';
import { toWalkForwardView } from '../job-views.ts';
import { createProgressThrottle } from '../progress-throttle.ts';
import { toWalkForwardInput } from '../walk-forward-input.ts';
import { combineChunks } from './combine-chunks.ts';
import {
  type ChunkData,
  type ChunkResult,
  fromTaskData,
  fromWindowResult,
  type TaskData,
  toChunkResult,
  toWindowResult,
  type WindowData,
  type WindowResult,
} from './job-data.ts';
import {
  CHUNK,
  COMBINE,
  createRedis,
  QUEUE_NAME,
  type QueueSettings,
  queueKeys,
  WALK_FORWARD,
  WINDOW,
} from './queue-keys.ts';

/** The reason of a chunk stopped because its job was cancelled or has ended: nothing to store. */
const ENDED = 'JOB_ENDED';

export interface QueueWorkerSettings extends QueueSettings {
  concurrency: number;
  lockMs: number;
}

export interface QueueWorker {
  /** Resolves once connected and taking jobs. */
  ready(): Promise<void>;
  /** Stops taking jobs, finishes the running ones, disconnects. */
  close(): Promise<void>;
}

export function createQueueWorker(deps: {
  settings: QueueWorkerSettings;
  store: JobStore;
  events: JobEvents;
  logger: Logger;
  now: () => number;
}): QueueWorker {
  const { settings, store, events, logger } = deps;
  const keys = queueKeys(settings.prefix);
  const onDown = (error: Error) => logger.warn({ err: error.message }, 'queue worker: Redis unreachable');
  const connection = createRedis(settings.url, onDown);
  const subscriber = createRedis(settings.url, onDown);
  const queue = new Queue(QUEUE_NAME, { connection, prefix: settings.prefix });
  queue.on('error', () => {});
  const pool = createChunkPool(settings.concurrency);
  /** Threads running here, by stored job id. */
  const running = new Map<string, Set<RunningThread>>();
  /** Parent data by job id (bars and plan), read once per process. */
  const tasks = new Map<string, Promise<TaskData>>();
  const iso = () => new Date(deps.now()).toISOString();

  void subscriber.subscribe(keys.cancelChannel);
  subscriber.on('message', (_channel: string, id: string) => {
    for (const thread of running.get(id) ?? []) thread.cancel();
  });

  const publishStored = async (id: string) => {
    const job = await store.loadJob(id);
    if (job) events.publish(job);
  };

  const end = async (id: string, changes: JobChanges, inStates = ACTIVE_JOB_STATES) => {
    if (await store.updateJob(id, changes, inStates)) await publishStored(id);
    await connection.del(keys.progress(id));
  };

  /** The stored job if it is still to be run; else the chunk stops without retry. */
  async function activeJob(id: string): Promise<StoredJob> {
    const stored = (await connection.exists(keys.cancelled(id))) ? null : await store.loadJob(id);
    if (!stored || !ACTIVE_JOB_STATES.includes(stored.state)) throw new UnrecoverableError(ENDED);
    if (stored.state === 'QUEUED') {
      const started = { state: 'RUNNING', startedAt: iso(), finishedAt: null } as const;
      if (await store.updateJob(id, started, ['QUEUED'])) await publishStored(id);
    }
    return { ...stored, state: 'RUNNING' };
  }

  function taskData(id: string): Promise<TaskData> {
    let data = tasks.get(id);
    if (!data) {
      data = queue.getJob(id).then((parent) => {
        if (!parent) throw new UnrecoverableError(ENDED);
        return parent.data as TaskData;
      });
      data.catch(() => tasks.delete(id));
      tasks.set(id, data);
      if (tasks.size > 16) tasks.delete(tasks.keys().next().value as string);
    }
    return data;
  }

  /** Progress of one chunk: its runs in the job's hash, the sum written and published (throttled). */
  function chunkProgress(job: StoredJob, index: number) {
    const throttle = createProgressThrottle();
    let writes = Promise.resolve();
    return (runsDone: number) => {
      writes = writes
        .then(async () => {
          const [, values] = (await connection
            .multi()
            .hset(keys.progress(job.id), String(index), runsDone)
            .hvals(keys.progress(job.id))
            .exec()) as [unknown, [unknown, string[]]];
          const total = values[1].reduce((sum, v) => sum + Number(v), 0);
          const progress = job.runsTotal > 0 ? total / job.runsTotal : 1;
          if (!throttle(progress)) return;
          if (await store.raiseProgress(job.id, total, job.runsTotal)) {
            events.publish({ ...job, runsDone: total, progress });
          }
        })
        .catch((error) => logger.warn({ err: String(error), job: job.id }, 'job progress not stored'));
    };
  }

  async function onThread(
    id: string,
    task: PlannedTask,
    onProgress: (runsDone: number, runsTotal: number) => void,
  ): Promise<JobOutput> {
    const thread = pool.start(task, onProgress);
    const threads = running.get(id) ?? new Set();
    running.set(id, threads.add(thread));
    try {
      if (await connection.exists(keys.cancelled(id))) thread.cancel();
      return await thread.output;
    } catch (error) {
      if (error instanceof CancelledError) throw new UnrecoverableError(ENDED);
      if (isInputFailure(error)) throw new UnrecoverableError(toJobFailure(error));
      throw error;
    } finally {
      threads.delete(thread);
      if (threads.size === 0) running.delete(id);
    }
  }

  async function runChunk(job: Job<ChunkData>): Promise<ChunkResult> {
    const { jobId, index, from, to } = job.data;
    const stored = await activeJob(jobId);
    const data = await taskData(jobId);
    const report = chunkProgress(stored, index);
    logger.info({ job: jobId, chunk: index, runs: to - from }, 'chunk started');
    let output: JobOutput;
    try {
      output = await onThread(jobId, { ...fromTaskData(data), slice: [from, to] }, report);
    } catch (error) {
      logger.info({ job: jobId, chunk: index, err: (error as Error).message }, 'chunk stopped');
      throw error;
    }
    if (output.kind !== 'OPTIMIZATION') throw new Error('a chunk of a sweep ran as another kind');
    logger.info({ job: jobId, chunk: index }, 'chunk done');
    return toChunkResult(index, output.optimization.runs);
  }

  async function runCombine(job: Job<TaskData>): Promise<void> {
    const stored = await activeJob(job.data.jobId);
    const chunks = Object.values(await job.getChildrenValues<ChunkResult>());
    const elapsedMs = stored.startedAt ? deps.now() - Date.parse(stored.startedAt) : 0;
    const result = combineChunks(chunks, job.data.task.grid, job.data.report, elapsedMs);
    const done = { state: 'SUCCEEDED', progress: 1, runsDone: result.runCount, result } as const;
    await end(stored.id, { ...done, error: null, finishedAt: iso() }, ['RUNNING']);
    tasks.delete(stored.id);
  }

  async function runWindow(job: Job<WindowData>): Promise<WindowResult> {
    const { jobId, index } = job.data;
    const stored = await activeJob(jobId);
    const data = await taskData(jobId);
    logger.info({ job: jobId, chunk: index }, 'chunk started');
    let output: JobOutput;
    try {
      output = await onThread(jobId, { ...fromTaskData(data), window: index }, chunkProgress(stored, index));
    } catch (error) {
      logger.info({ job: jobId, chunk: index, err: (error as Error).message }, 'chunk stopped');
      throw error;
    }
    if (output.kind !== 'WINDOW') throw new Error('a walk-forward window ran as another kind');
    logger.info({ job: jobId, chunk: index }, 'chunk done');
    return toWindowResult(index, output.best);
  }

  /** Tests each window's best on its test bars and stitches them: a backtest per window, here. */
  async function runAssemble(job: Job<TaskData>): Promise<void> {
    const stored = await activeJob(job.data.jobId);
    const windows = Object.values(await job.getChildrenValues<WindowResult>()).sort(
      (a, b) => a.index - b.index,
    );
    const input = toWalkForwardInput(fromTaskData(job.data));
    const plan = planWalkForward(input);
    const result = toWalkForwardView(
      input.bars,
      assembleWalkForward(input, plan, windows.map(fromWindowResult)),
    );
    const done = { state: 'SUCCEEDED', progress: 1, runsDone: result.runCount, result, error: null } as const;
    await end(stored.id, { ...done, finishedAt: iso() }, ['RUNNING']);
    tasks.delete(stored.id);
  }

  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job) => {
      if (job.name === CHUNK) return runChunk(job as Job<ChunkData>);
      if (job.name === COMBINE) return runCombine(job as Job<TaskData>);
      if (job.name === WINDOW) return runWindow(job as Job<WindowData>);
      if (job.name === WALK_FORWARD) return runAssemble(job as Job<TaskData>);
      throw new UnrecoverableError(`unknown job ${job.name}`);
    },
    {
      connection,
      prefix: settings.prefix,
      concurrency: settings.concurrency,
      lockDuration: settings.lockMs,
      stalledInterval: settings.lockMs,
      // A chunk whose worker died is taken again, up to a few times.
      maxStalledCount: 3,
      autorun: false,
    },
  );

  // The last failure of a chunk stores FAILED with its code (an input error as it is, a chunk
  // whose workers kept dying as WORKER_LOST, anything else masked). BullMQ's queue events carry
  // every final failure, also of chunks that stalled too often (no worker runs those any more).
  // Its own connection (it blocks on the event stream), ended before it closes.
  const eventsConnection = createRedis(settings.url, onDown);
  const failures = new QueueEvents(QUEUE_NAME, { connection: eventsConnection, prefix: settings.prefix });
  failures.on('error', () => {});
  failures.on('failed', ({ jobId: bullId, failedReason }) => {
    void (async () => {
      if (failedReason === ENDED) return;
      const failed = await queue.getJob(bullId);
      const jobId = (failed?.data as { jobId?: string } | undefined)?.jobId;
      // A parent fails with its chunk: the chunk's own failure says why.
      if (!failed || !jobId || failed.name === COMBINE || failed.name === WALK_FORWARD) return;
      const message = /^[A-Z_]+: /.test(failedReason)
        ? failedReason
        : /stalled/i.test(failedReason)
          ? 'WORKER_LOST: the workers running this job stopped before finishing it, several times'
          : UNEXPECTED_FAILURE;
      logger.warn({ job: jobId, err: failedReason }, 'job failed');
      await end(jobId, { state: 'FAILED', error: message, finishedAt: iso() });
    })().catch((e) => logger.warn({ err: String(e), job: bullId }, 'job failure not stored'));
  });
  worker.on('error', (error) => logger.warn({ err: error.message }, 'queue worker error'));

  return {
    async ready() {
      void worker.run();
      await Promise.all([worker.waitUntilReady(), failures.waitUntilReady()]);
    },
    async close() {
      await worker.close();
      eventsConnection.disconnect();
      await failures.close();
      await pool.close();
      await queue.close();
      subscriber.disconnect();
      connection.disconnect();
    },
  };
}
