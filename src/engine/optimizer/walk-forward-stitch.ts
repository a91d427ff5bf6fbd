import type { Bars } from '../bars.ts';
import { type BacktestStats, computeStats } from '../stats.ts';
import type { ClosedTrade } from '../strategy.ts';

/** One test window's out-of-sample run: equity at bars testFrom … testTo − 1, trades indexed into the bars. */
export interface OutOfSamplePart {
  readonly testFrom: number;
  readonly testTo: number;
  readonly equity: Float64Array;
  readonly trades: readonly ClosedTrade[];
  /** The run's warm-up in window bars (see runBacktestWindow). */
  readonly warmupBars: number;
}

export interface StitchedOutOfSample {
  /** Equity at bars parts[0].testFrom … last testTo − 1. */
  readonly equity: Float64Array;
  /** Every window's trades in order, bar indices into the bars. */
  readonly trades: ClosedTrade[];
  readonly stats: BacktestStats;
}

/**
 * Joins consecutive, adjacent test windows into one equity curve and trade list, and computes
 * their statistics with the engine's computeStats as for one backtest over the joined bars
 * (buy & hold from the first window's first tradable bar).
 */
export function stitchOutOfSample(
  bars: Bars,
  parts: readonly OutOfSamplePart[],
  riskFreeRate: number,
): StitchedOutOfSample {
  const from = parts[0].testFrom;
  const to = parts[parts.length - 1].testTo;
  const equity = new Float64Array(to - from);
  const trades: ClosedTrade[] = [];
  for (const part of parts) {
    equity.set(part.equity, part.testFrom - from);
    for (const trade of part.trades) trades.push(trade);
  }
  const stats = computeStats({
    equity,
    bars: {
      time: bars.time.subarray(from, to),
      close: bars.close.subarray(from, to),
      isDatetime: bars.isDatetime,
    },
    trades: trades.map((t) => ({ ...t, entryBar: t.entryBar - from, exitBar: t.exitBar - from })),
    warmupBars: parts[0].warmupBars,
    riskFreeRate,
  });
  return { equity, trades, stats };
}
