/** Contract: stored backtest runs. */
import { describe, expect, it } from 'vitest';
import type { StoredRun } from '../../../src/db/repository.ts';
import type { ContractContext } from '../repository.contract.ts';

const makeRun = (n: number, createdAt: string, overrides: Partial<StoredRun> = {}): StoredRun => ({
  id: `run-${String(n).padStart(3, '0')}`,
  requestHash: `hash-${n}`,
  request: { ticker: 'ZZDBA', strategy: 'SmaCross', params: { fast: 10, slow: 30 }, n },
  result: {
    stats: { returnPct: 12.5 + n, sharpeRatio: null },
    trades: [{ size: 1, entryDate: '2024-01-02' }],
  },
  createdAt,
  ...overrides,
});

export function defineRunContract(ctx: ContractContext): void {
  describe('backtest runs', () => {
    it('saves a run and loads it by id and by request hash', async () => {
      const run = makeRun(1, '2024-05-06T07:08:09.123Z');
      expect(await ctx.repo.saveRun(run)).toEqual(run);
      expect(await ctx.repo.loadRun(run.id)).toEqual(run);
      expect(await ctx.repo.findRunByHash(run.requestHash)).toEqual(run);
      expect(await ctx.repo.loadRun('run-missing')).toBeNull();
      expect(await ctx.repo.findRunByHash('hash-missing')).toBeNull();
    });

    it('is idempotent by request hash: a second save returns the first run', async () => {
      const first = makeRun(1, '2024-05-06T07:08:09.123Z');
      await ctx.repo.saveRun(first);
      const again = makeRun(2, '2024-05-07T00:00:00.000Z', {
        requestHash: first.requestHash,
        result: { other: true },
      });
      expect(await ctx.repo.saveRun(again)).toEqual(first);
      expect(await ctx.repo.loadRun(again.id)).toBeNull();
      expect(await ctx.repo.listRuns({ limit: 10 })).toEqual([first]);
    });

    it('concurrent saves of one request store a single run', async () => {
      const runs = [1, 2, 3, 4].map((n) =>
        makeRun(n, '2024-05-06T07:08:09.123Z', { requestHash: 'hash-same' }),
      );
      const saved = await Promise.all(runs.map((r) => ctx.repo.saveRun(r)));
      expect(new Set(saved.map((r) => r.id)).size).toBe(1);
      expect(await ctx.repo.listRuns({ limit: 10 })).toHaveLength(1);
    });

    it('normalizes createdAt to ISO UTC with milliseconds', async () => {
      const saved = await ctx.repo.saveRun(makeRun(1, '2024-05-06T09:08:09.5+02:00'));
      expect(saved.createdAt).toBe('2024-05-06T07:08:09.500Z');
      expect((await ctx.repo.loadRun(saved.id))?.createdAt).toBe('2024-05-06T07:08:09.500Z');
    });

    it('stores a result of several megabytes', async () => {
      const equity = Array.from({ length: 80_000 }, (_, i) => ({
        date: '2024-01-01',
        equity: 10_000 + i / 3,
      }));
      const run = makeRun(1, '2024-05-06T07:08:09.123Z', { result: { equity } });
      expect(JSON.stringify(run.result).length).toBeGreaterThan(3_000_000);
      await ctx.repo.saveRun(run);
      expect(await ctx.repo.loadRun(run.id)).toEqual(run);
    });

    it('lists newest first and pages with beforeId, ordering ties by id', async () => {
      const runs = [
        makeRun(1, '2024-01-01T00:00:00.000Z'),
        makeRun(2, '2024-01-02T00:00:00.000Z'),
        makeRun(3, '2024-01-02T00:00:00.000Z'),
        makeRun(4, '2024-01-03T00:00:00.001Z'),
        makeRun(5, '2024-01-03T00:00:00.000Z'),
      ];
      for (const run of runs) await ctx.repo.saveRun(run);
      const newestFirst = ['run-004', 'run-005', 'run-003', 'run-002', 'run-001'];
      expect((await ctx.repo.listRuns({ limit: 10 })).map((r) => r.id)).toEqual(newestFirst);

      const pages: string[][] = [];
      let beforeId: string | undefined;
      for (;;) {
        const page = await ctx.repo.listRuns({ limit: 2, beforeId });
        if (page.length === 0) break;
        pages.push(page.map((r) => r.id));
        beforeId = page.at(-1)?.id;
      }
      expect(pages).toEqual([['run-004', 'run-005'], ['run-003', 'run-002'], ['run-001']]);
      expect(await ctx.repo.listRuns({ limit: 0 })).toEqual([]);
      expect((await ctx.repo.listRuns({ limit: 1 }))[0]).toEqual(runs[3]);
    });
  });
}
