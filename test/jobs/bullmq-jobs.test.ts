/**
 * Jobs on BullMQ: two real service processes and two real worker processes sharing Redis and a
 * MariaDB database. One sweep is split into chunks both workers run; progress started on one
 * instance streams over SSE from the other; identical starts on both instances give one job;
 * cancel stops running chunks within a second; SIGTERM lets a worker finish its chunk; SIGKILL
 * leaves its chunk to the other worker, and the job still ends with optimizeStrategy's best.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataAvailable, warnIfNoSharedData } from '../support/shared-data.ts';
import { createRepository } from '../../src/db/create-repository.ts';
import { startService } from '../support/service-process.ts';
import { startWorker } from '../support/worker-process.ts';
import { CANCEL, curlSse, type Deployment, logsOf, OPTIMIZE, startDeployment } from './bullmq-support.ts';
import {
  type EndedJob,
  JOB,
  JOB_FIELDS,
  type JobView,
  LARGE_OPTIMIZATION,
  SMALL_OPTIMIZATION,
  START_OPTIMIZATION,
  waitForEnd,
} from './job-support.ts';

const databaseBaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
warnIfNoSharedData('jobs on BullMQ on GOOG');

const PROGRESS = `subscription P($id: ID!) { jobProgress(id: $id) { ${JOB_FIELDS} } }`;

describe.skipIf(!sharedDataAvailable || !databaseBaseUrl || !redisUrl)(
  'jobs on BullMQ (two service instances, two worker processes, Redis, MariaDB)',
  () => {
    let d: Deployment;
    beforeAll(async () => {
      d = await startDeployment({
        name: 'jobs_bullmq',
        databaseBaseUrl: databaseBaseUrl!,
        redisUrl: redisUrl!,
        instances: 2,
        workers: 2,
        env: { QUEUE_CHUNK_RUNS: '300', QUEUE_LOCK_MS: '3000' },
      });
    }, 90_000);
    afterAll(() => d?.close(), 30_000);

    const start = async (instance: number, input: Record<string, unknown>) => {
      const response = await d.services[instance].gql<{ startOptimization: JobView }>(START_OPTIMIZATION, {
        input,
      });
      if (!response.data) throw new Error(JSON.stringify(response.errors));
      return response.data.startOptimization;
    };
    const synchronous = async (input: Record<string, unknown>) =>
      (
        await d.services[0].gql<{
          optimizeStrategy: { runCount: number; best: unknown; runs: { params: unknown; value: unknown }[] };
        }>(OPTIMIZE, { input })
      ).data!.optimizeStrategy;
    const waitRunning = async (id: string) => {
      for (;;) {
        const job = (await d.services[1].gql<{ job: JobView }>(JOB, { id })).data!.job;
        if (job.state === 'RUNNING' && job.runsDone > 0) return job;
        expect(['QUEUED', 'RUNNING']).toContain(job.state);
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    it('runs one sweep on both workers, streams its progress to curl on the other instance, and ends with optimizeStrategy’s result', async () => {
      const job = await start(0, LARGE_OPTIMIZATION);
      expect(job.state).toBe('QUEUED');
      const events = await curlSse<{ data: { jobProgress: JobView } }>(
        `${d.services[1].url}/graphql`,
        PROGRESS,
        {
          id: job.id,
        },
      );
      const seen = events.map((e) => e.data.jobProgress);
      const runsDone = seen.map((j) => j.runsDone);
      expect(runsDone).toEqual([...runsDone].sort((x, y) => x - y));
      expect(seen.some((j) => j.state === 'RUNNING' && j.runsDone > 0 && j.runsDone < j.runsTotal)).toBe(
        true,
      );
      expect(seen.at(-1)).toMatchObject({ state: 'SUCCEEDED', progress: 1, runsDone: job.runsTotal });

      for (const worker of d.workers) expect(logsOf(worker, job.id, 'chunk done').length).toBeGreaterThan(0);
      // Every chunk done (once, unless a loaded machine let a lock lapse and BullMQ ran it again).
      const chunks = new Set(
        d.workers.flatMap((w) => logsOf(w, job.id, 'chunk done').map((l) => Number(l.chunk))),
      );
      expect([...chunks].sort((x, y) => x - y)).toEqual(
        Array.from({ length: Math.ceil(job.runsTotal / 300) }, (_, k) => k),
      );

      const ended = (await d.services[1].gql<{ job: EndedJob }>(JOB, { id: job.id })).data!.job;
      const expected = await synchronous(LARGE_OPTIMIZATION);
      expect(ended.optimization!.runCount).toBe(expected.runCount);
      expect(ended.optimization!.best).toEqual(expected.best);
      expect(ended.optimization!.runs).toEqual(expected.runs);
    }, 120_000);

    it('gives identical starts on two instances one job, and cancels its running chunks within a second', async () => {
      const input = { ...LARGE_OPTIMIZATION, maximize: 'returnPct' };
      const started = await Promise.all([start(0, input), start(1, input), start(0, input), start(1, input)]);
      const id = started[0].id;
      expect(started.map((j) => j.id)).toEqual([id, id, id, id]);
      await waitRunning(id);
      // Cancel just after a chunk started, so one is surely running.
      for (;;) {
        const fresh = d.workers.some((w) => {
          const last = w.logs.filter((l) => l.job === id).at(-1);
          return last?.msg === 'chunk started' && Date.now() - Number(last.time) < 40;
        });
        if (fresh) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      const cancelAt = Date.now();
      const cancelled = (await d.services[1].gql<{ cancelJob: JobView }>(CANCEL, { id })).data!.cancelJob;
      expect(cancelled.state).toBe('CANCELLED');
      await new Promise((r) => setTimeout(r, 1_500));
      // Every chunk running at the cancel has ended within a second, and one was stopped by it.
      let stopped = 0;
      for (const worker of d.workers) {
        const at = (msg: string, chunk: unknown) =>
          logsOf(worker, id, msg).find((l) => l.chunk === chunk && Number(l.time) >= cancelAt - 50);
        const running = logsOf(worker, id, 'chunk started').filter(
          (l) =>
            Number(l.time) <= cancelAt &&
            !logsOf(worker, id, 'chunk done').some((e) => e.chunk === l.chunk && Number(e.time) < cancelAt),
        );
        for (const chunk of running.map((l) => l.chunk)) {
          const end = at('chunk stopped', chunk) ?? at('chunk done', chunk);
          expect(end, `chunk ${chunk} ended`).toBeDefined();
          expect(Number(end!.time) - cancelAt).toBeLessThan(1_000);
          if (end!.msg === 'chunk stopped') stopped++;
        }
        // No chunk ran to its end after being started past the cancel.
        const startedLate = logsOf(worker, id, 'chunk started').filter((l) => Number(l.time) > cancelAt + 50);
        for (const late of startedLate) expect(at('chunk done', late.chunk)).toBeUndefined();
      }
      expect(stopped).toBeGreaterThan(0);
      const after = (await d.services[0].gql<{ job: JobView }>(JOB, { id })).data!.job;
      expect(after.state).toBe('CANCELLED');
      expect(after.runsDone).toBeLessThan(after.runsTotal);
      // The workers are free again.
      const next = await start(0, SMALL_OPTIMIZATION);
      expect(next.id).not.toBe(id);
      expect((await waitForEnd(d.services[0], next.id)).state).toBe('SUCCEEDED');
    }, 120_000);

    it('lets a worker finish the chunk it runs on SIGTERM, and the job ends on the other worker', async () => {
      const input = { ...LARGE_OPTIMIZATION, maximize: 'sharpeRatio' };
      const job = await start(0, input);
      const [first] = d.workers;
      await first.waitForLog((l) => l.job === job.id && l.msg === 'chunk started', 30_000);
      expect(await first.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      const startedChunks = logsOf(first, job.id, 'chunk started').map((l) => l.chunk);
      expect(logsOf(first, job.id, 'chunk done').map((l) => l.chunk)).toEqual(startedChunks);
      const ended = await waitForEnd(d.services[1], job.id, 90_000);
      expect(ended.state).toBe('SUCCEEDED');
      expect(ended.optimization!.best).toEqual((await synchronous(input)).best);
      d.workers[0] = await startWorker(d.env);
    }, 150_000);

    it('queues a stored job the queue lost (a stop between storing and queuing) when a service starts', async () => {
      const store = createRepository({ databaseUrl: d.env.DATABASE_URL });
      try {
        const done = await start(0, SMALL_OPTIMIZATION);
        const model = (await store.loadJob(done.id))!;
        const lost = {
          ...model,
          id: `lost-${process.pid}`,
          key: `lost-key-${process.pid}`,
          state: 'QUEUED' as const,
          progress: 0,
          runsDone: 0,
          result: null,
          error: null,
          startedAt: null,
          finishedAt: null,
        };
        expect(await store.insertJob(lost)).toBe(true);
        await d.services[1].stop();
        d.services[1] = await startService(d.env);
        await d.services[1].ready();
        const ended = await waitForEnd(d.services[1], lost.id, 60_000);
        expect(ended).toMatchObject({ state: 'SUCCEEDED', runsDone: lost.runsTotal });
        const reference = await waitForEnd(d.services[0], done.id);
        expect(ended.optimization!.best).toEqual(reference.optimization!.best);
      } finally {
        await store.close();
      }
    }, 120_000);

    it('gives the chunk of a worker killed mid-run (SIGKILL) to the other worker, and the job succeeds', async () => {
      const input = { ...LARGE_OPTIMIZATION, maximize: 'equityFinal' };
      const job = await start(1, input);
      const [victim, survivor] = d.workers;
      const started = await victim.waitForLog((l) => l.job === job.id && l.msg === 'chunk started', 30_000);
      expect((await victim.stop('SIGKILL')).signal).toBe('SIGKILL');
      expect(logsOf(victim, job.id, 'chunk done').map((l) => l.chunk)).not.toContain(started.chunk);
      const ended = await waitForEnd(d.services[0], job.id, 90_000);
      expect(ended).toMatchObject({ state: 'SUCCEEDED', runsDone: job.runsTotal });
      expect(logsOf(survivor, job.id, 'chunk done').map((l) => l.chunk)).toContain(started.chunk);
      const expected = await synchronous(input);
      expect(ended.optimization!.best).toEqual(expected.best);
      expect(ended.optimization!.runCount).toBe(expected.runCount);
      d.workers[0] = await startWorker(d.env);
    }, 150_000);
  },
);
