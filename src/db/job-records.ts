/** Stored long-running jobs (optimizations, walk-forward analyses) and what both dialects do with them. */
export type JobKind = 'OPTIMIZATION' | 'WALK_FORWARD';
export type JobState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** States of a job that has not ended. */
export const ACTIVE_JOB_STATES: readonly JobState[] = ['QUEUED', 'RUNNING'];

export interface StoredJob {
  id: string;
  kind: JobKind;
  state: JobState;
  /** SHA-256 of the canonical request and the data it ran on. */
  key: string;
  /** The canonical request as plain JSON (enough to run the job again). */
  request: unknown;
  /** 0 … 1. */
  progress: number;
  runsDone: number;
  runsTotal: number;
  /** Plain JSON once SUCCEEDED, else null. */
  result: unknown;
  /** `CODE: message` once FAILED, else null. */
  error: string | null;
  /** ISO-8601 UTC timestamps. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type JobChanges = Partial<
  Pick<
    StoredJob,
    'state' | 'progress' | 'runsDone' | 'runsTotal' | 'result' | 'error' | 'startedAt' | 'finishedAt'
  >
>;

export interface ListJobsOptions {
  limit: number;
  /** Return jobs created strictly before this job (cursor pagination, newest first). */
  beforeId?: string;
}

export interface JobStore {
  /**
   * Stores a new job; false (nothing stored) when the job is QUEUED or RUNNING and an active job
   * with the same key exists: the database refuses it, so concurrent starts on several instances
   * store one job.
   */
  insertJob(job: StoredJob): Promise<boolean>;
  loadJob(id: string): Promise<StoredJob | null>;
  /** Newest first. */
  listJobs(options: ListJobsOptions): Promise<StoredJob[]>;
  /**
   * Applies the changes when the job is in one of `inStates` (any state when omitted); true when
   * a row changed, so a job cancelled meanwhile is not overwritten by its late result.
   */
  updateJob(id: string, changes: JobChanges, inStates?: readonly JobState[]): Promise<boolean>;
  /**
   * Raises the progress of a RUNNING job, never lowers it (several workers report one job's
   * chunks out of order); true when it changed.
   */
  raiseProgress(id: string, runsDone: number, runsTotal: number): Promise<boolean>;
  /** The newest QUEUED or RUNNING job with this key, or null. */
  findActiveJob(key: string): Promise<StoredJob | null>;
  /** Every QUEUED or RUNNING job, oldest first (to resume them after a restart). */
  listActiveJobs(): Promise<StoredJob[]>;
}
