/** Jobs are stored: a second app on the same SQLite file sees them and runs unfinished ones again. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHarness } from '../support/harness.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import {
  JOB,
  type EndedJob,
  type JobView,
  LARGE_OPTIMIZATION,
  SMALL_OPTIMIZATION,
  START_OPTIMIZATION,
  waitForEnd,
} from './job-support.ts';

warnIfNoSharedData('jobs across a restart on GOOG');

describe.skipIf(!sharedDataAvailable)('jobs across a restart', () => {
  it('keeps ended jobs with their results and runs an interrupted one again', async () => {
    const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), 'bt-jobs-')), 'jobs.db')}`;
    const env = { PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: sharedDataDir };
    const first = await createHarness({ databaseUrl, env });
    const done = (
      await first.gql<{ startOptimization: JobView }>(START_OPTIMIZATION, { input: SMALL_OPTIMIZATION })
    ).data!.startOptimization;
    const before = await waitForEnd(first, done.id);
    expect(before.state).toBe('SUCCEEDED');
    const interrupted = (
      await first.gql<{ startOptimization: JobView }>(START_OPTIMIZATION, { input: LARGE_OPTIMIZATION })
    ).data!.startOptimization;
    for (;;) {
      const job = (await first.gql<{ job: JobView }>(JOB, { id: interrupted.id })).data!.job;
      if (job.state === 'RUNNING' && job.runsDone > 0) break;
      expect(job.state).not.toBe('SUCCEEDED');
      await new Promise((r) => setTimeout(r, 20));
    }
    await first.close();

    const second = await createHarness({ databaseUrl, env });
    try {
      const kept = (await second.gql<{ job: EndedJob }>(JOB, { id: done.id })).data!.job;
      expect(kept).toEqual(before);
      const left = (await second.gql<{ job: JobView }>(JOB, { id: interrupted.id })).data!.job;
      expect(left.state).toBe('RUNNING');
      expect(await second.services.jobs.resume()).toBe(1);
      const ended = await waitForEnd(second, interrupted.id);
      expect(ended).toMatchObject({ state: 'SUCCEEDED', runsDone: interrupted.runsTotal, progress: 1 });
      expect(ended.optimization!.runCount).toBe(interrupted.runsTotal);
    } finally {
      await second.close();
    }
  }, 60_000);
});
