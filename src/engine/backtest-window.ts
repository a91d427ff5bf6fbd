import { type BacktestInput, type OpenTradeSnapshot, runBacktest } from './backtest.ts';
import { sliceBars } from './bars.ts';
import { EngineError } from './errors.ts';
import { type BacktestStats, computeStats } from './stats.ts';
import type { ClosedTrade, ParamSpecs, StrategyDefinition } from './strategy.ts';

export interface BacktestWindowInput<S extends ParamSpecs> extends BacktestInput<S> {
  /** First bar the strategy (its indicators and `next`) sees; its warm-up data. Default 0. */
  readonly warmFrom?: number;
  /** First bar of the window: `next()` is called from this bar on, never before. */
  readonly from: number;
  /** End of the window (exclusive): the run never sees this bar or any later one. */
  readonly to: number;
}

export interface BacktestWindowResult {
  /** Closed trades, bar indices into the full `bars` (every entry is at or after `from`). */
  readonly trades: ClosedTrade[];
  /** Trades still open at `to − 1` (only when trades are not finalized), indices into `bars`. */
  readonly openTrades: OpenTradeSnapshot[];
  /** Equity at bars from … to − 1; the first value is the cash (nothing can be open yet). */
  readonly equity: Float64Array;
  /** Statistics of the window alone: its equity, its trades, buy & hold from its first tradable bar. */
  readonly stats: BacktestStats;
  /** The warm-up counted in window bars: 0 unless the indicators are still warming at `from`. */
  readonly warmupBars: number;
  readonly ruined: boolean;
}

/**
 * A backtest that trades only inside the window [from, to) with indicators computed on the bars
 * [warmFrom, to): the run is over those bars, `next()` is not called before `from` (as if the
 * warm-up lasted until then), so the first order is placed on `from` and fills at Open[from + 1]
 * (at Close[from] when trading on close). Nothing at or after `to` is seen. With
 * `options.finalizeTrades` the window's trades close on its last bar. `bars` is the full series;
 * `indicatorCache` must be a memo for exactly the bars [warmFrom, to). Throws EngineError
 * (field `window`) unless 0 ≤ warmFrom ≤ from < to ≤ bars.length are integers, and whatever
 * runBacktest throws (which needs to − warmFrom ≥ 2).
 */
export function runBacktestWindow<S extends ParamSpecs>(input: BacktestWindowInput<S>): BacktestWindowResult {
  const { bars, from, to } = input;
  const warmFrom = input.warmFrom ?? 0;
  const isIndex = (v: number) => Number.isInteger(v) && v >= 0 && v <= bars.length;
  if (!(isIndex(warmFrom) && isIndex(from) && isIndex(to) && warmFrom <= from && from < to)) {
    throw new EngineError(
      'window',
      `a window needs 0 ≤ warmFrom ≤ from < to ≤ ${bars.length}, got ${warmFrom}, ${from}, ${to}`,
    );
  }
  const slice = sliceBars(bars, warmFrom, to);
  const offset = from - warmFrom;
  const result = runBacktest({ ...input, bars: slice, strategy: tradingFrom(input.strategy, offset) });

  const inWindow = (trade: ClosedTrade) => ({
    ...trade,
    entryBar: trade.entryBar - offset,
    exitBar: trade.exitBar - offset,
  });
  const equity = result.equity.slice(offset);
  const warmupBars = Math.max(0, result.warmupBars - offset);
  const stats = computeStats({
    equity,
    bars: {
      time: slice.time.subarray(offset),
      close: slice.close.subarray(offset),
      isDatetime: bars.isDatetime,
    },
    trades: result.trades.map(inWindow),
    warmupBars,
    riskFreeRate: input.options?.riskFreeRate,
  });
  const toBars = <T extends { readonly entryBar: number }>(trade: T) => ({
    ...trade,
    entryBar: trade.entryBar + warmFrom,
  });
  return {
    trades: result.trades.map((t) => ({ ...toBars(t), exitBar: t.exitBar + warmFrom })),
    openTrades: result.openTrades.map(toBars),
    equity,
    stats,
    warmupBars,
    ruined: result.ruined,
  };
}

/** The strategy with `next()` skipped on bars before `bar`. */
function tradingFrom<S extends ParamSpecs>(
  strategy: StrategyDefinition<S>,
  bar: number,
): StrategyDefinition<S> {
  if (bar === 0) return strategy;
  return {
    ...strategy,
    init(ctx) {
      const inner = strategy.init(ctx);
      return {
        next(next) {
          if (next.i >= bar) inner.next(next);
        },
      };
    },
  };
}
