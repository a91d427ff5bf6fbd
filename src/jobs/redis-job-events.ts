/**
 * Job events shared by every instance through Redis pub/sub (@graphql-yoga/redis-event-target):
 * a jobProgress subscription on one instance sees the changes that a worker process or another
 * instance publishes.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import { createJobEvents, type JobEvents } from './job-events.ts';

export function createRedisJobEvents(url: string): JobEvents & { close(): Promise<void> } {
  const publishClient = new Redis(url, { maxRetriesPerRequest: null });
  const subscribeClient = new Redis(url, { maxRetriesPerRequest: null });
  const events = createJobEvents(createRedisEventTarget({ publishClient, subscribeClient }));
  return {
    ...events,
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
