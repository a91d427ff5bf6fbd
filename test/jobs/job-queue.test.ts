/** The job queue contract on both adapters: in process (the default) and BullMQ on real Redis. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe } from 'vitest';
import { createQueueWorker, type QueueWorker } from '../../src/jobs/bullmq/queue-worker.ts';
import { createRedisJobEvents } from '../../src/jobs/redis-job-events.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import { defineJobQueueContract } from './job-queue.contract.ts';

warnIfNoSharedData('the job queue contract on GOOG');
const redisUrl = process.env.TEST_REDIS_URL;
const fresh = () => `file:${join(mkdtempSync(join(tmpdir(), 'bt-queue-')), 'jobs.db')}`;
const dataEnv = { PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: sharedDataDir };

describe.skipIf(!sharedDataAvailable)('in process', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ databaseUrl: fresh(), env: dataEnv });
  });
  afterAll(() => h.close());
  defineJobQueueContract('in process', () => h);
});

describe.skipIf(!sharedDataAvailable || !redisUrl)('BullMQ', () => {
  const prefix = `test-queue-contract-${process.pid}-${Date.now()}`;
  let h: Harness;
  let worker: QueueWorker;
  let events: ReturnType<typeof createRedisJobEvents>;
  beforeAll(async () => {
    h = await createHarness({
      databaseUrl: fresh(),
      env: { ...dataEnv, QUEUE_URL: redisUrl!, QUEUE_PREFIX: prefix, QUEUE_CHUNK_RUNS: '200' },
    });
    events = createRedisJobEvents(redisUrl!, silentLogger);
    worker = createQueueWorker({
      settings: { url: redisUrl!, prefix, concurrency: 2, lockMs: 5_000 },
      store: h.services.repository,
      events,
      logger: silentLogger,
      now: Date.now,
    });
    await worker.ready();
  });
  afterAll(async () => {
    await worker?.close();
    await events?.close();
    await h?.close();
    const redis = new Redis(redisUrl!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  defineJobQueueContract('BullMQ', () => h);
});
