/**
 * Runs queued jobs in this process, at most `maxRunning` at a time, each on its own worker thread.
 * Progress is written and published through a throttle (every 2 % or every second); the end
 * state is written only while the job is still RUNNING, so a cancelled job stays cancelled.
 */
import { toOptimizationView } from '../backtests/optimize-service.ts';
import type { JobChanges, JobState, JobStore, StoredJob } from '../db/job-records.ts';
import { CancelledError } from '../engine/optimizer/progress.ts';
import type { Logger } from '../observability/logger.ts';
import type { JobEvents } from './job-events.ts';
import { toJobFailure } from './job-failure.ts';
import type { JobOutput } from './job-messages.ts';
import type { QueuedJob } from './job-queue.ts';
import { type RunningThread, startJobThread } from './job-thread.ts';
import { createProgressThrottle } from './progress-throttle.ts';

export interface JobRunner {
  enqueue(job: QueuedJob): void;
  /** True when the job was waiting here (it is dropped); false when not queued here. */
  dropQueued(id: string): boolean;
  /** Asks a running job to stop; resolves once it has ended, false when it is not running here. */
  cancelRunning(id: string): Promise<boolean>;
  /** Ids queued or running here. */
  has(id: string): boolean;
  /** Stops every worker; the jobs stay RUNNING / QUEUED in the store and resume on the next start. */
  close(): Promise<void>;
}

const RUNNING: readonly JobState[] = ['RUNNING'];

export function createJobRunner(deps: {
  store: JobStore;
  events: JobEvents;
  logger: Logger;
  now: () => number;
  maxRunning: number;
  /** Called once for each job enqueued here when it has left: ended, dropped, or the runner closed. */
  onLeave?: (id: string) => void;
}): JobRunner {
  const pending: QueuedJob[] = [];
  /** Jobs taken off the queue until they have ended; `cancelled` set by cancelRunning. */
  const running = new Map<string, { cancelled: boolean; thread?: RunningThread; done: Promise<void> }>();
  let closed = false;
  const iso = () => new Date(deps.now()).toISOString();

  const publishStored = async (id: string) => {
    const job = await deps.store.loadJob(id);
    if (job) deps.events.publish(job);
  };

  const toEndChanges = (output: JobOutput, queued: QueuedJob, elapsedMs: number): JobChanges => {
    if (output.kind === 'WINDOW') throw new Error('a whole job answered one window');
    const result =
      output.kind === 'OPTIMIZATION'
        ? toOptimizationView({ ...output.optimization, elapsedMs }, queued.task.grid, queued.report)
        : output.walkForward;
    const runsDone =
      output.kind === 'OPTIMIZATION' ? output.optimization.runCount : output.walkForward.runCount;
    return { state: 'SUCCEEDED', progress: 1, runsDone, result, error: null, finishedAt: iso() };
  };

  async function run(queued: QueuedJob): Promise<void> {
    let finish = () => {};
    const entry: { cancelled: boolean; thread?: RunningThread; done: Promise<void> } = {
      cancelled: false,
      done: new Promise<void>((resolve) => {
        finish = resolve;
      }),
    };
    running.set(queued.id, entry);
    try {
      await runTaken(queued, entry);
    } finally {
      running.delete(queued.id);
      finish();
      deps.onLeave?.(queued.id);
    }
  }

  async function runTaken(
    queued: QueuedJob,
    entry: { cancelled: boolean; thread?: RunningThread },
  ): Promise<void> {
    const started = await deps.store.updateJob(
      queued.id,
      {
        state: 'RUNNING',
        startedAt: iso(),
        finishedAt: null,
        progress: 0,
        runsDone: 0,
        runsTotal: queued.task.runsTotal,
      },
      ['QUEUED', 'RUNNING'],
    );
    if (!started) return;
    await publishStored(queued.id);
    let job: StoredJob | null = await deps.store.loadJob(queued.id);
    // Closed meanwhile: no thread starts after close; the job stays RUNNING for another to take.
    if (closed) return;
    const throttle = createProgressThrottle();
    let writes = Promise.resolve();
    const startedAt = performance.now();
    const thread = startJobThread(queued.task, (runsDone, runsTotal) => {
      const progress = runsTotal > 0 ? runsDone / runsTotal : 1;
      if (!throttle(progress) || job === null) return;
      const snapshot: StoredJob = { ...job, runsDone, runsTotal, progress };
      job = snapshot;
      writes = writes
        .then(() => deps.store.updateJob(queued.id, { runsDone, runsTotal, progress }, RUNNING))
        .then((changed) => {
          if (changed) deps.events.publish(snapshot);
        })
        .catch((error) =>
          deps.logger.warn({ err: String(error), job: queued.id }, 'job progress not stored'),
        );
    });
    entry.thread = thread;
    if (entry.cancelled) thread.cancel();
    await (async () => {
      let changes: JobChanges;
      try {
        changes = toEndChanges(await thread.output, queued, performance.now() - startedAt);
      } catch (error) {
        if (closed) return;
        if (error instanceof CancelledError) changes = { state: 'CANCELLED', finishedAt: iso() };
        else {
          deps.logger.warn({ err: String(error), job: queued.id }, 'job failed');
          changes = { state: 'FAILED', error: toJobFailure(error), finishedAt: iso() };
        }
      }
      await writes;
      await deps.store.updateJob(queued.id, changes, RUNNING);
      await publishStored(queued.id);
    })();
  }

  const pump = () => {
    while (!closed && running.size < deps.maxRunning && pending.length > 0) {
      const next = pending.shift()!;
      void run(next)
        .catch((error) => deps.logger.error({ err: String(error), job: next.id }, 'job runner error'))
        .finally(pump);
    }
  };

  return {
    enqueue(job) {
      if (closed || this.has(job.id)) return;
      pending.push(job);
      pump();
    },
    dropQueued(id) {
      const at = pending.findIndex((j) => j.id === id);
      if (at < 0) return false;
      pending.splice(at, 1);
      deps.onLeave?.(id);
      return true;
    },
    async cancelRunning(id) {
      const entry = running.get(id);
      if (!entry) return false;
      entry.cancelled = true;
      entry.thread?.cancel();
      await entry.done;
      return true;
    },
    has: (id) => running.has(id) || pending.some((j) => j.id === id),
    async close() {
      closed = true;
      for (const job of pending.splice(0)) deps.onLeave?.(job.id);
      await Promise.allSettled([...running.values()].map((r) => r.thread?.terminate()));
    },
  };
}
