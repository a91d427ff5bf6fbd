/** A queue that does not answer: the start fails with SERVICE_UNAVAILABLE and frees the request. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHarness } from '../support/harness.ts';
import { sharedDataAvailable, sharedDataDir, warnIfNoSharedData } from '../support/shared-data.ts';
import { JOB_FIELDS, type JobView, SMALL_OPTIMIZATION, START_OPTIMIZATION } from './job-support.ts';

warnIfNoSharedData('an unreachable job queue on GOOG');

describe.skipIf(!sharedDataAvailable)('an unreachable job queue', () => {
  it('answers SERVICE_UNAVAILABLE and stores the job FAILED, so the same request can start again', async () => {
    const h = await createHarness({
      databaseUrl: `file:${join(mkdtempSync(join(tmpdir(), 'bt-noqueue-')), 'jobs.db')}`,
      // Nothing listens on port 1: every command waits for a connection that never comes.
      env: { PRICE_PROVIDER: 'csv', PRICE_CSV_DIR: sharedDataDir, QUEUE_URL: 'redis://127.0.0.1:1' },
    });
    try {
      const first = await h.gql(START_OPTIMIZATION, { input: SMALL_OPTIMIZATION });
      expect(first.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      const listed = await h.gql<{ jobs: { edges: { node: JobView }[] } }>(
        `{ jobs(first: 5) { edges { node { ${JOB_FIELDS} } } } }`,
      );
      const jobs = listed.data!.jobs.edges.map((e) => e.node);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({ state: 'FAILED' });
      expect(jobs[0].error).toMatch(/^SERVICE_UNAVAILABLE: /);
      const second = await h.gql(START_OPTIMIZATION, { input: SMALL_OPTIMIZATION });
      expect(second.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      const again = await h.gql<{ jobs: { edges: unknown[] } }>(`{ jobs(first: 5) { edges { cursor } } }`);
      expect(again.data!.jobs.edges).toHaveLength(2);
    } finally {
      await h.close();
    }
  }, 30_000);
});
