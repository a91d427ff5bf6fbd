/** Contract: bar and corporate-action storage. */
import { describe, expect, it } from 'vitest';
import type { StoredAction, StoredBar } from '../../../src/market-data/price-store.ts';
import type { ContractContext } from '../repository.contract.ts';
import { mulberry32 } from '../../support/random.ts';
import { ALL_DATES, AWKWARD_DOUBLES, addDays, makeBars } from './fixtures.ts';

export function defineBarContract(ctx: ContractContext): void {
  const actions: StoredAction[] = [
    { ticker: 'ZZDBB', date: '2020-08-31', kind: 'split', value: 4 },
    { ticker: 'ZZDBA', date: '2021-02-05', kind: 'dividend', value: 0.205 },
    { ticker: 'ZZDBA', date: '2020-08-31', kind: 'split', value: 4 },
    { ticker: 'ZZDBA', date: '2020-08-07', kind: 'dividend', value: 0.82 },
    { ticker: 'ZZDBC', date: '2020-01-02', kind: 'dividend', value: 1 / 3 },
  ];

  const everything = async (tickers: string[]) => {
    const parts = await ctx.repo.readBarsMany(tickers.map((ticker) => ({ ticker, ...ALL_DATES })));
    return parts.flat();
  };

  describe('bars', () => {
    it('upserting the same rows twice leaves the table unchanged', async () => {
      const rows = [...makeBars('ZZDBA', '2024-01-01', 40), ...makeBars('ZZDBB', '2023-12-20', 25, 50)];
      await ctx.repo.upsertBars(rows);
      const before = await everything(['ZZDBA', 'ZZDBB']);
      await ctx.repo.upsertBars(rows);
      const after = await everything(['ZZDBA', 'ZZDBB']);
      expect(before).toHaveLength(65);
      expect(after).toEqual(before);
      expect(after).toEqual(
        [...rows].sort((a, b) => a.ticker.localeCompare(b.ticker) || a.date.localeCompare(b.date)),
      );
    });

    it('applies new values on conflict and leaves other rows alone', async () => {
      const rows = makeBars('ZZDBA', '2024-01-01', 5);
      await ctx.repo.upsertBars(rows);
      const revised = { ...rows[2], open: 1.5, high: 2.5, low: 0.5, close: 2, adjClose: 1.9, volume: 7 };
      await ctx.repo.upsertBars([revised]);
      const stored = await ctx.repo.readBars('ZZDBA', '2024-01-01', '2024-01-05');
      expect(stored).toEqual([rows[0], rows[1], revised, rows[3], rows[4]]);
    });

    it('keeps the last of duplicate keys within one call', async () => {
      const [first] = makeBars('ZZDBA', '2024-01-01', 1);
      await ctx.repo.upsertBars([first, { ...first, close: 123 }]);
      expect(await ctx.repo.readBars('ZZDBA', '2024-01-01', '2024-01-01')).toEqual([
        { ...first, close: 123 },
      ]);
    });

    it('stores 10,000 rows in one call', async () => {
      const rows = makeBars('ZZDBBIG', '1990-01-01', 10_000);
      await ctx.repo.upsertBars(rows);
      const stored = await ctx.repo.readBars('ZZDBBIG', ALL_DATES.from, ALL_DATES.to);
      expect(stored).toHaveLength(10_000);
      expect(stored[0]).toEqual(rows[0]);
      expect(stored[9_999]).toEqual(rows[9_999]);
      expect(stored.map((b) => b.date)).toEqual(rows.map((b) => b.date));
    });

    it('reads several ranges in one SQL statement, answering each range in request order', async () => {
      await ctx.repo.upsertBars([
        ...makeBars('ZZDBA', '2024-01-01', 31),
        ...makeBars('ZZDBB', '2024-01-01', 31, 10),
        ...makeBars('ZZDBC', '2024-01-01', 31, 20),
      ]);
      ctx.queries.length = 0;
      const ranges = [
        { ticker: 'ZZDBC', from: '2024-01-10', to: '2024-01-12' },
        { ticker: 'ZZDBA', from: '2024-01-30', to: '2024-02-15' },
        { ticker: 'ZZDBA', from: '2024-01-01', to: '2024-01-02' },
        { ticker: 'ZZDBNONE', from: '2024-01-01', to: '2024-12-31' },
        { ticker: 'ZZDBB', from: '2024-02-01', to: '2024-02-28' },
        { ticker: 'ZZDBC', from: '2024-01-11', to: '2024-01-11' },
      ];
      const result = await ctx.repo.readBarsMany(ranges);
      expect(ctx.queries).toHaveLength(1);
      const dates = result.map((bars) => bars.map((b) => `${b.ticker} ${b.date}`));
      expect(dates).toEqual([
        ['ZZDBC 2024-01-10', 'ZZDBC 2024-01-11', 'ZZDBC 2024-01-12'],
        ['ZZDBA 2024-01-30', 'ZZDBA 2024-01-31'],
        ['ZZDBA 2024-01-01', 'ZZDBA 2024-01-02'],
        [],
        [],
        ['ZZDBC 2024-01-11'],
      ]);
      expect(result[0][0]).toEqual(makeBars('ZZDBC', '2024-01-01', 31, 20)[9]);
    });

    it('reads 1,500 ranges in one statement', async () => {
      await ctx.repo.upsertBars(makeBars('ZZDBA', '2020-01-01', 1_500));
      ctx.queries.length = 0;
      const ranges = Array.from({ length: 1_500 }, (_, i) => ({
        ticker: i % 2 === 0 ? 'ZZDBA' : `ZZDBX${i}`,
        from: addDays('2020-01-01', i),
        to: addDays('2020-01-01', i + 1),
      }));
      const result = await ctx.repo.readBarsMany(ranges);
      expect(ctx.queries).toHaveLength(1);
      expect(result.map((bars) => bars.length)).toEqual(ranges.map((_, i) => (i % 2 === 0 ? 2 : 0)));
    });

    it('answers an empty list of ranges without touching the database', async () => {
      expect(await ctx.repo.readBarsMany([])).toEqual([]);
      expect(ctx.queries).toHaveLength(0);
    });

    it('round-trips awkward prices within 1e-12 relative', async () => {
      const rows: StoredBar[] = AWKWARD_DOUBLES.map((x, i) => ({
        ticker: 'ZZDBP',
        date: addDays('2024-01-01', i),
        open: x,
        high: x * 3,
        low: x / 3,
        close: x + 1e-9,
        adjClose: x * 0.987654321,
        volume: Math.round(x * 1e6),
      }));
      await ctx.repo.upsertBars(rows);
      const stored = await ctx.repo.readBars('ZZDBP', ALL_DATES.from, ALL_DATES.to);
      expect(stored).toHaveLength(rows.length);
      stored.forEach((bar, i) => {
        for (const key of ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const) {
          const want = rows[i][key];
          expect(typeof bar[key]).toBe('number');
          expect(Math.abs(bar[key] - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-12);
        }
      });
    });

    it('round-trips 2,000 random prices bit for bit', async () => {
      const random = mulberry32(42);
      const scales = [1, 1e3, 1e5, 1e-3, 1e8];
      const rows = makeBars('ZZDBR', '2000-01-01', 2_000).map((bar, i) => {
        const x = random() * scales[i % scales.length];
        return {
          ...bar,
          open: x,
          high: x * 1.01,
          low: x * 0.99,
          close: x / 3,
          adjClose: x / 7,
          volume: x * 11,
        };
      });
      await ctx.repo.upsertBars(rows);
      expect(await ctx.repo.readBars('ZZDBR', ALL_DATES.from, ALL_DATES.to)).toEqual(rows);
    });

    it('refuses a bar whose date is not YYYY-MM-DD', async () => {
      const [bar] = makeBars('ZZDBA', '2024-01-01', 1);
      await expect(ctx.repo.upsertBars([{ ...bar, date: '2024-1-5' }])).rejects.toThrow(/YYYY-MM-DD/);
      expect(await ctx.repo.readBars('ZZDBA', ALL_DATES.from, ALL_DATES.to)).toEqual([]);
    });
  });

  describe('corporate actions', () => {
    it('upserts idempotently and reads the requested tickers sorted by (ticker, date)', async () => {
      await ctx.repo.upsertActions(actions);
      await ctx.repo.upsertActions(actions);
      const stored = await ctx.repo.readActions(['ZZDBA', 'ZZDBB']);
      expect(stored).toEqual([actions[3], actions[2], actions[1], actions[0]]);
    });

    it('keeps a split and a dividend on the same day apart, and updates a revised value', async () => {
      const sameDay: StoredAction = { ticker: 'ZZDBA', date: '2020-08-31', kind: 'dividend', value: 0.5 };
      await ctx.repo.upsertActions([actions[2], sameDay]);
      await ctx.repo.upsertActions([{ ...sameDay, value: 0.75 }]);
      expect(await ctx.repo.readActions(['ZZDBA'])).toEqual([{ ...sameDay, value: 0.75 }, actions[2]]);
      expect(await ctx.repo.readActions([])).toEqual([]);
    });
  });

  describe('deleteTicker', () => {
    it("removes one ticker's bars, actions and coverage and nothing else", async () => {
      await ctx.repo.upsertBars([
        ...makeBars('ZZDBA', '2024-01-01', 5),
        ...makeBars('ZZDBB', '2024-01-01', 5),
      ]);
      await ctx.repo.upsertActions(actions.slice(0, 3));
      await ctx.repo.addCoverage([
        { ticker: 'ZZDBA', from: '2024-01-01', to: '2024-01-05', fetchedAtMs: 1 },
        { ticker: 'ZZDBB', from: '2024-01-01', to: '2024-01-05', fetchedAtMs: 1 },
      ]);
      await ctx.repo.deleteTicker('ZZDBA');
      expect(await everything(['ZZDBA'])).toEqual([]);
      expect(await everything(['ZZDBB'])).toHaveLength(5);
      expect(await ctx.repo.readActions(['ZZDBA', 'ZZDBB'])).toEqual([actions[0]]);
      expect((await ctx.repo.readCoverage(['ZZDBA', 'ZZDBB'])).map((c) => c.ticker)).toEqual(['ZZDBB']);
    });
  });
}
