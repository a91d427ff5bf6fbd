/**
 * The job lease port: which instance runs a stored job when several share one database and run
 * jobs on their in-process queues. An instance queues a job only while it holds the job's lease,
 * renewed while the job waits or runs and freed when it ends here; the lease of an instance that
 * died lapses, and another instance takes the job over. With Redis it is a Redlock lease
 * (src/cluster/redlock-job-leases.ts); without, every job is this process's (`noJobLeases`).
 * BullMQ needs none: its own locks hand a dead worker's chunks to another.
 */

export interface JobLease {
  /** Stops renewing the lease and frees it at once; never throws. */
  release(): Promise<void>;
}

export interface JobLeases {
  /** True when other instances may hold jobs of the same store: then a sweep takes over lapsed ones. */
  readonly shared: boolean;
  /**
   * The lease of a job this instance is about to store (its id is new, so nobody else holds it):
   * taken now, or, while Redis cannot be reached, as soon as it can (the job runs here meanwhile).
   */
  hold(id: string): Promise<JobLease>;
  /**
   * The lease of a stored job another instance may hold, without waiting: a lease when it was
   * free (its holder ended or died), null when another instance holds it or when Redis cannot
   * tell (no job is taken over while Redis is away).
   */
  takeOver(id: string): Promise<JobLease | null>;
  /** Stops renewing and frees every lease still held. */
  close(): Promise<void>;
}

const noLease: JobLease = { release: async () => undefined };

/** One instance alone: every job is its own, resumed at start (after a restart). */
export const noJobLeases: JobLeases = {
  shared: false,
  hold: async () => noLease,
  takeOver: async () => noLease,
  close: async () => undefined,
};
