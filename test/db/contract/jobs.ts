/** Contract: stored jobs. */
import { describe, expect, it } from 'vitest';
import type { StoredJob } from '../../../src/db/job-records.ts';
import type { ContractContext } from '../repository.contract.ts';

const makeJob = (id: string, overrides: Partial<StoredJob> = {}): StoredJob => ({
  id,
  kind: 'OPTIMIZATION',
  state: 'QUEUED',
  key: `key-${id}`,
  request: { ticker: 'GOOG', grid: [{ name: 'fast', from: 5, to: 10, step: 5 }] },
  progress: 0,
  runsDone: 0,
  runsTotal: 12,
  result: null,
  error: null,
  createdAt: '2024-05-06T07:08:09.123Z',
  startedAt: null,
  finishedAt: null,
  ...overrides,
});

export function defineJobContract(ctx: ContractContext): void {
  describe('jobs', () => {
    it('inserts a job and loads it as it was given', async () => {
      const job = makeJob('j1');
      await ctx.repo.insertJob(job);
      expect(await ctx.repo.loadJob('j1')).toEqual(job);
      expect(await ctx.repo.loadJob('other')).toBeNull();
    });

    it('updates state, progress and result, only from the states asked for', async () => {
      await ctx.repo.insertJob(makeJob('j1'));
      const started = { state: 'RUNNING', startedAt: '2024-05-06T07:08:10.000Z' } as const;
      expect(await ctx.repo.updateJob('j1', started, ['QUEUED'])).toBe(true);
      expect(await ctx.repo.updateJob('j1', { progress: 0.5, runsDone: 6 })).toBe(true);
      const result = { best: { params: { fast: 5 }, value: 1.25 }, runs: [1, 2, 3] };
      const done = {
        state: 'SUCCEEDED',
        progress: 1,
        runsDone: 12,
        result,
        finishedAt: '2024-05-06T07:08:11.456Z',
      } as const;
      expect(await ctx.repo.updateJob('j1', done, ['RUNNING'])).toBe(true);
      expect(await ctx.repo.updateJob('j1', { state: 'CANCELLED' }, ['QUEUED', 'RUNNING'])).toBe(false);
      expect(await ctx.repo.loadJob('j1')).toEqual(makeJob('j1', { ...started, ...done }));
      expect(await ctx.repo.updateJob('missing', { progress: 1 })).toBe(false);
    });

    it('stores a failure message', async () => {
      await ctx.repo.insertJob(makeJob('j1', { state: 'RUNNING' }));
      await ctx.repo.updateJob('j1', { state: 'FAILED', error: 'BAD_USER_INPUT: input.grid: too big' });
      expect((await ctx.repo.loadJob('j1'))?.error).toBe('BAD_USER_INPUT: input.grid: too big');
    });

    it('finds the active job of a key, never an ended one', async () => {
      await ctx.repo.insertJob(makeJob('old', { key: 'k', state: 'SUCCEEDED' }));
      expect(await ctx.repo.findActiveJob('k')).toBeNull();
      await ctx.repo.insertJob(
        makeJob('new', { key: 'k', state: 'RUNNING', createdAt: '2024-05-07T00:00:00.000Z' }),
      );
      expect((await ctx.repo.findActiveJob('k'))?.id).toBe('new');
      await ctx.repo.insertJob(makeJob('q', { state: 'QUEUED', createdAt: '2024-05-08T00:00:00.000Z' }));
      expect((await ctx.repo.listActiveJobs()).map((j) => j.id)).toEqual(['new', 'q']);
    });

    it('refuses a second active job with the same key, and frees the key once the job ended', async () => {
      expect(await ctx.repo.insertJob(makeJob('a', { key: 'same' }))).toBe(true);
      expect(await ctx.repo.insertJob(makeJob('b', { key: 'same', state: 'RUNNING' }))).toBe(false);
      expect(await ctx.repo.loadJob('b')).toBeNull();
      expect(await ctx.repo.insertJob(makeJob('ended', { key: 'same', state: 'SUCCEEDED' }))).toBe(true);
      await ctx.repo.updateJob('a', { state: 'CANCELLED' });
      expect(await ctx.repo.insertJob(makeJob('c', { key: 'same' }))).toBe(true);
      expect((await ctx.repo.findActiveJob('same'))?.id).toBe('c');
    });

    it('refuses identical concurrent inserts but one, across connections', async () => {
      const other = await ctx.open();
      const stores = [ctx.repo, other, ctx.repo, other];
      const inserted = await Promise.all(
        stores.map((store, k) => store.insertJob(makeJob(`race${k}`, { key: 'race' }))),
      );
      expect(inserted.filter(Boolean)).toHaveLength(1);
      expect((await ctx.repo.listActiveJobs()).map((j) => j.key)).toEqual(['race']);
    });

    it('raises the progress of a running job, never lowers it', async () => {
      await ctx.repo.insertJob(makeJob('p', { state: 'RUNNING' }));
      expect(await ctx.repo.raiseProgress('p', 6, 12)).toBe(true);
      expect(await ctx.repo.raiseProgress('p', 3, 12)).toBe(false);
      expect(await ctx.repo.loadJob('p')).toMatchObject({ runsDone: 6, runsTotal: 12, progress: 0.5 });
      await ctx.repo.updateJob('p', { state: 'CANCELLED' });
      expect(await ctx.repo.raiseProgress('p', 9, 12)).toBe(false);
    });

    it('stores a result larger than a MariaDB packet (gzipped) and loads it as it was', async () => {
      const runs = Array.from({ length: 20_000 }, (_, k) => ({
        params: { fast: k % 100, slow: Math.floor(k / 100) },
        value: k / 7,
        stats: { label: `run ${k}`, values: [k, k * 1.5, -(k + 1) / 3, null] },
      }));
      const result = { runCount: runs.length, runs };
      expect(JSON.stringify(result).length).toBeGreaterThan(2 ** 20);
      await ctx.repo.insertJob(makeJob('big', { state: 'RUNNING' }));
      expect(await ctx.repo.updateJob('big', { state: 'SUCCEEDED', result }, ['RUNNING'])).toBe(true);
      expect((await ctx.repo.loadJob('big'))?.result).toEqual(result);
    });

    it('lists jobs newest first, page by page after a cursor', async () => {
      const times = ['2024-01-01T00:00:00.000Z', '2024-01-03T00:00:00.000Z', '2024-01-02T00:00:00.000Z'];
      for (const [k, createdAt] of times.entries()) await ctx.repo.insertJob(makeJob(`j${k}`, { createdAt }));
      await ctx.repo.insertJob(makeJob('j3', { createdAt: times[1] }));
      const all = await ctx.repo.listJobs({ limit: 10 });
      expect(all.map((j) => j.id)).toEqual(['j3', 'j1', 'j2', 'j0']);
      expect((await ctx.repo.listJobs({ limit: 2, beforeId: 'j3' })).map((j) => j.id)).toEqual(['j1', 'j2']);
      expect((await ctx.repo.listJobs({ limit: 2, beforeId: 'j2' })).map((j) => j.id)).toEqual(['j0']);
      expect(await ctx.repo.listJobs({ limit: 0 })).toEqual([]);
    });

    it('keeps a job across connections (another repository on the same database)', async () => {
      const job = makeJob('durable', { state: 'SUCCEEDED', result: { ok: true } });
      await ctx.repo.insertJob(job);
      const other = await ctx.open();
      expect(await other.loadJob('durable')).toEqual(job);
    });
  });
}
