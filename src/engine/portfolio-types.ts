import type { BacktestOptions } from './options.ts';
import type { Rebalance } from './portfolio-calendar.ts';
import type { BacktestStats } from './stats.ts';
import type { ClosedTrade, ParamSpecs, StrategyDefinition } from './strategy.ts';

/** One holding's daily series; `time` in epoch ms of the dates, ascending, one bar per date. */
export interface PortfolioSeries {
  readonly ticker: string;
  readonly time: Float64Array;
  readonly close: Float64Array;
  /** Open, high and low are required in strategy mode only. */
  readonly open?: Float64Array;
  readonly high?: Float64Array;
  readonly low?: Float64Array;
  readonly volume?: Float64Array;
}

export interface PortfolioStrategy<S extends ParamSpecs = ParamSpecs> {
  readonly definition: StrategyDefinition<S>;
  readonly params?: Readonly<Record<string, unknown>>;
  /** Engine options for each holding's run (cash and commission come from the portfolio). finalizeTrades defaults to true here. */
  readonly options?: Omit<BacktestOptions, 'cash' | 'commission'>;
}

export interface PortfolioInput<S extends ParamSpecs = ParamSpecs> {
  /** One series per holding, in the order of `weights`. */
  readonly series: readonly PortfolioSeries[];
  /** Target weights, each ≥ 0, summing to at most 1; the rest stays in cash. */
  readonly weights: readonly number[];
  /** Initial cash (> 0). */
  readonly cash: number;
  /** Commission as a fraction of traded value, in [−0.1, 0.1). Default 0. */
  readonly commissionRate?: number;
  /** Target-weight mode only. Default NEVER. */
  readonly rebalance?: Rebalance;
  /** Strategy mode: run this strategy on each holding with cash·weight. */
  readonly strategy?: PortfolioStrategy<S>;
}

export interface HoldingResult {
  readonly ticker: string;
  readonly weight: number;
  /** Value at the end: shares·last close (target weights) or the holding's final equity (strategy). */
  readonly finalValue: number;
  /** Profit: final value minus the net amount put in (purchases − sales + commissions). */
  readonly pnl: number;
  /** pnl relative to the initial allocation cash·weight, in percent (NaN for weight 0). */
  readonly returnPct: number;
  /** Executed buys and sells (target weights) or closed trades (strategy mode). */
  readonly trades: number;
  /** The holding's own backtest statistics (strategy mode), else null. */
  readonly stats: BacktestStats | null;
}

export interface PortfolioResult {
  /** The union calendar: every date on which any holding has a bar (epoch ms). */
  readonly time: Float64Array;
  readonly equity: Float64Array;
  /** Drawdown from the running equity peak, in percent (0 … 100). */
  readonly drawdownPct: Float64Array;
  readonly holdings: readonly HoldingResult[];
  /** Every holding's closed trades (strategy mode; bars re-indexed on the union calendar). */
  readonly trades: readonly ClosedTrade[];
  /**
   * computeStats of the combined equity. Buy & hold, alpha and beta use the portfolio's own
   * equity as the market series (so buy & hold = return, beta = 1, alpha = 0): compare against
   * a real benchmark with benchmarkStats.
   */
  readonly stats: BacktestStats;
}

/** Validated input with the calendar alignment (internal to the portfolio modules). */
export interface ValidatedPortfolio {
  readonly series: readonly PortfolioSeries[];
  readonly weights: readonly number[];
  readonly cash: number;
  readonly commissionRate: number;
  readonly rebalance: Rebalance;
  readonly calendar: Float64Array;
  /** barAt[j][k]: index of holding j's bar on calendar date k, or −1. */
  readonly barAt: readonly Int32Array[];
}

export interface PortfolioSimulation {
  readonly equity: Float64Array;
  readonly holdings: readonly Omit<HoldingResult, 'returnPct'>[];
  readonly trades: readonly ClosedTrade[];
}
