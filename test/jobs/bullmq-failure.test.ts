/**
 * A job the worker refuses ends FAILED with a coded error: the BullMQ adapter and the queue
 * worker on real Redis and a real store, given a task whose grid is over the worker's run limit.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRepository } from '../../src/db/create-repository.ts';
import type { StoredJob } from '../../src/db/job-records.ts';
import { canonicalOptions } from '../../src/inputs/options.ts';
import { createBullmqQueue } from '../../src/jobs/bullmq/bullmq-queue.ts';
import { createQueueWorker } from '../../src/jobs/bullmq/queue-worker.ts';
import { createJobEvents } from '../../src/jobs/job-events.ts';
import type { JobRequest } from '../../src/jobs/job-request.ts';
import { planJobTask } from '../../src/jobs/job-task.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { loadBars, sharedDataAvailable } from '../engine/support/data.ts';

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!sharedDataAvailable || !redisUrl)('a job failing on a worker', () => {
  const prefix = `test-bullmq-failure-${process.pid}-${Date.now()}`;
  const store = createRepository({
    databaseUrl: `file:${join(mkdtempSync(join(tmpdir(), 'bt-fail-')), 'jobs.db')}`,
  });
  const events = createJobEvents();
  const queue = createBullmqQueue({ url: redisUrl!, prefix, chunkRuns: 10, logger: silentLogger });
  const worker = createQueueWorker({
    settings: { url: redisUrl!, prefix, concurrency: 1, lockMs: 2000 },
    store,
    events,
    logger: silentLogger,
    now: Date.now,
  });
  afterAll(async () => {
    await worker.close();
    await queue.close();
    await store.close();
    const redis = new Redis(redisUrl!);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('stores FAILED with BAD_USER_INPUT naming the field, and publishes the end', async () => {
    await store.migrate();
    await worker.ready();
    const request: JobRequest = {
      kind: 'OPTIMIZATION',
      series: { ticker: 'GOOG', from: '2004-08-19', to: '2013-03-01', adjusted: true },
      strategy: { name: 'SmaCross', rules: null },
      grid: [
        { name: 'fast', from: 5, to: 20, step: 5 },
        { name: 'slow', from: 30, to: 60, step: 10 },
      ],
      params: {},
      constraint: null,
      maximize: 'sqn',
      options: canonicalOptions({}),
      walkForward: null,
    };
    // Planned with room for the 16 runs; the worker's plan allows 5 and refuses the grid.
    const task = { ...planJobTask(request, loadBars('GOOG.csv'), 100), maxRuns: 5 };
    const job: StoredJob = {
      id: `failing-${process.pid}`,
      kind: 'OPTIMIZATION',
      state: 'QUEUED',
      key: `key-${prefix}`,
      request,
      progress: 0,
      runsDone: 0,
      runsTotal: task.runsTotal,
      result: null,
      error: null,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
    };
    expect(await store.insertJob(job)).toBe(true);
    const changes = events.subscribe(job.id);
    await queue.enqueue({ id: job.id, task, report: { stale: false, source: 'PROVIDER', warnings: [] } });
    let last: { state: string } | undefined;
    for await (const change of changes) {
      last = change;
      if (change.state === 'FAILED') break;
    }
    await changes.return?.();
    expect(last?.state).toBe('FAILED');
    const stored = await store.loadJob(job.id);
    expect(stored).toMatchObject({ state: 'FAILED' });
    expect(stored!.error).toMatch(/^BAD_USER_INPUT: input\.grid: /);
    expect(stored!.finishedAt).not.toBeNull();
  }, 30_000);
});
