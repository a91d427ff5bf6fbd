import type { BacktestStats } from '../engine/stats.ts';

/** backtesting.py's label for each statistic, in the order of BacktestStats (backtesting.py's own). */
const LABELS: Readonly<Record<keyof BacktestStats, string>> = {
  start: 'Start',
  end: 'End',
  durationDays: 'Duration [days]',
  exposureTimePct: 'Exposure Time [%]',
  equityFinal: 'Equity Final [$]',
  equityPeak: 'Equity Peak [$]',
  commissions: 'Commissions [$]',
  returnPct: 'Return [%]',
  buyHoldReturnPct: 'Buy & Hold Return [%]',
  returnAnnPct: 'Return (Ann.) [%]',
  volatilityAnnPct: 'Volatility (Ann.) [%]',
  cagrPct: 'CAGR [%]',
  sharpeRatio: 'Sharpe Ratio',
  sortinoRatio: 'Sortino Ratio',
  calmarRatio: 'Calmar Ratio',
  alphaPct: 'Alpha [%]',
  beta: 'Beta',
  maxDrawdownPct: 'Max. Drawdown [%]',
  avgDrawdownPct: 'Avg. Drawdown [%]',
  maxDrawdownDurationDays: 'Max. Drawdown Duration [days]',
  avgDrawdownDurationDays: 'Avg. Drawdown Duration [days]',
  tradeCount: '# Trades',
  winRatePct: 'Win Rate [%]',
  bestTradePct: 'Best Trade [%]',
  worstTradePct: 'Worst Trade [%]',
  avgTradePct: 'Avg. Trade [%]',
  maxTradeDurationDays: 'Max. Trade Duration [days]',
  avgTradeDurationDays: 'Avg. Trade Duration [days]',
  profitFactor: 'Profit Factor',
  expectancyPct: 'Expectancy [%]',
  sqn: 'SQN',
  kellyCriterion: 'Kelly Criterion',
};

/** A two-column table: the reference's label and the value, numbers right-aligned. */
export function formatStats(stats: BacktestStats): string {
  const rows = Object.entries(stats).map(([key, value]) => [
    LABELS[key as keyof BacktestStats] ?? key,
    typeof value === 'number' ? formatNumber(value) : value,
  ]);
  return formatRows(rows, [false, true]);
}

/** Rows of cells as aligned columns; `right[c]` right-aligns column c. */
export function formatRows(rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = rows.reduce<number[]>(
    (w, row) => row.map((cell, c) => Math.max(w[c] ?? 0, cell.length)),
    [],
  );
  return rows
    .map((row) =>
      row
        .map((cell, c) => (right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(Math.abs(value) >= 1000 ? 2 : 6).replace(/\.?0+$/, '');
}
