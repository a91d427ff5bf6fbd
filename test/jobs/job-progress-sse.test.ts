/** Job progress over Server-Sent Events from the real service process (HTTP is what is tested). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceProcess, startService } from '../support/service-process.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import {
  JOB_FIELDS,
  type JobView,
  MEDIUM_OPTIMIZATION,
  readSse,
  START_OPTIMIZATION,
  waitForEnd,
} from './job-support.ts';

warnIfNoSharedData('job progress over SSE on GOOG');

const OPTIMIZE = `mutation O($input: OptimizeInput!) { optimizeStrategy(input: $input) { runCount best { params value } } }`;
const PROGRESS = `subscription P($id: ID!) { jobProgress(id: $id) { ${JOB_FIELDS} optimization { runCount best { params value } } } }`;

type ProgressEvent = {
  data: { jobProgress: JobView & { optimization: { runCount: number; best: unknown } | null } };
};

describe.skipIf(!sharedDataAvailable)('job progress over SSE (real HTTP server)', () => {
  let service: ServiceProcess;
  let env: Record<string, string>;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-jobs-sse-'));
    env = {
      DATABASE_URL: `file:${join(dir, 'jobs.db')}`,
      PRICE_PROVIDER: 'csv',
      PRICE_CSV_DIR: sharedDataDir,
    };
    service = await startService(env);
  }, 30_000);
  afterAll(() => service?.stop());

  const subscribe = (id: string) =>
    fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: PROGRESS, variables: { id } }),
    });

  it('streams monotone progress and ends with SUCCEEDED and the result of optimizeStrategy', async () => {
    const started = await service.gql<{ startOptimization: JobView }>(START_OPTIMIZATION, {
      input: MEDIUM_OPTIMIZATION,
    });
    expect(started.errors).toBeUndefined();
    const job = started.data!.startOptimization;
    const response = await subscribe(job.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    // While it runs, the service keeps answering other requests.
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
    const same = await service.gql<{ startOptimization: JobView }>(START_OPTIMIZATION, {
      input: MEDIUM_OPTIMIZATION,
    });
    expect(same.data!.startOptimization.id).toBe(job.id);

    const events = (await readSse<ProgressEvent>(response)).map((e) => e.data.jobProgress);
    const running = events.filter((e) => e.state === 'RUNNING');
    expect(running.length).toBeGreaterThanOrEqual(5);
    for (let k = 1; k < events.length; k++) {
      expect(events[k].runsDone).toBeGreaterThanOrEqual(events[k - 1].runsDone);
      expect(events[k].progress).toBeGreaterThanOrEqual(events[k - 1].progress);
    }
    // An event at least every 2 % (or within one chunk of 32 runs past it).
    const step = 0.02 + 32 / job.runsTotal;
    for (let k = 1; k < running.length; k++)
      expect(running[k].progress - running[k - 1].progress).toBeLessThanOrEqual(step + 1e-9);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ state: 'SUCCEEDED', progress: 1, runsDone: job.runsTotal });

    const direct = await service.gql<{ optimizeStrategy: { runCount: number; best: unknown } }>(OPTIMIZE, {
      input: MEDIUM_OPTIMIZATION,
    });
    expect(last.optimization).toEqual(direct.data!.optimizeStrategy);
  }, 60_000);

  it('sends an ended job at once and ends the stream; an unknown id is NOT_FOUND', async () => {
    const started = await service.gql<{ startOptimization: JobView }>(START_OPTIMIZATION, {
      input: { ...MEDIUM_OPTIMIZATION, maximize: 'sharpeRatio' },
    });
    const id = started.data!.startOptimization.id;
    await waitForEnd(service, id);
    const events = await readSse<ProgressEvent>(await subscribe(id));
    expect(events.map((e) => e.data.jobProgress.state)).toEqual(['SUCCEEDED']);
    const missing = await readSse<{ errors?: { extensions?: Record<string, unknown> }[] }>(
      await subscribe('nope'),
    );
    expect(missing[0].errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);

  it('runs a job the stopped service left RUNNING again after it starts', async () => {
    const input = { ...MEDIUM_OPTIMIZATION, maximize: 'returnPct' };
    const job = (await service.gql<{ startOptimization: JobView }>(START_OPTIMIZATION, { input })).data!
      .startOptimization;
    for (;;) {
      const now = (
        await service.gql<{ job: JobView }>(`query J($id: ID!) { job(id: $id) { state runsDone } }`, {
          id: job.id,
        })
      ).data!.job;
      if (now.state === 'RUNNING' && now.runsDone > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await service.stop()).toBe(0);
    service = await startService(env);
    const ended = await waitForEnd(service, job.id);
    expect(ended).toMatchObject({ state: 'SUCCEEDED', runsDone: job.runsTotal });
  }, 60_000);
});
