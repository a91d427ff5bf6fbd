import type { BacktestResult } from '../engine/backtest.ts';
import type { Bars } from '../engine/bars.ts';
import { toIsoTime } from '../engine/calendar.ts';
import type { BacktestStats } from '../engine/stats.ts';

/**
 * JSON for `backtest --json`: `{ stats, trades, equityCurve }`, in GraphQL's vocabulary (the
 * keys of BacktestStats, Trade and EquityPoint). Trades carry size, entryDate/exitDate (ISO, with
 * the time for intraday data), prices, PnL, commission and returnPct (percent) as GraphQL's do,
 * plus the bar indices, SL/TP and tag. `equityCurve` is one `{ date, equity, drawdownPct }` per
 * bar (drawdown in percent, ≥ 0). NaN and ±Infinity are written as null.
 */
export function backtestJson(result: BacktestResult, bars: Bars): unknown {
  const dateOnly = isDateOnly(bars.time);
  const iso = (t: number) => toIsoTime(t, dateOnly);
  return {
    stats: statsJson(result.stats),
    trades: result.trades.map((t) => ({
      size: t.size,
      entryBar: t.entryBar,
      exitBar: t.exitBar,
      entryPrice: t.entryPrice,
      exitPrice: t.exitPrice,
      sl: t.sl,
      tp: t.tp,
      pnl: t.pnl,
      commission: t.commission,
      returnPct: t.returnPct,
      entryDate: iso(t.entryTime),
      exitDate: iso(t.exitTime),
      tag: t.tag,
    })),
    equityCurve: Array.from(result.equity, (equity, k) => ({
      date: iso(bars.time[k]),
      equity,
      drawdownPct: result.drawdownPct[k],
    })),
  };
}

/** Stats in the order of BacktestStats (backtesting.py's order). */
export function statsJson(stats: BacktestStats): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(stats)) out[key] = finiteOrNull(value);
  return out;
}

/** JSON text with NaN and ±Infinity as null (what JSON.stringify does for them, made explicit). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => finiteOrNull(v));
}

function finiteOrNull<T>(value: T): T | null {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function isDateOnly(time: Float64Array): boolean {
  return time.every((t) => t % 86_400_000 === 0);
}
