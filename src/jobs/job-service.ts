/**
 * Long work as jobs: start validates the request and loads its data, then returns the QUEUED or
 * RUNNING job with the same key (request + data) or stores a new QUEUED one and queues it on
 * the runner. Jobs are stored, so they are listed, cancelled and followed from any request, and
 * the ones a stopped process left QUEUED or RUNNING run again after resume(). With shared job
 * leases (several instances, in-process queues) a job is queued only under its lease, and a
 * sweep takes over the jobs whose lease lapsed (their instance died).
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
import { type JobLease, type JobLeases, noJobLeases } from './job-leases.ts';
import type { JobQueue, QueuedJob } from './job-queue.ts';
import { createJobRunner } from './job-runner.ts';
import { createJobTakeover, type TakeoverTrigger } from './job-takeover.ts';
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
  /**
   * Which instance runs a stored job when several share the store: for the in-process queue only
   * (BullMQ's own locks hand a dead worker's work to another). Default: none, every job is this
   * process's and resume() at start runs the ones left over.
   */
  leases?: JobLeases;
  /** Between two takeover sweeps, with shared leases; default 3000. */
  takeoverIntervalMs?: number;
  /** Each job queued here that another process had left QUEUED or RUNNING: at start or by the sweep. */
  onTakenOver?: (id: string, trigger: TakeoverTrigger) => void;
}

const ENQUEUE_TIMEOUT_MS = 5_000;
const TAKEOVER_INTERVAL_MS = 3_000;

const isActive = (job: StoredJob) => ACTIVE_JOB_STATES.includes(job.state);

export function createJobService(deps: JobServiceDeps) {
  if (deps.queue && deps.leases) throw new Error('job leases are for the in-process queue');
  const leases = deps.leases ?? noJobLeases;
  /** The leases of the jobs in this process's queue, freed as each job leaves it. */
  const held = new Map<string, JobLease>();
  const release = async (id: string) => {
    const lease = held.get(id);
    held.delete(id);
    await lease?.release();
  };
  const queue =
    deps.queue ??
    inProcessQueue(
      createJobRunner({
        store: deps.store,
        events: deps.events,
        logger: deps.logger,
        now: deps.now,
        maxRunning: deps.maxRunning ?? 2,
        onLeave: (id) => void release(id),
      }),
    );
  /** Queues a job under its lease (kept until the job leaves this process's queue, or freed now if it is not taken). */
  async function enqueueHeld(queued: QueuedJob, lease: JobLease, timeoutMs?: number) {
    if (deps.queue === undefined) held.set(queued.id, lease);
    try {
      const enqueued = queue.enqueue(queued);
      await (timeoutMs === undefined ? enqueued : pTimeout(enqueued, { milliseconds: timeoutMs }));
    } catch (error) {
      held.delete(queued.id);
      await lease.release();
      throw error;
    }
  }
  /** Starts in flight per key, so identical concurrent requests share one job. */
  const starting = new Map<string, Promise<StoredJob>>();

  async function prepare(request: JobRequest, loader: SeriesLoader) {
    const [series] = await loadSeries(loader, [request.series]);
    const bars = seriesToBars(series);
    const task = planJobTask(request, bars, deps.limits.maxOptimizeRuns, deps.chunkSize);
    const key = sha256Of({ request, data: series.fingerprint });
    return { task, key, report: dataReport([series], deps.now()) };
  }

  /** Stores a new job; the active job with its key instead when there is one (null: stored). */
  async function insertJob(job: StoredJob): Promise<StoredJob | null> {
    // The database refuses a second active job with this key (another instance may have stored
    // one since the lookup): that job is the answer, or, if it ended meanwhile, a new try.
    for (let attempt = 0; !(await deps.store.insertJob(job)); attempt++) {
      const winner = await deps.store.findActiveJob(job.key);
      if (winner) return winner;
      if (attempt >= 3) throw new Error('could not store the job: its key stays taken');
    }
    return null;
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
    // Its lease is taken before it is stored, so no other instance's sweep finds it free.
    const lease = await leases.hold(job.id);
    const winner = await insertJob(job).catch(async (error: unknown) => {
      await lease.release();
      throw error;
    });
    if (winner) {
      await lease.release();
      return winner;
    }
    deps.events.publish(job);
    try {
      const queued = { id: job.id, task: prepared.task, report: prepared.report };
      await enqueueHeld(queued, lease, deps.enqueueTimeoutMs ?? ENQUEUE_TIMEOUT_MS);
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

  /** Queues a stored job again (resumed or taken over); false when it cannot run (stored FAILED). */
  async function queueAgain(job: StoredJob, lease: JobLease): Promise<boolean> {
    try {
      const prepared = await prepare(job.request as JobRequest, deps.newLoader());
      await enqueueHeld({ id: job.id, task: prepared.task, report: prepared.report }, lease);
      return true;
    } catch (error) {
      deps.logger.warn({ err: String(error), job: job.id }, 'job could not be resumed');
      const message = error instanceof Error ? error.message : String(error);
      const finishedAt = new Date(deps.now()).toISOString();
      const failure = { state: 'FAILED', error: `RESUME_FAILED: ${message}`, finishedAt } as const;
      await deps.store.updateJob(job.id, failure, ACTIVE_JOB_STATES);
      return false;
    }
  }

  const takeover = createJobTakeover({
    store: deps.store,
    leases,
    logger: deps.logger,
    holds: async (id) => held.has(id) || (await queue.holds(id)),
    queue: queueAgain,
    intervalMs: deps.takeoverIntervalMs ?? TAKEOVER_INTERVAL_MS,
    onTakenOver: deps.onTakenOver,
  });

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

    /**
     * Queues again the jobs stored QUEUED or RUNNING that this process does not run and whose
     * lease it wins (without shared leases: all of them); the number queued.
     */
    resume: () => takeover.run('start'),

    /** With shared leases: every `takeoverIntervalMs`, takes over the jobs whose lease lapsed. */
    startTakeoverSweep: () => takeover.startSweep(),

    async close() {
      await takeover.close();
      await queue.close();
      await Promise.all([...held.keys()].map(release));
      await leases.close();
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;
