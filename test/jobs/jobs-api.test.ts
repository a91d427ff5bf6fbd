import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, storages } from '../support/harness.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import {
  JOB_FIELDS,
  type JobView,
  LARGE_OPTIMIZATION,
  SMALL_OPTIMIZATION,
  START_OPTIMIZATION,
  START_WALK_FORWARD,
  waitForEnd,
} from './job-support.ts';

warnIfNoSharedData('jobs through GraphQL on GOOG');

const OPTIMIZE = `mutation O($input: OptimizeInput!) { optimizeStrategy(input: $input) { runCount best { params value } } }`;

describe.skipIf(!sharedDataAvailable).each(storages('jobs_api'))(
  'jobs through GraphQL (in process, $name)',
  (storage) => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness({
        databaseUrl: await storage.freshUrl('jobs'),
        env: { PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: sharedDataDir },
      });
    });
    afterAll(() => h.close());

    const start = async (input: Record<string, unknown>) => {
      const res = await h.gql<{ startOptimization: JobView }>(START_OPTIMIZATION, { input });
      expect(res.errors).toBeUndefined();
      return res.data!.startOptimization;
    };

    it('ends SUCCEEDED with the best params and value of optimizeStrategy, and a heatmap', async () => {
      const job = await start(SMALL_OPTIMIZATION);
      expect(job).toMatchObject({ kind: 'OPTIMIZATION', state: 'QUEUED', runsDone: 0, runsTotal: 63 });
      const ended = await waitForEnd(h, job.id);
      expect(ended).toMatchObject({ state: 'SUCCEEDED', progress: 1, runsDone: 63, error: null });
      const direct = await h.gql<{ optimizeStrategy: { runCount: number; best: unknown } }>(OPTIMIZE, {
        input: SMALL_OPTIMIZATION,
      });
      expect(ended.optimization!.runCount).toBe(direct.data!.optimizeStrategy.runCount);
      expect(ended.optimization!.best).toEqual(direct.data!.optimizeStrategy.best);
      const heatmap = ended.optimization!.heatmap;
      expect(heatmap.xValues).toEqual([5, 10, 15, 20, 25, 30, 35, 40]);
      expect(heatmap.yValues).toEqual([20, 30, 40, 50, 60, 70, 80, 90, 100]);
      expect(heatmap.values[0][0]).toBe(ended.optimization!.runs[0].value);
      expect(heatmap.values[7][0]).toBeNull(); // fast 40 < slow 20 fails the constraint
    });

    /** The job once it is RUNNING with runs done, else null after a short wait. */
    const waitForRuns = async (id: string) => {
      const job = (
        await h.gql<{ job: JobView }>(`query J($id: ID!) { job(id: $id) { state runsDone } }`, { id })
      ).data!.job;
      if (job.state === 'RUNNING' && job.runsDone > 0) return job;
      expect(['QUEUED', 'RUNNING']).toContain(job.state);
      await new Promise((r) => setTimeout(r, 20));
      return null;
    };

    it('returns the running job for an identical request, and cancels it', async () => {
      const first = await start(LARGE_OPTIMIZATION);
      const second = await start(LARGE_OPTIMIZATION);
      expect(second.id).toBe(first.id);
      for (;;) {
        const job = await waitForRuns(first.id);
        if (job) break;
      }
      const cancelStarted = Date.now();
      const cancelled = await h.gql<{ cancelJob: JobView }>(
        `mutation C($id: ID!) { cancelJob(id: $id) { id state runsDone runsTotal finishedAt } }`,
        { id: first.id },
      );
      // A running job stops at its next chunk: well within a second.
      expect(Date.now() - cancelStarted).toBeLessThan(1_000);
      expect(cancelled.data!.cancelJob.runsDone).toBeLessThan(cancelled.data!.cancelJob.runsTotal);
      expect(cancelled.data!.cancelJob).toMatchObject({ id: first.id, state: 'CANCELLED' });
      expect((await waitForEnd(h, first.id)).state).toBe('CANCELLED');
      const again = await start(LARGE_OPTIMIZATION);
      expect(again.id).not.toBe(first.id);
      await h.gql(`mutation C($id: ID!) { cancelJob(id: $id) { id } }`, { id: again.id });
    });

    it('cancels a job waiting behind two running ones before it starts', async () => {
      const jobs = [];
      for (const maximize of ['sqn', 'sharpeRatio', 'returnPct'])
        jobs.push(await start({ ...LARGE_OPTIMIZATION, maximize }));
      const cancel = (id: string) =>
        h.gql<{ cancelJob: JobView }>(`mutation C($id: ID!) { cancelJob(id: $id) { ${JOB_FIELDS} } }`, {
          id,
        });
      const waiting = (await cancel(jobs[2].id)).data!.cancelJob;
      expect(waiting).toMatchObject({ state: 'CANCELLED', runsDone: 0, startedAt: null });
      expect(waiting.finishedAt).not.toBeNull();
      for (const job of jobs.slice(0, 2))
        expect((await cancel(job.id)).data!.cancelJob.state).toBe('CANCELLED');
    });

    it('refuses a bad walk-forward request and a bad heatmap axis as BAD_USER_INPUT naming the field', async () => {
      const res = await h.gql(START_WALK_FORWARD, {
        input: { ...SMALL_OPTIMIZATION, trainBars: 0, testBars: 50 },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.trainBars' });
      const big = await h.gql(START_WALK_FORWARD, {
        input: { ...SMALL_OPTIMIZATION, trainBars: 100_000, testBars: 50 },
      });
      expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.trainBars' });
      const job = await start(SMALL_OPTIMIZATION);
      await waitForEnd(h, job.id);
      const bad = await h.gql(
        `query J($id: ID!) { job(id: $id) { optimization { heatmap(x: "fast", y: "nope") { x } } } }`,
        {
          id: job.id,
        },
      );
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'y' });
    });

    it('lists jobs newest first as a connection', async () => {
      const page = await h.gql<{
        jobs: {
          edges: { cursor: string; node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(`{ jobs(first: 2) { edges { cursor node { id createdAt } } pageInfo { hasNextPage endCursor } } }`);
      expect(page.errors).toBeUndefined();
      expect(page.data!.jobs.edges).toHaveLength(2);
      expect(page.data!.jobs.pageInfo.hasNextPage).toBe(true);
      const next = await h.gql<{ jobs: { edges: { node: { id: string } }[] } }>(
        `query P($after: String) { jobs(first: 10, after: $after) { edges { node { id } } } }`,
        { after: page.data!.jobs.pageInfo.endCursor },
      );
      const ids = [...page.data!.jobs.edges, ...next.data!.jobs.edges].map((e) => e.node.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThanOrEqual(4);
    });
  },
);
