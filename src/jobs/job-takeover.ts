/**
 * Taking over stored jobs: once at start (resume) and, when instances share job leases, every few
 * seconds (the sweep). An active job is queued here only when this process does not hold it and
 * wins its lease: its holder ended it or died. Without shared leases every lease is won, so the
 * start pass runs again whatever a stopped process left over. Passes never overlap.
 */
import { ACTIVE_JOB_STATES, type JobStore, type StoredJob } from '../db/job-records.ts';
import type { Logger } from '../observability/logger.ts';
import type { JobLease, JobLeases } from './job-leases.ts';

export type TakeoverTrigger = 'start' | 'sweep';

export interface JobTakeoverDeps {
  store: JobStore;
  leases: JobLeases;
  logger: Logger;
  /** Whether this process holds the job already (waiting or running here). */
  holds(id: string): Promise<boolean>;
  /** Queues the job here under its lease; false when it cannot run (then it is stored FAILED). */
  queue(job: StoredJob, lease: JobLease): Promise<boolean>;
  /** Between two sweeps. */
  intervalMs: number;
  onTakenOver?: (id: string, trigger: TakeoverTrigger) => void;
}

export function createJobTakeover(deps: JobTakeoverDeps) {
  let passes: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let failing = false;
  let closed = false;

  async function takeOne(listed: StoredJob, trigger: TakeoverTrigger): Promise<boolean> {
    if (await deps.holds(listed.id)) return false;
    const lease = await deps.leases.takeOver(listed.id);
    if (lease === null) return false;
    let queued = false;
    try {
      // Its holder may have ended it between the listing and the lease.
      const job = await deps.store.loadJob(listed.id);
      if (job === null || !ACTIVE_JOB_STATES.includes(job.state)) return false;
      queued = await deps.queue(job, lease);
    } finally {
      if (!queued) await lease.release();
    }
    if (queued) {
      deps.logger.info({ job: listed.id, trigger }, 'job taken over');
      deps.onTakenOver?.(listed.id, trigger);
    }
    return queued;
  }

  async function pass(trigger: TakeoverTrigger): Promise<number> {
    let taken = 0;
    for (const listed of await deps.store.listActiveJobs()) {
      if (closed) break;
      if (await takeOne(listed, trigger)) taken++;
    }
    return taken;
  }

  /** One pass now (after any pass under way); the number of jobs queued here. */
  const run = (trigger: TakeoverTrigger): Promise<number> => {
    const next = passes.then(() => pass(trigger));
    passes = next.catch(() => undefined);
    return next;
  };

  return {
    run,

    /** With shared leases: a sweep every `intervalMs` until close (an unref'd timer). */
    startSweep() {
      if (!deps.leases.shared || timer !== undefined || closed) return;
      const schedule = () => {
        timer = setTimeout(async () => {
          try {
            await run('sweep');
            failing = false;
          } catch (error) {
            // Once per outage (the database away), not once per sweep.
            if (!failing) deps.logger.warn({ err: String(error) }, 'job takeover sweep failed');
            failing = true;
          }
          if (!closed) schedule();
        }, deps.intervalMs);
        timer.unref();
      };
      schedule();
    },

    /** Stops the sweep; resolves once a pass under way has ended. */
    async close() {
      closed = true;
      clearTimeout(timer);
      await passes;
    },
  };
}
