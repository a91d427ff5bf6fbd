import type { BacktestStats } from '../stats.ts';

/** The BacktestStats keys whose value is always a number: what an optimization may maximize. */
export type NumericStatKey = Exclude<keyof BacktestStats, 'start' | 'end'>;

/** Every numeric statistic, in backtesting.py's order (that of BacktestStats). */
export const NUMERIC_STAT_KEYS: readonly NumericStatKey[] = Object.freeze([
  'durationDays',
  'exposureTimePct',
  'equityFinal',
  'equityPeak',
  'commissions',
  'returnPct',
  'buyHoldReturnPct',
  'returnAnnPct',
  'volatilityAnnPct',
  'cagrPct',
  'sharpeRatio',
  'sortinoRatio',
  'calmarRatio',
  'alphaPct',
  'beta',
  'maxDrawdownPct',
  'avgDrawdownPct',
  'maxDrawdownDurationDays',
  'avgDrawdownDurationDays',
  'tradeCount',
  'winRatePct',
  'bestTradePct',
  'worstTradePct',
  'avgTradePct',
  'maxTradeDurationDays',
  'avgTradeDurationDays',
  'profitFactor',
  'expectancyPct',
  'sqn',
  'kellyCriterion',
]);

const numericKeys: ReadonlySet<string> = new Set(NUMERIC_STAT_KEYS);

export function isNumericStatKey(name: string): name is NumericStatKey {
  return numericKeys.has(name);
}
