/**
 * Walk-forward on BullMQ: the windows are chunk jobs trained by two real worker processes and
 * the parent tests and stitches them; the result equals the same job run whole in process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import { type Deployment, logsOf, startDeployment } from './bullmq-support.ts';
import { type JobView, SMALL_OPTIMIZATION, START_WALK_FORWARD, waitForEnd } from './job-support.ts';

const databaseBaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
warnIfNoSharedData('walk-forward on BullMQ on GOOG');

const WALK = { ...SMALL_OPTIMIZATION, trainBars: 400, testBars: 200, maximize: 'returnPct' };

describe.skipIf(!sharedDataAvailable || !databaseBaseUrl || !redisUrl)('walk-forward on BullMQ', () => {
  let d: Deployment;
  let embedded: Harness;
  beforeAll(async () => {
    d = await startDeployment({
      name: 'jobs_bullmq_wf',
      databaseBaseUrl: databaseBaseUrl!,
      redisUrl: redisUrl!,
      instances: 1,
      workers: 2,
    });
    embedded = await createHarness({
      databaseUrl: 'file::memory:',
      env: { PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: sharedDataDir },
    });
  }, 90_000);
  afterAll(async () => {
    await embedded?.close();
    await d?.close();
  }, 30_000);

  it('trains every window as a chunk job and ends with the result of the job run whole', async () => {
    const started = await d.services[0].gql<{ startWalkForward: JobView }>(START_WALK_FORWARD, {
      input: WALK,
    });
    expect(started.errors).toBeUndefined();
    const job = started.data!.startWalkForward;
    const ended = await waitForEnd(d.services[0], job.id, 90_000);
    expect(ended).toMatchObject({ state: 'SUCCEEDED', kind: 'WALK_FORWARD', runsDone: job.runsTotal });

    const whole = (await embedded.gql<{ startWalkForward: JobView }>(START_WALK_FORWARD, { input: WALK }))
      .data!.startWalkForward;
    const reference = await waitForEnd(embedded, whole.id);
    expect(reference.state).toBe('SUCCEEDED');
    expect(ended.walkForward).toEqual(reference.walkForward);

    const windows = d.workers.flatMap((w) => logsOf(w, job.id, 'chunk done').map((l) => Number(l.chunk)));
    expect(windows.sort((a, b) => a - b)).toEqual(
      Array.from({ length: reference.walkForward!.windows.length }, (_, k) => k),
    );
  }, 120_000);
});
