/**
 * The BullMQ adapter of the job queue port (the service's side): a sweep becomes a flow, one
 * parent that combines and child chunk jobs that any worker process takes; a walk-forward
 * analysis likewise, one child per window (trained apart), the parent testing and stitching. BullMQ job ids derive from the stored job's id, so queuing a job twice
 * (a resumed job) adds nothing. Cancelling publishes the id to every worker.
 */
import { FlowProducer, type JobsOptions, Queue } from 'bullmq';
import { walkForwardWindows } from '../../engine/optimizer/walk-forward-windows.ts';
import type { Logger } from '../../observability/logger.ts';
import type { JobQueue } from '../job-queue.ts';
import type { PlannedTask } from '../job-task.ts';
import { chunkRanges, toTaskData } from './job-data.ts';
import {
  ATTEMPTS,
  CHUNK,
  COMBINE,
  chunkJobId,
  createRedis,
  QUEUE_NAME,
  type QueueSettings,
  queueKeys,
  WALK_FORWARD,
  WINDOW,
} from './queue-keys.ts';

/** Windows of a walk-forward task: runsTotal is windows × combinations per window. */
const planJobWindows = (task: PlannedTask) =>
  walkForwardWindows(task.bars.time.length, task.walkForward!).length;

const CANCEL_MARK_S = 24 * 3600;

export function createBullmqQueue(settings: QueueSettings & { chunkRuns: number; logger: Logger }): JobQueue {
  const connection = createRedis(settings.url, (error) =>
    settings.logger.warn({ err: error.message }, 'job queue: Redis unreachable'),
  );
  const { prefix } = settings;
  const queue = new Queue(QUEUE_NAME, { connection, prefix });
  const flows = new FlowProducer({ connection, prefix });
  // The connection's own listener reports an outage once; these only keep BullMQ quiet.
  queue.on('error', () => {});
  flows.on('error', () => {});
  const keys = queueKeys(prefix);
  const opts: JobsOptions = {
    attempts: ATTEMPTS,
    backoff: { type: 'fixed', delay: 200 },
    // The database keeps the result; a parent holds its chunks' runs (MBs), so it goes at once.
    removeOnComplete: true,
    removeOnFail: { count: 1000 },
  };

  return {
    async enqueue({ id, task, report }) {
      const data = toTaskData(id, task, report);
      if (task.walkForward !== null) {
        const windows = planJobWindows(task);
        await flows.add({
          name: WALK_FORWARD,
          queueName: QUEUE_NAME,
          data,
          opts: { ...opts, jobId: id },
          children: Array.from({ length: windows }, (_, index) => ({
            name: WINDOW,
            queueName: QUEUE_NAME,
            data: { jobId: id, index },
            opts: { ...opts, jobId: chunkJobId(id, index), failParentOnFailure: true },
          })),
        });
        return;
      }
      await flows.add({
        name: COMBINE,
        queueName: QUEUE_NAME,
        data,
        opts: { ...opts, jobId: id },
        children: chunkRanges(task.runsTotal, settings.chunkRuns).map(([from, to], index) => ({
          name: CHUNK,
          queueName: QUEUE_NAME,
          data: { jobId: id, index, from, to },
          opts: { ...opts, jobId: chunkJobId(id, index), failParentOnFailure: true },
        })),
      });
    },

    async cancel(id) {
      await connection.set(keys.cancelled(id), '1', 'EX', CANCEL_MARK_S);
      await connection.publish(keys.cancelChannel, id);
      return false;
    },

    async holds(id) {
      const job = await queue.getJob(id);
      if (!job) return false;
      const state = await job.getState();
      return state !== 'completed' && state !== 'failed' && state !== 'unknown';
    },

    async close() {
      await Promise.allSettled([flows.close(), queue.close()]);
      connection.disconnect();
    },
  };
}
