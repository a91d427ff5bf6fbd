/**
 * Job events shared by every instance through Redis pub/sub (@graphql-yoga/redis-event-target):
 * a jobProgress subscription on one instance sees the changes that a worker process or another
 * instance publishes.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Logger } from '../observability/logger.ts';
import { createRedis } from './bullmq/queue-keys.ts';
import { createJobEvents, type JobEvents } from './job-events.ts';

export function createRedisJobEvents(url: string, logger: Logger): JobEvents & { close(): Promise<void> } {
  const onDown = (error: Error) => logger.warn({ err: error.message }, 'job events: Redis unreachable');
  const publishClient = createRedis(url, onDown);
  const subscribeClient = createRedis(url, onDown);
  const events = createJobEvents(createRedisEventTarget({ publishClient, subscribeClient }));
  return {
    ...events,
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
