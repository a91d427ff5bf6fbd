import { h } from './dom.ts';
import { formatDays, formatMoney, formatNumber, formatPct, formatRatio } from './format.ts';

type Kind = 'date' | 'days' | 'money' | 'pct' | 'ratio' | 'count';

/** backtesting.py's statistics, in its order and wording, under BacktestStats' field names. */
export const STATS: readonly (readonly [key: string, label: string, kind: Kind])[] = [
  ['start', 'Start', 'date'],
  ['end', 'End', 'date'],
  ['durationDays', 'Duration', 'days'],
  ['exposureTimePct', 'Exposure Time [%]', 'pct'],
  ['equityFinal', 'Equity Final [$]', 'money'],
  ['equityPeak', 'Equity Peak [$]', 'money'],
  ['commissions', 'Commissions [$]', 'money'],
  ['returnPct', 'Return [%]', 'pct'],
  ['buyHoldReturnPct', 'Buy & Hold Return [%]', 'pct'],
  ['returnAnnPct', 'Return (Ann.) [%]', 'pct'],
  ['volatilityAnnPct', 'Volatility (Ann.) [%]', 'pct'],
  ['cagrPct', 'CAGR [%]', 'pct'],
  ['sharpeRatio', 'Sharpe Ratio', 'ratio'],
  ['sortinoRatio', 'Sortino Ratio', 'ratio'],
  ['calmarRatio', 'Calmar Ratio', 'ratio'],
  ['alphaPct', 'Alpha [%]', 'pct'],
  ['beta', 'Beta', 'ratio'],
  ['maxDrawdownPct', 'Max. Drawdown [%]', 'pct'],
  ['avgDrawdownPct', 'Avg. Drawdown [%]', 'pct'],
  ['maxDrawdownDurationDays', 'Max. Drawdown Duration', 'days'],
  ['avgDrawdownDurationDays', 'Avg. Drawdown Duration', 'days'],
  ['tradeCount', '# Trades', 'count'],
  ['winRatePct', 'Win Rate [%]', 'pct'],
  ['bestTradePct', 'Best Trade [%]', 'pct'],
  ['worstTradePct', 'Worst Trade [%]', 'pct'],
  ['avgTradePct', 'Avg. Trade [%]', 'pct'],
  ['maxTradeDurationDays', 'Max. Trade Duration', 'days'],
  ['avgTradeDurationDays', 'Avg. Trade Duration', 'days'],
  ['profitFactor', 'Profit Factor', 'ratio'],
  ['expectancyPct', 'Expectancy [%]', 'pct'],
  ['sqn', 'SQN', 'ratio'],
  ['kellyCriterion', 'Kelly Criterion', 'ratio'],
];

function format(kind: Kind, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'date') return String(value);
  const n = value as number;
  switch (kind) {
    case 'days':
      return formatDays(n);
    case 'money':
      return formatMoney(n);
    case 'pct':
      return formatPct(n);
    case 'ratio':
      return formatRatio(n);
    case 'count':
      return formatNumber(n);
  }
}

function tone(key: string, value: unknown): string | undefined {
  if (typeof value !== 'number') return undefined;
  if (key === 'returnPct' || key === 'returnAnnPct' || key === 'cagrPct' || key === 'avgTradePct')
    return value > 0 ? 'up' : value < 0 ? 'down' : undefined;
  return undefined;
}

/** The statistics table; each value cell keeps the exact number in `data-value`. */
export function statsTable(stats: Record<string, unknown>, caption = 'Statistics'): HTMLTableElement {
  return h(
    'table',
    { className: 'stats', 'data-testid': 'stats-table' },
    h('caption', {}, caption),
    h(
      'tbody',
      {},
      STATS.map(([key, label, kind]) =>
        h(
          'tr',
          { 'data-stat': key },
          h('th', { scope: 'row' }, label),
          h(
            'td',
            {
              'data-value': stats[key] === null ? 'null' : String(stats[key]),
              className: tone(key, stats[key]),
            },
            format(kind, stats[key]),
          ),
        ),
      ),
    ),
  );
}
