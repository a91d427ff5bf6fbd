/** Contract: saved rule strategies. */
import { describe, expect, it } from 'vitest';
import type { StoredStrategy } from '../../../src/db/repository.ts';
import type { ContractContext } from '../repository.contract.ts';

const makeStrategy = (name: string, overrides: Partial<StoredStrategy> = {}): StoredStrategy => ({
  name,
  description: `${name}: buy the cross`,
  rules: { entry: 'crossover(sma(close, fast), sma(close, slow))', params: [{ name: 'fast', default: 10 }] },
  createdAt: '2024-05-06T07:08:09.123Z',
  updatedAt: '2024-05-06T07:08:09.123Z',
  ...overrides,
});

export function defineStrategyContract(ctx: ContractContext): void {
  describe('saved strategies', () => {
    it('saves a strategy and loads it by name in any case', async () => {
      const strategy = makeStrategy('MyCross');
      expect(await ctx.repo.saveStrategy(strategy, { replace: false })).toBe(true);
      expect(await ctx.repo.loadStrategy('MyCross')).toEqual(strategy);
      expect(await ctx.repo.loadStrategy('mycross')).toEqual(strategy);
      expect(await ctx.repo.loadStrategy('Other')).toBeNull();
    });

    it('keeps the stored strategy unless asked to replace it, and keeps createdAt when replacing', async () => {
      const first = makeStrategy('MyCross');
      await ctx.repo.saveStrategy(first, { replace: false });
      const second = makeStrategy('MYCROSS', {
        description: 'changed',
        rules: { entry: 'close > open' },
        createdAt: '2024-06-01T00:00:00.000Z',
        updatedAt: '2024-06-01T00:00:00.000Z',
      });
      expect(await ctx.repo.saveStrategy(second, { replace: false })).toBe(false);
      expect(await ctx.repo.loadStrategy('MyCross')).toEqual(first);
      expect(await ctx.repo.saveStrategy(second, { replace: true })).toBe(true);
      expect(await ctx.repo.loadStrategy('mycross')).toEqual({ ...second, createdAt: first.createdAt });
    });

    it('lists strategies by name and deletes them', async () => {
      await ctx.repo.saveStrategy(makeStrategy('Zeta'), { replace: false });
      await ctx.repo.saveStrategy(makeStrategy('alpha'), { replace: false });
      await ctx.repo.saveStrategy(makeStrategy('Beta'), { replace: false });
      expect((await ctx.repo.listStrategies()).map((s) => s.name)).toEqual(['alpha', 'Beta', 'Zeta']);
      expect(await ctx.repo.deleteStrategy('BETA')).toBe(true);
      expect(await ctx.repo.deleteStrategy('Beta')).toBe(false);
      expect((await ctx.repo.listStrategies()).map((s) => s.name)).toEqual(['alpha', 'Zeta']);
    });

    it('pages by name after a cursor name given in any case', async () => {
      for (const name of ['delta', 'Alpha', 'charlie', 'Echo', 'bravo']) {
        await ctx.repo.saveStrategy(makeStrategy(name), { replace: false });
      }
      const names = async (options: { limit?: number; afterName?: string }) =>
        (await ctx.repo.listStrategies(options)).map((s) => s.name);
      expect(await names({ limit: 2 })).toEqual(['Alpha', 'bravo']);
      expect(await names({ limit: 2, afterName: 'BRAVO' })).toEqual(['charlie', 'delta']);
      expect(await names({ afterName: 'delta' })).toEqual(['Echo']);
      expect(await names({ limit: 2, afterName: 'echo' })).toEqual([]);
      expect(await names({ afterName: 'b' })).toEqual(['bravo', 'charlie', 'delta', 'Echo']);
    });

    it('keeps a strategy across connections (another repository on the same database)', async () => {
      const strategy = makeStrategy('Durable');
      await ctx.repo.saveStrategy(strategy, { replace: false });
      const other = await ctx.open();
      expect(await other.loadStrategy('durable')).toEqual(strategy);
    });
  });
}
