/**
 * Two job services as two instances: one store on the real MariaDB (TEST_DATABASE_URL), each with
 * its own in-process queue and its own connection to the real Redis (TEST_REDIS_URL) for its job
 * leases, short so the suite is quick. A harness on the same database answers GraphQL (job(id),
 * optimizeStrategy) as any instance would.
 */
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRedisConnection } from '../../src/cluster/redis-connection.ts';
import { createRedlockJobLeases } from '../../src/cluster/redlock-job-leases.ts';
import type { StoredJob } from '../../src/db/job-records.ts';
import { createJobEvents } from '../../src/jobs/job-events.ts';
import { createJobService, type JobService } from '../../src/jobs/job-service.ts';
import type { TakeoverTrigger } from '../../src/jobs/job-takeover.ts';
import { silentLogger } from '../../src/observability/logger.ts';
import { requiredService } from '../faults/fault-support.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTestDatabase, dropTestDatabase } from '../support/mysql.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import { type EndedJob, JOB, LARGE_OPTIMIZATION } from './job-support.ts';

warnIfNoSharedData('job takeover between instances on GOOG');
const baseUrl = requiredService('TEST_DATABASE_URL', 'test/jobs/job-takeover.test.ts');
const redisUrl = requiredService('TEST_REDIS_URL', 'test/jobs/job-takeover.test.ts');

const LEASE_MS = 1_000;
const SWEEP_MS = 100;
/** About 28 000 runs (several seconds): still running after a few leases, wherever the suite runs. */
const LONG_OPTIMIZATION = {
  ...LARGE_OPTIMIZATION,
  grid: [
    { name: 'fast', from: 2, to: 120, step: 1 },
    { name: 'slow', from: 10, to: 300, step: 1 },
  ],
};
const OPTIMIZE = `mutation O($input: OptimizeInput!) { optimizeStrategy(input: $input) { runCount best { params value } } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!sharedDataAvailable || !baseUrl || !redisUrl)('jobs between instances by lease', () => {
  const dbName = `t_job_takeover_${process.pid}`;
  let h: Harness;
  const connections: Redis[] = [];
  const services: JobService[] = [];

  /** An instance's job service: its own queue and Redis connection, the shared store. */
  const instance = (leaseMs = LEASE_MS) => {
    const taken: { id: string; trigger: TakeoverTrigger }[] = [];
    const redis = createRedisConnection({ url: redisUrl!, logger: silentLogger });
    connections.push(redis);
    const jobs = createJobService({
      store: h.services.repository,
      events: createJobEvents(),
      limits: h.services.config.limits,
      saved: h.services.strategies.saved,
      newLoader: () => loader,
      logger: silentLogger,
      now: Date.now,
      leases: createRedlockJobLeases({ redis, logger: silentLogger, leaseMs }),
      takeoverIntervalMs: SWEEP_MS,
      onTakenOver: (id, trigger) => taken.push({ id, trigger }),
    });
    services.push(jobs);
    return { jobs, redis, taken };
  };
  const loader = {
    loadMany: (keys: Parameters<Harness['services']['seriesReader']['loadMany']>[0]) =>
      h.services.seriesReader.loadMany([...keys]),
  };
  /** Both instances connected: a resume or sweep that finds no lease taken means something. */
  const connected = async (...redises: Redis[]) => {
    for (const redis of redises)
      await expect.poll(() => redis.status, { timeout: 10_000, interval: 20 }).toBe('ready');
  };
  const stored = async (id: string) => (await h.services.repository.loadJob(id)) as StoredJob;
  const runningWithProgress = async (id: string) => {
    await expect
      .poll(
        async () => {
          const job = await stored(id);
          return job.state === 'RUNNING' && job.runsDone > 0;
        },
        { timeout: 20_000, interval: 20 },
      )
      .toBe(true);
    return stored(id);
  };
  const endOf = async (id: string, timeoutMs: number) => {
    await expect
      .poll(async () => (await stored(id)).state, { timeout: timeoutMs, interval: 50 })
      .not.toMatch(/QUEUED|RUNNING/);
    return (await h.gql<{ job: EndedJob }>(JOB, { id })).data!.job;
  };
  /** What the same sweep gives run at once, uninterrupted. */
  const direct = async (input: Record<string, unknown>) =>
    (await h.gql<{ optimizeStrategy: { runCount: number; best: unknown } }>(OPTIMIZE, { input })).data!
      .optimizeStrategy;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase(baseUrl!, dbName);
    h = await createHarness({
      databaseUrl,
      env: { PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: sharedDataDir, MAX_OPTIMIZE_RUNS: '50000' },
    });
  });
  // Each test's instances stop with it, so no sweep of one test takes the jobs of the next.
  afterEach(async () => {
    for (const jobs of services.splice(0)) await jobs.close();
    for (const redis of connections.splice(0)) redis.disconnect();
  });
  afterAll(async () => {
    await h?.close();
    await dropTestDatabase(baseUrl!, dbName);
  });

  it('runs once while its instance lives, and is taken over within a lease once it dies', async () => {
    const input = { ...LONG_OPTIMIZATION, maximize: 'sqn' };
    const first = instance();
    const second = instance();
    await connected(first.redis, second.redis);
    second.jobs.startTakeoverSweep();
    const job = await first.jobs.start('OPTIMIZATION', input, loader);
    const running = await runningWithProgress(job.id);

    // A second instance starting now leaves it alone, and so does its sweep, lease after lease.
    expect(await second.jobs.resume()).toBe(0);
    const seen: StoredJob[] = [];
    for (let i = 0; i < 6; i++) {
      await sleep(LEASE_MS / 4);
      seen.push(await stored(job.id));
    }
    const runs = seen.map((j) => j.runsDone);
    expect(seen.every((j) => j.state === 'RUNNING' && j.startedAt === running.startedAt)).toBe(true);
    expect(runs).toEqual([...runs].sort((a, b) => a - b));
    expect(runs.at(-1)).toBeLessThan(job.runsTotal);
    expect(second.taken).toEqual([]);

    // The first instance dies: its Redis connection drops and its queue stops, writing nothing.
    first.redis.disconnect();
    await first.jobs.close();
    const diedAt = performance.now();
    expect((await stored(job.id)).state).toBe('RUNNING');
    await expect.poll(() => second.taken, { timeout: LEASE_MS * 4, interval: 20 }).toHaveLength(1);
    const takenAfterMs = performance.now() - diedAt;
    expect(second.taken).toEqual([{ id: job.id, trigger: 'sweep' }]);
    // Not before its lease lapsed (renewed every third of it), and within a lease and a sweep.
    expect(takenAfterMs).toBeGreaterThan(LEASE_MS / 3);
    expect(takenAfterMs).toBeLessThan(LEASE_MS + SWEEP_MS + 2_000);

    const ended = await endOf(job.id, 60_000);
    expect(ended).toMatchObject({ state: 'SUCCEEDED', runsDone: job.runsTotal, progress: 1 });
    const uninterrupted = await direct(input);
    expect(ended.optimization!.runCount).toBe(uninterrupted.runCount);
    expect(ended.optimization!.best).toEqual(uninterrupted.best);
    expect(
      (await h.services.repository.listJobs({ limit: 100 })).filter((j) => j.key === job.key),
    ).toHaveLength(1);
    // Its end frees the lease at once.
    expect(await second.redis.exists(`job:${job.id}`)).toBe(0);
  }, 120_000);

  it('an instance closing cleanly frees its leases: its running job is taken over at the next sweep', async () => {
    const input = { ...LARGE_OPTIMIZATION, maximize: 'returnPct' };
    // A long lease, so a takeover well within it shows the lease was freed, not left to lapse.
    const first = instance(30_000);
    const second = instance();
    await connected(first.redis, second.redis);
    second.jobs.startTakeoverSweep();
    const job = await first.jobs.start('OPTIMIZATION', input, loader);
    await runningWithProgress(job.id);
    await first.jobs.close();
    const takenHere = () => second.taken.filter((t) => t.id === job.id);
    await expect
      .poll(takenHere, { timeout: 15_000, interval: 20 })
      .toEqual([{ id: job.id, trigger: 'sweep' }]);
    const ended = await endOf(job.id, 60_000);
    expect(ended).toMatchObject({ state: 'SUCCEEDED', runsDone: job.runsTotal });
    expect(ended.optimization!.best).toEqual((await direct(input)).best);
  }, 120_000);
});
