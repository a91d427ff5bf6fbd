/** Contract: coverage ranges and their merging. */
import { describe, expect, it } from 'vitest';
import type { CoverageRange } from '../../../src/market-data/price-store.ts';
import type { ContractContext } from '../repository.contract.ts';

const range = (ticker: string, from: string, to: string, fetchedAtMs = 1_000): CoverageRange => ({
  ticker,
  from,
  to,
  fetchedAtMs,
});

export function defineCoverageContract(ctx: ContractContext): void {
  describe('coverage', () => {
    it('keeps separate ranges apart, sorted by (ticker, from)', async () => {
      await ctx.repo.addCoverage([
        range('ZZDBB', '2024-03-01', '2024-03-31'),
        range('ZZDBA', '2024-05-01', '2024-05-31'),
        range('ZZDBA', '2024-01-01', '2024-01-31'),
      ]);
      expect(await ctx.repo.readCoverage(['ZZDBA', 'ZZDBB', 'ZZDBNONE'])).toEqual([
        range('ZZDBA', '2024-01-01', '2024-01-31'),
        range('ZZDBA', '2024-05-01', '2024-05-31'),
        range('ZZDBB', '2024-03-01', '2024-03-31'),
      ]);
      expect(await ctx.repo.readCoverage([])).toEqual([]);
    });

    it('merges a range that starts the calendar day after another ends, across month ends', async () => {
      await ctx.repo.addCoverage([range('ZZDBA', '2024-01-01', '2024-01-31', 1)]);
      await ctx.repo.addCoverage([range('ZZDBA', '2024-02-01', '2024-02-29', 2)]);
      expect(await ctx.repo.readCoverage(['ZZDBA'])).toEqual([range('ZZDBA', '2024-01-01', '2024-02-29', 2)]);
    });

    it('does not merge ranges with a day between them', async () => {
      await ctx.repo.addCoverage([
        range('ZZDBA', '2024-01-01', '2024-01-10'),
        range('ZZDBA', '2024-01-12', '2024-01-20'),
      ]);
      expect(await ctx.repo.readCoverage(['ZZDBA'])).toHaveLength(2);
    });

    it('merges overlapping ranges; a bridge joins everything it touches, up to a leap day', async () => {
      await ctx.repo.addCoverage([
        range('ZZDBA', '2024-01-01', '2024-01-10', 10),
        range('ZZDBA', '2024-02-01', '2024-02-10', 20),
        range('ZZDBA', '2024-03-01', '2024-03-10', 30),
        range('ZZDBB', '2024-01-05', '2024-01-06', 40),
      ]);
      await ctx.repo.addCoverage([range('ZZDBA', '2024-01-05', '2024-02-29', 50)]);
      expect(await ctx.repo.readCoverage(['ZZDBA', 'ZZDBB'])).toEqual([
        range('ZZDBA', '2024-01-01', '2024-03-10', 30),
        range('ZZDBB', '2024-01-05', '2024-01-06', 40),
      ]);
    });

    it('a merged range keeps the fetch time of the part that reaches its end', async () => {
      await ctx.repo.addCoverage([range('ZZDBA', '2024-01-01', '2024-06-30', 500)]);
      // Older history fetched later does not make the recent end look fresh.
      await ctx.repo.addCoverage([range('ZZDBA', '2020-01-01', '2023-12-31', 900)]);
      expect(await ctx.repo.readCoverage(['ZZDBA'])).toEqual([
        range('ZZDBA', '2020-01-01', '2024-06-30', 500),
      ]);
      // A refetch that reaches the same end refreshes it.
      await ctx.repo.addCoverage([range('ZZDBA', '2024-06-01', '2024-06-30', 1_000)]);
      expect(await ctx.repo.readCoverage(['ZZDBA'])).toEqual([
        range('ZZDBA', '2020-01-01', '2024-06-30', 1_000),
      ]);
    });

    it('adding a range already covered changes nothing but its freshness rule', async () => {
      await ctx.repo.addCoverage([range('ZZDBA', '2024-01-01', '2024-12-31', 5)]);
      await ctx.repo.addCoverage([range('ZZDBA', '2024-03-01', '2024-03-31', 9)]);
      expect(await ctx.repo.readCoverage(['ZZDBA'])).toEqual([range('ZZDBA', '2024-01-01', '2024-12-31', 5)]);
    });

    it('rejects an inverted range and writes nothing', async () => {
      await expect(
        ctx.repo.addCoverage([
          range('ZZDBA', '2024-01-01', '2024-01-31'),
          range('ZZDBA', '2024-03-01', '2024-02-01'),
        ]),
      ).rejects.toThrow(/inverted/);
      expect(await ctx.repo.readCoverage(['ZZDBA'])).toEqual([]);
    });

    it('concurrent additions for one ticker all land, and adjacent ones merge', async () => {
      const month = (m: number) => String(m).padStart(2, '0');
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          ctx.repo.addCoverage([range('ZZDBA', `2023-${month(i + 1)}-01`, `2023-${month(i + 1)}-27`)]),
        ),
      );
      expect((await ctx.repo.readCoverage(['ZZDBA'])).map((r) => r.from.slice(5, 7))).toEqual(
        Array.from({ length: 12 }, (_, i) => month(i + 1)),
      );
      await Promise.all([
        ctx.repo.addCoverage([range('ZZDBB', '2024-01-01', '2024-01-10', 1)]),
        ctx.repo.addCoverage([range('ZZDBB', '2024-01-21', '2024-01-31', 3)]),
        ctx.repo.addCoverage([range('ZZDBB', '2024-01-11', '2024-01-20', 2)]),
      ]);
      expect(await ctx.repo.readCoverage(['ZZDBB'])).toEqual([range('ZZDBB', '2024-01-01', '2024-01-31', 3)]);
    });
  });
}
