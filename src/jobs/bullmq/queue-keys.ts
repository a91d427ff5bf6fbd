/** Names shared by the service (which enqueues) and the worker processes (which run jobs). */
import { Redis } from 'ioredis';

/** The BullMQ queue of jobs; deployments sharing a Redis differ by prefix. */
export const QUEUE_NAME = 'jobs';

/** Job names in the queue: a sweep's parent and its chunks, a walk-forward analysis and its windows. */
export const COMBINE = 'combine';
export const CHUNK = 'chunk';
export const WALK_FORWARD = 'walk-forward';
export const WINDOW = 'window';

/** Attempts of a chunk or job: a worker that died mid-run (stalled) leaves it to another. */
export const ATTEMPTS = 3;

export interface QueueSettings {
  url: string;
  prefix: string;
}

/**
 * An ioredis client as BullMQ wants it (commands wait for a reconnect instead of failing); a lost
 * connection is reported once per outage to `onDown` (ioredis reconnects by itself).
 */
export function createRedis(url: string, onDown: (error: Error) => void = () => {}): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null });
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) onDown(error);
    down = true;
  });
  client.on('ready', () => {
    down = false;
  });
  return client;
}

export const queueKeys = (prefix: string) => ({
  /** Pub/sub channel: a job id published here stops that job's chunks on every worker. */
  cancelChannel: `${prefix}:jobs:cancel`,
  /** Set when a job was cancelled, so chunks not yet started are skipped. */
  cancelled: (jobId: string) => `${prefix}:jobs:cancelled:${jobId}`,
  /** Hash chunk index → runs done, summed for the job's progress. */
  progress: (jobId: string) => `${prefix}:jobs:progress:${jobId}`,
});

/** BullMQ job ids: the stored job's id for the parent, `<id>-<k>` for its chunks (no `:` allowed). */
export const chunkJobId = (jobId: string, index: number) => `${jobId}-${index}`;
