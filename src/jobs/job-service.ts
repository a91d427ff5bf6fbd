/**
 * Long work as jobs: start validates the request and loads its data, then returns the QUEUED or
 * RUNNING job with the same key (request + data) or stores a new QUEUED one and queues it on
 * the runner. Jobs are stored, so they are listed, cancelled and followed from any request, and
 * the ones a stopped process left QUEUED or RUNNING run again after resume().
 */
import { randomUUID } from 'node:crypto';
import { loadSeries, type SeriesLoader, seriesToBars } from '../backtests/series-input.ts';
import { dataReport } from '../backtests/warnings.ts';
import { ACTIVE_JOB_STATES, type JobKind, type JobStore, type StoredJob } from '../db/job-records.ts';
import pTimeout from 'p-timeout';
import { AppError, NotFoundError } from '../errors.ts';
import { sha256Of } from '../inputs/canonical-hash.ts';
import type { OptimizeRequestInput } from '../inputs/optimize.ts';
import type { SeriesLimits } from '../inputs/series.ts';
import type { SavedStrategies } from '../inputs/strategy-ref.ts';
import type { Logger } from '../observability/logger.ts';
import type { JobEvents } from './job-events.ts';
import { canonicalJobRequest, type JobRequest, type WalkForwardRequestInput } from './job-request.ts';
import { inProcessQueue } from './in-process-queue.ts';
import type { JobQueue, QueuedJob } from './job-queue.ts';
import { createJobRunner } from './job-runner.ts';
import { planJobTask } from './job-task.ts';
import { followJob } from './follow-job.ts';

export interface JobServiceDeps {
  store: JobStore;
  events: JobEvents;
  limits: SeriesLimits & { maxOptimizeRuns: number };
  saved: SavedStrategies;
  /** A series loader outside any request (for jobs resumed after a restart). */
  newLoader: () => SeriesLoader;
  logger: Logger;
  now: () => number;
  /** Jobs running at once in this process; default 2. */
  maxRunning?: number;
  /** Runs between progress reports and cancellation checks; default 32. */
  chunkSize?: number;
  /** Where jobs run; default: in this process (the job runner). */
  queue?: JobQueue;
  /** How long a start waits for the queue to take a job; default 5000. */
  enqueueTimeoutMs?: number;
}

const ENQUEUE_TIMEOUT_MS = 5_000;

const isActive = (job: StoredJob) => ACTIVE_JOB_STATES.includes(job.state);

export function createJobService(deps: JobServiceDeps) {
  const queue =
    deps.queue ??
    inProcessQueue(
      createJobRunner({
        store: deps.store,
        events: deps.events,
        logger: deps.logger,
        now: deps.now,
        maxRunning: deps.maxRunning ?? 2,
      }),
    );
  /** Starts in flight per key, so identical concurrent requests share one job. */
  const starting = new Map<string, Promise<StoredJob>>();

  async function prepare(request: JobRequest, loader: SeriesLoader) {
    const [series] = await loadSeries(loader, [request.series]);
    const bars = seriesToBars(series);
    const task = planJobTask(request, bars, deps.limits.maxOptimizeRuns, deps.chunkSize);
    const key = sha256Of({ request, data: series.fingerprint });
    return { task, key, report: dataReport([series], deps.now()) };
  }

  async function create(
    kind: JobKind,
    request: JobRequest,
    prepared: Awaited<ReturnType<typeof prepare>>,
  ): Promise<StoredJob> {
    const existing = await deps.store.findActiveJob(prepared.key);
    if (existing) return existing;
    const job: StoredJob = {
      id: randomUUID(),
      kind,
      state: 'QUEUED',
      key: prepared.key,
      request,
      progress: 0,
      runsDone: 0,
      runsTotal: prepared.task.runsTotal,
      result: null,
      error: null,
      createdAt: new Date(deps.now()).toISOString(),
      startedAt: null,
      finishedAt: null,
    };
    // The database refuses a second active job with this key (another instance may have stored
    // one since the lookup): that job is the answer, or, if it ended meanwhile, a new try.
    for (let attempt = 0; !(await deps.store.insertJob(job)); attempt++) {
      const winner = await deps.store.findActiveJob(prepared.key);
      if (winner) return winner;
      if (attempt >= 3) throw new Error('could not store the job: its key stays taken');
    }
    deps.events.publish(job);
    try {
      await pTimeout(queue.enqueue({ id: job.id, task: prepared.task, report: prepared.report }), {
        milliseconds: deps.enqueueTimeoutMs ?? ENQUEUE_TIMEOUT_MS,
      });
    } catch (error) {
      // The job ends FAILED, so its key is free for a retry; should the queue take it late, the
      // workers skip it (it is no longer active).
      const message = 'the job queue did not take the job; try again';
      deps.logger.warn({ err: String(error), job: job.id }, 'job not queued');
      const finishedAt = new Date(deps.now()).toISOString();
      const failure = { state: 'FAILED', error: `SERVICE_UNAVAILABLE: ${message}`, finishedAt } as const;
      if (await deps.store.updateJob(job.id, failure, ACTIVE_JOB_STATES)) {
        const failed = await deps.store.loadJob(job.id);
        if (failed) deps.events.publish(failed);
      }
      throw new AppError('SERVICE_UNAVAILABLE', message, { cause: error });
    }
    return job;
  }

  return {
    async start(
      kind: JobKind,
      input: OptimizeRequestInput | WalkForwardRequestInput,
      loader: SeriesLoader,
    ): Promise<StoredJob> {
      const request = await canonicalJobRequest(kind, input, deps.limits, deps.saved);
      const prepared = await prepare(request, loader);
      const inFlight = starting.get(prepared.key);
      if (inFlight) return inFlight;
      const created = create(kind, request, prepared);
      starting.set(prepared.key, created);
      try {
        return await created;
      } finally {
        starting.delete(prepared.key);
      }
    },

    get: (id: string) => deps.store.loadJob(id),

    /** Newest first, `limit` jobs after the job `after`. */
    list: (limit: number, after: string | null) =>
      deps.store.listJobs({ limit, beforeId: after ?? undefined }),

    /** Cancels a QUEUED or RUNNING job (a running one stops within a chunk); ended jobs stay as they are. */
    async cancel(id: string): Promise<StoredJob> {
      const job = await deps.store.loadJob(id);
      if (!job) throw new NotFoundError(`no job with id ${JSON.stringify(id)}`, 'id');
      if (!isActive(job)) return job;
      if (!(await queue.cancel(id))) {
        const finishedAt = new Date(deps.now()).toISOString();
        if (await deps.store.updateJob(id, { state: 'CANCELLED', finishedAt }, ACTIVE_JOB_STATES)) {
          const cancelled = await deps.store.loadJob(id);
          if (cancelled) deps.events.publish(cancelled);
        }
      }
      return (await deps.store.loadJob(id)) ?? job;
    },

    /** The job now, then each change, ending with the end state; NotFoundError for an unknown id. */
    follow: (id: string) => followJob(id, deps.store, deps.events),

    /** Queues again the jobs stored QUEUED or RUNNING that this process does not run. */
    async resume(): Promise<number> {
      let resumed = 0;
      for (const job of await deps.store.listActiveJobs()) {
        if (await queue.holds(job.id)) continue;
        try {
          const prepared = await prepare(job.request as JobRequest, deps.newLoader());
          const queued: QueuedJob = { id: job.id, task: prepared.task, report: prepared.report };
          await queue.enqueue(queued);
          resumed++;
        } catch (error) {
          deps.logger.warn({ err: String(error), job: job.id }, 'job could not be resumed');
          const message = error instanceof Error ? error.message : String(error);
          const finishedAt = new Date(deps.now()).toISOString();
          await deps.store.updateJob(job.id, {
            state: 'FAILED',
            error: `RESUME_FAILED: ${message}`,
            finishedAt,
          });
        }
      }
      return resumed;
    },

    close: () => queue.close(),
  };
}

export type JobService = ReturnType<typeof createJobService>;
