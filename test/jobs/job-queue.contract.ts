/** Contract: the job queue port, through the job service and GraphQL, for every adapter. */
import { describe, expect, it } from 'vitest';
import type { StoredJob } from '../../src/db/job-records.ts';
import type { Harness } from '../support/harness.ts';
import {
  type EndedJob,
  JOB,
  type JobView,
  LARGE_OPTIMIZATION,
  MEDIUM_OPTIMIZATION,
  SMALL_OPTIMIZATION,
  START_OPTIMIZATION,
  waitForEnd,
} from './job-support.ts';

const OPTIMIZE = `mutation O($input: OptimizeInput!) { optimizeStrategy(input: $input) { runCount best { params value } } }`;
const CANCEL = `mutation C($id: ID!) { cancelJob(id: $id) { id state } }`;

export function defineJobQueueContract(name: string, harness: () => Harness): void {
  describe(`job queue contract: ${name}`, () => {
    const start = async (input: Record<string, unknown>) =>
      (await harness().gql<{ startOptimization: JobView }>(START_OPTIMIZATION, { input })).data!
        .startOptimization;

    it('runs a job to SUCCEEDED with optimizeStrategy’s best, its progress never going back', async () => {
      const h = harness();
      const job = await start(MEDIUM_OPTIMIZATION);
      const seen: StoredJob[] = [];
      for await (const change of h.services.jobs.follow(job.id)) seen.push(change);
      const runs = seen.map((j) => j.runsDone);
      expect(runs).toEqual([...runs].sort((a, b) => a - b));
      expect(seen.at(-1)).toMatchObject({ state: 'SUCCEEDED', runsDone: job.runsTotal, progress: 1 });
      const ended = (await h.gql<{ job: EndedJob }>(JOB, { id: job.id })).data!.job;
      const direct = (
        await h.gql<{ optimizeStrategy: { runCount: number; best: unknown } }>(OPTIMIZE, {
          input: MEDIUM_OPTIMIZATION,
        })
      ).data!.optimizeStrategy;
      expect(ended.optimization!.runCount).toBe(direct.runCount);
      expect(ended.optimization!.best).toEqual(direct.best);
    }, 60_000);

    it('answers an identical request with the active job, and a new job once it ended', async () => {
      const input = { ...SMALL_OPTIMIZATION, maximize: 'returnPct' };
      const [a, b] = await Promise.all([start(input), start(input)]);
      expect(b.id).toBe(a.id);
      expect((await waitForEnd(harness(), a.id)).state).toBe('SUCCEEDED');
      expect((await start(input)).id).not.toBe(a.id);
    }, 60_000);

    it('cancels a running job: it ends CANCELLED before its last run and stays so', async () => {
      const h = harness();
      const job = await start({ ...LARGE_OPTIMIZATION, maximize: 'sharpeRatio' });
      for (;;) {
        const now = (await h.gql<{ job: JobView }>(JOB, { id: job.id })).data!.job;
        if (now.state === 'RUNNING' && now.runsDone > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const cancelled = (await h.gql<{ cancelJob: JobView }>(CANCEL, { id: job.id })).data!.cancelJob;
      expect(cancelled.state).toBe('CANCELLED');
      await new Promise((r) => setTimeout(r, 1_500));
      const after = (await h.gql<{ job: JobView }>(JOB, { id: job.id })).data!.job;
      expect(after.state).toBe('CANCELLED');
      expect(after.runsDone).toBeLessThan(after.runsTotal);
    }, 60_000);
  });
}
