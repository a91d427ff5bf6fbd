import type { BacktestResult as EngineResult } from '../engine/backtest.ts';
import type { BacktestStats } from '../engine/stats.ts';
import type { CanonicalBacktest } from '../inputs/backtest.ts';
import { runWarnings } from './warnings.ts';

/** Statistics as clients get them: NaN and ±Infinity become null. */
export type PublicStats = {
  [K in keyof BacktestStats]: BacktestStats[K] extends number ? number | null : BacktestStats[K];
};

export interface EquityPoint {
  date: string;
  equity: number;
  drawdownPct: number;
}

export interface TradeRecord {
  size: number;
  entryDate: string;
  exitDate: string | null;
  entryPrice: number;
  exitPrice: number | null;
  pnl: number | null;
  returnPct: number | null;
  commission: number;
}

/** What a backtest returns and the result cache stores (plain JSON). */
export interface BacktestRun {
  key: string;
  ticker: string;
  strategy: string;
  params: Record<string, number | boolean>;
  stats: PublicStats;
  equityCurve: EquityPoint[];
  trades: TradeRecord[];
  benchmark: { ticker: string; alphaPct: number | null; beta: number | null } | null;
  /** What the run itself tells a trader to watch out for (see runWarnings). */
  warnings: string[];
}

export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function toPublicStats(stats: BacktestStats): PublicStats {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stats)) out[k] = typeof v === 'number' ? finiteOrNull(v) : v;
  return out as PublicStats;
}

export function toEquityCurve(
  dates: readonly string[],
  equity: ArrayLike<number>,
  drawdownPct: ArrayLike<number>,
): EquityPoint[] {
  return dates.map((date, i) => ({ date, equity: equity[i], drawdownPct: drawdownPct[i] }));
}

export function toBacktestRun(
  key: string,
  request: CanonicalBacktest,
  dates: readonly string[],
  result: EngineResult,
  benchmark: BacktestRun['benchmark'],
): BacktestRun {
  const trades: TradeRecord[] = result.trades.map((t) => ({
    size: t.size,
    entryDate: dates[t.entryBar],
    exitDate: dates[t.exitBar],
    entryPrice: t.entryPrice,
    exitPrice: t.exitPrice,
    pnl: finiteOrNull(t.pnl),
    returnPct: finiteOrNull(t.returnPct),
    commission: t.commission,
  }));
  for (const open of result.openTrades) {
    trades.push({
      size: open.size,
      entryDate: dates[open.entryBar],
      exitDate: null,
      entryPrice: open.entryPrice,
      exitPrice: null,
      pnl: null,
      returnPct: null,
      commission: 0,
    });
  }
  return {
    key,
    ticker: request.series.ticker,
    strategy: request.strategy,
    params: request.params,
    stats: toPublicStats(result.stats),
    equityCurve: toEquityCurve(dates, result.equity, result.drawdownPct),
    trades,
    benchmark,
    warnings: runWarnings({
      barCount: dates.length,
      warmupBars: result.warmupBars,
      neverWarm: result.neverWarm,
      tradeCount: result.stats.tradeCount,
      params: request.params,
    }),
  };
}
