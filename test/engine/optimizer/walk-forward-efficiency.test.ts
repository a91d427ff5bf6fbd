import { describe, expect, it } from 'vitest';
import { NUMERIC_STAT_KEYS } from '../../../src/engine/optimizer/stat-keys.ts';
import {
  ANNUALIZED_RETURN_STATS,
  comparableValue,
  efficiencyRatio,
} from '../../../src/engine/optimizer/walk-forward-efficiency.ts';
import type { BacktestStats } from '../../../src/engine/stats.ts';

/** Stats where every numeric key holds a distinct number, so a lookup shows which key it read. */
function distinctStats(): BacktestStats {
  const stats: Record<string, number | string> = { start: 'a', end: 'b' };
  NUMERIC_STAT_KEYS.forEach((key, k) => {
    stats[key] = k + 1;
  });
  return stats as unknown as BacktestStats;
}

describe('walk-forward efficiency', () => {
  it('reads returnAnnPct for the total-return statistics and the statistic itself otherwise', () => {
    const stats = distinctStats();
    expect([...ANNUALIZED_RETURN_STATS].sort()).toEqual(['equityFinal', 'returnPct']);
    for (const key of NUMERIC_STAT_KEYS) {
      const expected = key === 'returnPct' || key === 'equityFinal' ? stats.returnAnnPct : stats[key];
      expect(comparableValue(stats, key)).toBe(expected);
    }
  });

  it('is the plain ratio, null when it is not finite', () => {
    expect(efficiencyRatio(5, 10)).toBe(0.5);
    expect(efficiencyRatio(-5, 10)).toBe(-0.5);
    expect(efficiencyRatio(-4, -8)).toBe(0.5);
    expect(efficiencyRatio(0, 3)).toBe(0);
    expect(efficiencyRatio(5, 0)).toBeNull();
    expect(efficiencyRatio(0, 0)).toBeNull();
    expect(efficiencyRatio(Number.NaN, 2)).toBeNull();
    expect(efficiencyRatio(2, Number.NaN)).toBeNull();
    expect(efficiencyRatio(Number.POSITIVE_INFINITY, 2)).toBeNull();
  });
});
