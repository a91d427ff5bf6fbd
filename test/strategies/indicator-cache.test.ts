import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import type { IndicatorCache } from '../../src/engine/strategy.ts';
import { getStrategy } from '../../src/strategies/registry.ts';
import { randomWalk } from '../engine/indicators/reference.ts';
import { makeBars } from './support.ts';

const close = randomWalk(400, 21, 100, 0.03);
const bars = makeBars({
  close,
  high: close.map((c, i) => Math.max(c, i === 0 ? c : close[i - 1]) * 1.01),
  low: close.map((c, i) => Math.min(c, i === 0 ? c : close[i - 1]) * 0.99),
});

// Two param sets per strategy that differ in every indicator param.
const sweeps: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ['EmaCross', { fast: 5, slow: 20, longOnly: false }, { fast: 8, slow: 21, longOnly: false }],
  ['MacdCross', { fast: 5, slow: 20, signal: 5 }, { fast: 5, slow: 20, signal: 7 }],
  ['RsiReversion', { period: 5, lower: 35, upper: 65 }, { period: 6, lower: 35, upper: 65 }],
  ['BollingerReversion', { period: 10, k: 1 }, { period: 10, k: 1.5 }],
  ['DonchianBreakout', { entry: 10, exit: 5, longOnly: false }, { entry: 12, exit: 4, longOnly: false }],
];

describe('indicator memo keys', () => {
  it.each(sweeps)(
    '%s: a shared cache gives the same results as fresh ones (no key collisions)',
    (name, a, b) => {
      const strategy = getStrategy(name)!;
      const options = { finalizeTrades: true };
      const shared: IndicatorCache = new Map();
      const firstShared = runBacktest({ bars, strategy, params: a, options, indicatorCache: shared });
      const keysAfterFirst = shared.size;
      const secondShared = runBacktest({ bars, strategy, params: b, options, indicatorCache: shared });
      const secondFresh = runBacktest({ bars, strategy, params: b, options, indicatorCache: new Map() });
      const firstFresh = runBacktest({ bars, strategy, params: a, options });
      expect(keysAfterFirst).toBeGreaterThan(0);
      expect(shared.size).toBeGreaterThan(keysAfterFirst);
      expect(firstFresh.trades.length).toBeGreaterThan(0);
      expect(secondFresh.trades.length).toBeGreaterThan(0);
      expect(secondShared.trades).toEqual(secondFresh.trades);
      expect(firstShared.trades).toEqual(firstFresh.trades);
      // the two param sets really trade differently, so a collision would have shown
      expect(secondFresh.trades).not.toEqual(firstFresh.trades);
    },
  );

  it('reuses cached arrays on a repeated run instead of recomputing', () => {
    const strategy = getStrategy('MacdCross')!;
    const cache: IndicatorCache = new Map();
    runBacktest({ bars, strategy, params: {}, indicatorCache: cache });
    const arrays = [...cache.values()];
    runBacktest({ bars, strategy, params: {}, indicatorCache: cache });
    expect([...cache.values()]).toEqual(arrays);
    expect([...cache.values()].every((v, k) => v === arrays[k])).toBe(true);
  });
});
