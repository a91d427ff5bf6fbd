/**
 * The job queue port: where a stored QUEUED job goes to be run. In process it is the job runner
 * (worker threads of this process); with QUEUE_URL it is BullMQ (worker processes run it). The
 * job service, the GraphQL API and the store are the same for both.
 */
import type { DataReport } from '../backtests/warnings.ts';
import type { PlannedTask } from './job-task.ts';

export interface QueuedJob {
  readonly id: string;
  readonly task: PlannedTask;
  readonly report: DataReport;
}

export interface JobQueue {
  /** Queues a job already stored QUEUED; queuing an id the queue holds already does nothing. */
  enqueue(job: QueuedJob): Promise<void>;
  /**
   * Stops the job's work wherever it runs. True when the queue recorded the end state itself (a
   * job running in this process stops and stores CANCELLED); false when the caller stores it.
   */
  cancel(id: string): Promise<boolean>;
  /** True while the queue holds the job (waiting or running), so resume() leaves it alone. */
  holds(id: string): Promise<boolean>;
  close(): Promise<void>;
}
