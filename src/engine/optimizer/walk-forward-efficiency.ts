import type { BacktestStats } from '../stats.ts';
import type { NumericStatKey } from './stat-keys.ts';

/**
 * The statistics that measure a window's total return, which grows with the window's length:
 * they are compared through the annualized return (`returnAnnPct`) of the same run. `equityFinal`
 * counts as a return because the test windows start from the carried equity, not the initial cash.
 * Every other statistic (already annualized, per trade, a ratio, a drawdown) is compared as it is.
 */
export const ANNUALIZED_RETURN_STATS: ReadonlySet<NumericStatKey> = new Set<NumericStatKey>([
  'returnPct',
  'equityFinal',
]);

/** The value a run's statistics give for efficiency: the annualized return for a return statistic. */
export function comparableValue(stats: BacktestStats, maximize: NumericStatKey): number {
  return ANNUALIZED_RETURN_STATS.has(maximize) ? stats.returnAnnPct : stats[maximize];
}

/** outOfSample ÷ inSample, or null when the ratio is not a finite number (NaN, a zero denominator). */
export function efficiencyRatio(outOfSample: number, inSample: number): number | null {
  const ratio = outOfSample / inSample;
  return Number.isFinite(ratio) ? ratio : null;
}
