import type { PublicStats } from '../backtests/result.ts';
import { builder } from './builder.ts';

const DESCRIPTIONS: Record<Exclude<keyof PublicStats, 'start' | 'end' | 'tradeCount'>, string> = {
  durationDays: 'Days from the first to the last bar.',
  exposureTimePct: 'Share of bars with an open position, in percent.',
  equityFinal: 'Equity at the last bar.',
  equityPeak: 'Highest equity.',
  commissions: 'Commissions paid (0 when none).',
  returnPct: 'Total return in percent.',
  buyHoldReturnPct: 'Buy-and-hold return from the end of the warm-up, in percent.',
  returnAnnPct: 'Annualized return in percent.',
  volatilityAnnPct: 'Annualized volatility in percent.',
  cagrPct: 'Compound annual growth rate in percent.',
  sharpeRatio: 'Sharpe ratio (risk-free rate 0).',
  sortinoRatio: 'Sortino ratio.',
  calmarRatio: 'Calmar ratio.',
  alphaPct: 'Alpha against the ticker itself (buy and hold), in percent.',
  beta: 'Beta against the ticker itself.',
  maxDrawdownPct: 'Maximum drawdown in percent (negative).',
  avgDrawdownPct: 'Average drawdown in percent (negative).',
  maxDrawdownDurationDays: 'Longest drawdown in days.',
  avgDrawdownDurationDays: 'Average drawdown duration in days.',
  winRatePct: 'Share of winning trades in percent.',
  bestTradePct: 'Best trade return in percent.',
  worstTradePct: 'Worst trade return in percent.',
  avgTradePct: 'Geometric mean trade return in percent.',
  maxTradeDurationDays: 'Longest trade in days.',
  avgTradeDurationDays: 'Average trade duration in days.',
  profitFactor: 'Sum of winning returns over the sum of losing returns.',
  expectancyPct: 'Arithmetic mean trade return in percent.',
  sqn: 'System Quality Number.',
  kellyCriterion: 'Kelly criterion.',
};

/** The statistics of backtesting.py, in its order; null where it gives NaN. */
export const BacktestStatsRef = builder.objectRef<PublicStats>('BacktestStats').implement({
  description: 'Backtest statistics, identical to backtesting.py 0.6.6 (null where it gives NaN).',
  fields: (t) => ({
    start: t.field({ type: 'Date', description: 'First bar date.', resolve: (s) => String(s.start) }),
    end: t.field({ type: 'Date', description: 'Last bar date.', resolve: (s) => String(s.end) }),
    ...Object.fromEntries(
      Object.entries(DESCRIPTIONS).map(([name, description]) => [
        name,
        t.float({ nullable: true, description, resolve: (s) => s[name as keyof typeof DESCRIPTIONS] }),
      ]),
    ),
    tradeCount: t.int({ description: 'Closed trades.', resolve: (s) => s.tradeCount ?? 0 }),
  }),
});
