/** A worker process: the store, the shared job events and a BullMQ worker, from the configuration. */
import type { Config } from '../../config.ts';
import { createRepository } from '../../db/create-repository.ts';
import type { Logger } from '../../observability/logger.ts';
import { createRedisJobEvents } from '../redis-job-events.ts';
import { createQueueWorker } from './queue-worker.ts';

const MIGRATE_ATTEMPTS = 20;
const MIGRATE_RETRY_MS = 500;

export interface WorkerProcess {
  /** Finishes the chunks running, then disconnects. */
  close(): Promise<void>;
}

export async function startWorkerProcess(config: Config, logger: Logger): Promise<WorkerProcess> {
  const url = config.queue.url;
  if (url === undefined) throw new Error('a worker needs QUEUE_URL=redis://… (the queue it takes jobs from)');
  const repository = createRepository({
    databaseUrl: config.database.url,
    poolSize: config.database.poolSize,
    queueLimit: config.database.queueLimit,
  });
  // A service starting at the same time may be applying the same migrations.
  for (let attempt = 1; ; attempt++) {
    try {
      await repository.migrate();
      break;
    } catch (error) {
      if (attempt >= MIGRATE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, MIGRATE_RETRY_MS));
    }
  }
  const events = createRedisJobEvents(url, logger);
  const worker = createQueueWorker({
    settings: {
      url,
      prefix: config.queue.prefix,
      concurrency: config.queue.workerConcurrency,
      lockMs: config.queue.lockMs,
    },
    store: repository,
    events,
    logger,
    now: Date.now,
  });
  await worker.ready();
  return {
    async close() {
      await worker.close();
      await events.close();
      await repository.close();
    },
  };
}
