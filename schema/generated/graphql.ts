/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** One strategy on one ticker over a date range. */
export type BacktestInput = {
  /** Adjust prices for splits and dividends. */
  adjusted?: boolean | null | undefined;
  /** Another ticker to compute alpha and beta against. */
  benchmark?: string | null | undefined;
  /** Initial cash. */
  cash?: number | null | undefined;
  /** Commission rate per fill, e.g. 0.002 (−0.1 to 0.1). */
  commission?: number | null | undefined;
  /** Each order closes the previous trade. */
  exclusiveOrders?: boolean | null | undefined;
  /** Close open trades at the end so they count. */
  finalizeTrades?: boolean | null | undefined;
  /** Fixed commission per fill, added to the rate. */
  fixedCommission?: number | null | undefined;
  /** First date (inclusive). */
  from: string;
  /** Allow long and short trades at once. */
  hedging?: boolean | null | undefined;
  /** Margin requirement in (0, 1]; leverage = 1/margin. */
  margin?: number | null | undefined;
  /** Strategy params; missing ones take their defaults. */
  params?: Record<string, unknown> | null | undefined;
  /** A rule strategy inline, instead of `strategy`. */
  rules?: RuleStrategyInput | null | undefined;
  /** Bid-ask spread as a fraction of price (entries only). */
  spread?: number | null | undefined;
  /** Strategy name (see `strategies`: a built-in or a saved rule strategy); or give `rules`. */
  strategy?: string | null | undefined;
  /** Ticker symbol. */
  ticker: string;
  /** Last date (inclusive). */
  to: string;
  /** Market orders fill at the current close. */
  tradeOnClose?: boolean | null | undefined;
};

/** Where this request got a series from. */
export type DataSource =
  /** The price store, without asking the provider. */
  | 'DATABASE'
  /** The TTL cache (in process, or Redis when configured). */
  | 'MEMORY'
  /** At least part of the range was fetched from the provider. */
  | 'PROVIDER';

/** A ticker and its target share of the portfolio. */
export type HoldingInput = {
  /** Ticker symbol. */
  ticker: string;
  /** Target weight in [0, 1]; weights sum to at most 1. */
  weight: number;
};

/** What a job computes. */
export type JobKind =
  /** A grid search (startOptimization). */
  | 'OPTIMIZATION'
  /** A walk-forward analysis (startWalkForward). */
  | 'WALK_FORWARD';

/** Where a job is in its life. */
export type JobState =
  /** Stopped by cancelJob. */
  | 'CANCELLED'
  /** Stopped by an error (see error). */
  | 'FAILED'
  /** Waiting to run. */
  | 'QUEUED'
  /** Running; progress grows. */
  | 'RUNNING'
  /** Done; the result is there. */
  | 'SUCCEEDED';

/** A grid search over strategy params. */
export type OptimizeInput = {
  /** Adjust prices for splits and dividends. */
  adjusted?: boolean | null | undefined;
  /** Initial cash. */
  cash?: number | null | undefined;
  /** Commission rate per fill, e.g. 0.002 (−0.1 to 0.1). */
  commission?: number | null | undefined;
  /** Runs must satisfy this, e.g. "fast < slow" (arithmetic, comparisons, and/or/not). */
  constraint?: string | null | undefined;
  /** Each order closes the previous trade. */
  exclusiveOrders?: boolean | null | undefined;
  /** Close open trades at the end so they count. */
  finalizeTrades?: boolean | null | undefined;
  /** Fixed commission per fill, added to the rate. */
  fixedCommission?: number | null | undefined;
  /** First date (inclusive). */
  from: string;
  /** One range per param to vary. */
  grid: Array<ParamRangeInput>;
  /** Allow long and short trades at once. */
  hedging?: boolean | null | undefined;
  /** Margin requirement in (0, 1]; leverage = 1/margin. */
  margin?: number | null | undefined;
  /** The statistic to maximize, e.g. sqn, sharpeRatio, returnPct. */
  maximize?: OptimizeStat | null | undefined;
  /** Fixed params for every run. */
  params?: Record<string, unknown> | null | undefined;
  /** A rule strategy inline, instead of `strategy`; the grid ranges its params. */
  rules?: RuleStrategyInput | null | undefined;
  /** Bid-ask spread as a fraction of price (entries only). */
  spread?: number | null | undefined;
  /** Strategy name (a built-in or a saved rule strategy); or give `rules`. */
  strategy?: string | null | undefined;
  /** Ticker symbol. */
  ticker: string;
  /** Last date (inclusive). */
  to: string;
  /** Market orders fill at the current close. */
  tradeOnClose?: boolean | null | undefined;
};

/** A statistic an optimization can maximize: the BacktestStats field of that name. */
export type OptimizeStat =
  /** BacktestStats.alphaPct. */
  | 'alphaPct'
  /** BacktestStats.avgDrawdownDurationDays. */
  | 'avgDrawdownDurationDays'
  /** BacktestStats.avgDrawdownPct. */
  | 'avgDrawdownPct'
  /** BacktestStats.avgTradeDurationDays. */
  | 'avgTradeDurationDays'
  /** BacktestStats.avgTradePct. */
  | 'avgTradePct'
  /** BacktestStats.bestTradePct. */
  | 'bestTradePct'
  /** BacktestStats.beta. */
  | 'beta'
  /** BacktestStats.buyHoldReturnPct. */
  | 'buyHoldReturnPct'
  /** BacktestStats.cagrPct. */
  | 'cagrPct'
  /** BacktestStats.calmarRatio. */
  | 'calmarRatio'
  /** BacktestStats.commissions. */
  | 'commissions'
  /** BacktestStats.durationDays. */
  | 'durationDays'
  /** BacktestStats.equityFinal. */
  | 'equityFinal'
  /** BacktestStats.equityPeak. */
  | 'equityPeak'
  /** BacktestStats.expectancyPct. */
  | 'expectancyPct'
  /** BacktestStats.exposureTimePct. */
  | 'exposureTimePct'
  /** BacktestStats.kellyCriterion. */
  | 'kellyCriterion'
  /** BacktestStats.maxDrawdownDurationDays. */
  | 'maxDrawdownDurationDays'
  /** BacktestStats.maxDrawdownPct. */
  | 'maxDrawdownPct'
  /** BacktestStats.maxTradeDurationDays. */
  | 'maxTradeDurationDays'
  /** BacktestStats.profitFactor. */
  | 'profitFactor'
  /** BacktestStats.returnAnnPct. */
  | 'returnAnnPct'
  /** BacktestStats.returnPct. */
  | 'returnPct'
  /** BacktestStats.sharpeRatio. */
  | 'sharpeRatio'
  /** BacktestStats.sortinoRatio. */
  | 'sortinoRatio'
  /** BacktestStats.sqn. */
  | 'sqn'
  /** BacktestStats.tradeCount. */
  | 'tradeCount'
  /** BacktestStats.volatilityAnnPct. */
  | 'volatilityAnnPct'
  /** BacktestStats.winRatePct. */
  | 'winRatePct'
  /** BacktestStats.worstTradePct. */
  | 'worstTradePct';

/** Values from..to (inclusive) in steps of step. */
export type ParamRangeInput = {
  /** First value. */
  from: number;
  /** Param name. */
  name: string;
  /** Step (> 0). */
  step: number;
  /** Last value (inclusive). */
  to: number;
};

/** The type of a strategy param. */
export type ParamType =
  /** true or false. */
  | 'BOOLEAN'
  /** Any finite number. */
  | 'FLOAT'
  /** A whole number. */
  | 'INT';

/** Target weights over several tickers from shared cash, or a strategy per holding. */
export type PortfolioBacktestInput = {
  /** Adjust prices for splits and dividends. */
  adjusted?: boolean | null | undefined;
  /** A ticker to compute alpha and beta against. */
  benchmark?: string | null | undefined;
  /** Initial cash. */
  cash?: number | null | undefined;
  /** Commission rate on traded value. */
  commission?: number | null | undefined;
  /** First date (inclusive). */
  from: string;
  /** Holdings (at most MAX_TICKERS). */
  holdings: Array<HoldingInput>;
  /** Params of `strategy`. */
  params?: Record<string, unknown> | null | undefined;
  /** Rebalancing schedule. */
  rebalance?: Rebalance | null | undefined;
  /** Or run this rule strategy on each holding with its share of the cash. */
  rules?: RuleStrategyInput | null | undefined;
  /** Run this strategy on each holding with its share of the cash. */
  strategy?: string | null | undefined;
  /** Last date (inclusive). */
  to: string;
};

/** How often target weights are restored. */
export type Rebalance =
  /** On the first trading day of each month. */
  | 'MONTHLY'
  /** Buy once at the start and hold. */
  | 'NEVER'
  /** On the first trading day of each quarter. */
  | 'QUARTERLY'
  /** On the first trading day of each year. */
  | 'YEARLY';

/** A param of a rule strategy, referenced by name in its expressions. */
export type RuleParamInput = {
  /** Value when a request gives none. */
  default: number;
  /** Whole numbers only (windows must be). */
  integer?: boolean | null | undefined;
  /** Highest allowed value. */
  max?: number | null | undefined;
  /** Lowest allowed value (windows: at least 1). */
  min?: number | null | undefined;
  /** Identifier used in the expressions, e.g. fast. */
  name: string;
};

/** A strategy written as conditions over the bars: `open high low close volume`, numbers, params, `+ - * /`, `< <= > >= == !=`, `and or not` and sma ema rsi atr stdev highest lowest bb_upper bb_lower macd macd_signal crossover crossunder prev change abs min max. Give entry or shortEntry (or both). */
export type RuleStrategyInput = {
  /** When true and not long: close any short, buy. */
  entry?: string | null | undefined;
  /** When true and long: close the long. */
  exit?: string | null | undefined;
  /** Params the expressions use. */
  params?: Array<RuleParamInput> | null | undefined;
  /** When true and not short: close any long, sell. */
  shortEntry?: string | null | undefined;
  /** When true and short: close the short. */
  shortExit?: string | null | undefined;
  /** Order size: a fraction of available margin in (0, 1), or whole units ≥ 1 (default: all). */
  size?: number | null | undefined;
  /** Stop-loss distance from the signal close in percent (0 = none). */
  stopLossPct?: number | null | undefined;
  /** Take-profit distance from the signal close in percent (0 = none). */
  takeProfitPct?: number | null | undefined;
  /** Trailing stop-loss this many ATRs (100-bar mean true range) from the close. */
  trailingAtr?: number | null | undefined;
};

/** Where a strategy comes from. */
export type StrategyKind =
  /** Written in the service; its name is exact (case-sensitive). */
  | 'BUILT_IN'
  /** A rule strategy saved with saveStrategy; its name matches in any case. */
  | 'RULES';

/** A walk-forward analysis: the grid optimized on each training window, tested on the next bars. */
export type WalkForwardInput = {
  /** Adjust prices for splits and dividends. */
  adjusted?: boolean | null | undefined;
  /** Train every window from the first bar. */
  anchored?: boolean | null | undefined;
  /** Initial cash. */
  cash?: number | null | undefined;
  /** Commission rate per fill, e.g. 0.002 (−0.1 to 0.1). */
  commission?: number | null | undefined;
  /** Runs must satisfy this, e.g. "fast < slow" (arithmetic, comparisons, and/or/not). */
  constraint?: string | null | undefined;
  /** Each order closes the previous trade. */
  exclusiveOrders?: boolean | null | undefined;
  /** Close open trades at the end so they count. */
  finalizeTrades?: boolean | null | undefined;
  /** Fixed commission per fill, added to the rate. */
  fixedCommission?: number | null | undefined;
  /** First date (inclusive). */
  from: string;
  /** One range per param to vary. */
  grid: Array<ParamRangeInput>;
  /** Allow long and short trades at once. */
  hedging?: boolean | null | undefined;
  /** Margin requirement in (0, 1]; leverage = 1/margin. */
  margin?: number | null | undefined;
  /** The statistic to maximize, e.g. sqn, sharpeRatio, returnPct. */
  maximize?: OptimizeStat | null | undefined;
  /** Fixed params for every run. */
  params?: Record<string, unknown> | null | undefined;
  /** A rule strategy inline, instead of `strategy`; the grid ranges its params. */
  rules?: RuleStrategyInput | null | undefined;
  /** Bid-ask spread as a fraction of price (entries only). */
  spread?: number | null | undefined;
  /** Strategy name (a built-in or a saved rule strategy); or give `rules`. */
  strategy?: string | null | undefined;
  /** Bars per test window (≥ 1); windows step by this many. */
  testBars: number;
  /** Ticker symbol. */
  ticker: string;
  /** Last date (inclusive). */
  to: string;
  /** Market orders fill at the current close. */
  tradeOnClose?: boolean | null | undefined;
  /** Bars per training window (≥ 2; the first one when anchored). */
  trainBars: number;
};

export type ServiceStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceStatsQuery = { serviceStats: { uptimeS: number, startedAt: unknown, engineRuns: number } };

export type WarmCacheMutationVariables = Exact<{
  tickers: Array<string> | string;
  from: string;
  to: string;
}>;


export type WarmCacheMutation = { warmCache: { requested: number, succeeded: number, failed: number, tickers: Array<{ ticker: string, ok: boolean, barCount: number, error: string | null }> } | null };

export type StatsFragment = { start: string, end: string, durationDays: number | null, exposureTimePct: number | null, equityFinal: number | null, equityPeak: number | null, commissions: number | null, returnPct: number | null, buyHoldReturnPct: number | null, returnAnnPct: number | null, volatilityAnnPct: number | null, cagrPct: number | null, sharpeRatio: number | null, sortinoRatio: number | null, calmarRatio: number | null, alphaPct: number | null, beta: number | null, maxDrawdownPct: number | null, avgDrawdownPct: number | null, maxDrawdownDurationDays: number | null, avgDrawdownDurationDays: number | null, tradeCount: number, winRatePct: number | null, bestTradePct: number | null, worstTradePct: number | null, avgTradePct: number | null, maxTradeDurationDays: number | null, avgTradeDurationDays: number | null, profitFactor: number | null, expectancyPct: number | null, sqn: number | null, kellyCriterion: number | null };

export type BacktestQueryVariables = Exact<{
  input: BacktestInput;
}>;


export type BacktestQuery = { backtest: { key: string, cached: boolean, ticker: string, strategy: string, params: Record<string, unknown>, stats: { start: string, end: string, durationDays: number | null, exposureTimePct: number | null, equityFinal: number | null, equityPeak: number | null, commissions: number | null, returnPct: number | null, buyHoldReturnPct: number | null, returnAnnPct: number | null, volatilityAnnPct: number | null, cagrPct: number | null, sharpeRatio: number | null, sortinoRatio: number | null, calmarRatio: number | null, alphaPct: number | null, beta: number | null, maxDrawdownPct: number | null, avgDrawdownPct: number | null, maxDrawdownDurationDays: number | null, avgDrawdownDurationDays: number | null, tradeCount: number, winRatePct: number | null, bestTradePct: number | null, worstTradePct: number | null, avgTradePct: number | null, maxTradeDurationDays: number | null, avgTradeDurationDays: number | null, profitFactor: number | null, expectancyPct: number | null, sqn: number | null, kellyCriterion: number | null }, equityCurve: Array<{ date: string, equity: number, drawdownPct: number }>, trades: Array<{ size: number, entryDate: string, exitDate: string | null, entryPrice: number, exitPrice: number | null, pnl: number | null, returnPct: number | null, commission: number }>, benchmark: { ticker: string, alphaPct: number | null, beta: number | null } | null, timings: { dataMs: number, engineMs: number, totalMs: number } } | null };

export type DashboardStrategiesQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardStrategiesQuery = { strategies: Array<{ name: string, kind: StrategyKind, description: string, params: Array<{ name: string, type: ParamType, default: unknown, min: number | null, max: number | null, description: string }>, rules: { entry: string | null, exit: string | null, shortEntry: string | null, shortExit: string | null } | null }> | null };

export type DashboardBacktestQueryVariables = Exact<{
  input: BacktestInput;
  ticker: string;
  from: string;
  to: string;
  adjusted?: boolean | null | undefined;
}>;


export type DashboardBacktestQuery = { priceSeries: { ticker: string, barCount: number, columns: { dates: Array<string>, open: Array<number>, high: Array<number>, low: Array<number>, close: Array<number>, volume: Array<number> } } | null, backtest: { key: string, cached: boolean, stale: boolean, warnings: Array<string>, ticker: string, strategy: string, params: Record<string, unknown>, stats: { start: string, end: string, durationDays: number | null, exposureTimePct: number | null, equityFinal: number | null, equityPeak: number | null, commissions: number | null, returnPct: number | null, buyHoldReturnPct: number | null, returnAnnPct: number | null, volatilityAnnPct: number | null, cagrPct: number | null, sharpeRatio: number | null, sortinoRatio: number | null, calmarRatio: number | null, alphaPct: number | null, beta: number | null, maxDrawdownPct: number | null, avgDrawdownPct: number | null, maxDrawdownDurationDays: number | null, avgDrawdownDurationDays: number | null, tradeCount: number, winRatePct: number | null, bestTradePct: number | null, worstTradePct: number | null, avgTradePct: number | null, maxTradeDurationDays: number | null, avgTradeDurationDays: number | null, profitFactor: number | null, expectancyPct: number | null, sqn: number | null, kellyCriterion: number | null }, equityCurve: Array<{ date: string, equity: number, drawdownPct: number }>, trades: Array<{ size: number, entryDate: string, exitDate: string | null, entryPrice: number, exitPrice: number | null, pnl: number | null, returnPct: number | null, commission: number }>, timings: { totalMs: number } } | null };

export type DashboardJobFragment = { id: string, kind: JobKind, state: JobState, progress: number, runsDone: number, runsTotal: number, error: string | null };

export type DashboardStartOptimizationMutationVariables = Exact<{
  input: OptimizeInput;
}>;


export type DashboardStartOptimizationMutation = { startOptimization: { id: string, kind: JobKind, state: JobState, progress: number, runsDone: number, runsTotal: number, error: string | null } };

export type DashboardStartWalkForwardMutationVariables = Exact<{
  input: WalkForwardInput;
}>;


export type DashboardStartWalkForwardMutation = { startWalkForward: { id: string, kind: JobKind, state: JobState, progress: number, runsDone: number, runsTotal: number, error: string | null } };

export type DashboardJobProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type DashboardJobProgressSubscription = { jobProgress: { id: string, kind: JobKind, state: JobState, progress: number, runsDone: number, runsTotal: number, error: string | null } };

export type DashboardOptimizationResultQueryVariables = Exact<{
  id: string | number;
  x: string;
  y: string;
}>;


export type DashboardOptimizationResultQuery = { job: { id: string, kind: JobKind, state: JobState, progress: number, runsDone: number, runsTotal: number, error: string | null, optimization: { runCount: number, elapsedMs: number, warnings: Array<string>, heatmap: { x: string, y: string, xValues: Array<number>, yValues: Array<number>, values: Array<Array<number | null>> } | null, best: { params: Record<string, unknown>, value: number | null }, runs: Array<{ params: Record<string, unknown>, value: number | null, stats: { returnPct: number | null, sharpeRatio: number | null, maxDrawdownPct: number | null, tradeCount: number, winRatePct: number | null } }> } | null } | null };

export type DashboardWalkForwardResultQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardWalkForwardResultQuery = { job: { id: string, kind: JobKind, state: JobState, progress: number, runsDone: number, runsTotal: number, error: string | null, walkForward: { efficiency: number | null, windows: Array<{ trainFrom: string, trainTo: string, testFrom: string, testTo: string, params: Record<string, unknown>, inSampleValue: number | null, outOfSample: { returnPct: number | null, tradeCount: number, sharpeRatio: number | null } }>, outOfSample: { start: string, end: string, durationDays: number | null, exposureTimePct: number | null, equityFinal: number | null, equityPeak: number | null, commissions: number | null, returnPct: number | null, buyHoldReturnPct: number | null, returnAnnPct: number | null, volatilityAnnPct: number | null, cagrPct: number | null, sharpeRatio: number | null, sortinoRatio: number | null, calmarRatio: number | null, alphaPct: number | null, beta: number | null, maxDrawdownPct: number | null, avgDrawdownPct: number | null, maxDrawdownDurationDays: number | null, avgDrawdownDurationDays: number | null, tradeCount: number, winRatePct: number | null, bestTradePct: number | null, worstTradePct: number | null, avgTradePct: number | null, maxTradeDurationDays: number | null, avgTradeDurationDays: number | null, profitFactor: number | null, expectancyPct: number | null, sqn: number | null, kellyCriterion: number | null }, equityCurve: Array<{ date: string, equity: number, drawdownPct: number }> } | null } | null };

export type OptimizationHeatmapMutationVariables = Exact<{
  input: OptimizeInput;
}>;


export type OptimizationHeatmapMutation = { optimizeStrategy: { runCount: number, elapsedMs: number, best: { params: Record<string, unknown>, value: number | null, stats: { start: string, end: string, durationDays: number | null, exposureTimePct: number | null, equityFinal: number | null, equityPeak: number | null, commissions: number | null, returnPct: number | null, buyHoldReturnPct: number | null, returnAnnPct: number | null, volatilityAnnPct: number | null, cagrPct: number | null, sharpeRatio: number | null, sortinoRatio: number | null, calmarRatio: number | null, alphaPct: number | null, beta: number | null, maxDrawdownPct: number | null, avgDrawdownPct: number | null, maxDrawdownDurationDays: number | null, avgDrawdownDurationDays: number | null, tradeCount: number, winRatePct: number | null, bestTradePct: number | null, worstTradePct: number | null, avgTradePct: number | null, maxTradeDurationDays: number | null, avgTradeDurationDays: number | null, profitFactor: number | null, expectancyPct: number | null, sqn: number | null, kellyCriterion: number | null } }, runs: Array<{ params: Record<string, unknown>, value: number | null }> } | null };

export type PortfolioViewFragment = { id: string, createdAt: unknown, input: Record<string, unknown>, stats: { start: string, end: string, durationDays: number | null, exposureTimePct: number | null, equityFinal: number | null, equityPeak: number | null, commissions: number | null, returnPct: number | null, buyHoldReturnPct: number | null, returnAnnPct: number | null, volatilityAnnPct: number | null, cagrPct: number | null, sharpeRatio: number | null, sortinoRatio: number | null, calmarRatio: number | null, alphaPct: number | null, beta: number | null, maxDrawdownPct: number | null, avgDrawdownPct: number | null, maxDrawdownDurationDays: number | null, avgDrawdownDurationDays: number | null, tradeCount: number, winRatePct: number | null, bestTradePct: number | null, worstTradePct: number | null, avgTradePct: number | null, maxTradeDurationDays: number | null, avgTradeDurationDays: number | null, profitFactor: number | null, expectancyPct: number | null, sqn: number | null, kellyCriterion: number | null }, equityCurve: Array<{ date: string, equity: number, drawdownPct: number }>, holdings: Array<{ ticker: string, weight: number, finalValue: number, pnl: number, returnPct: number | null, trades: number }>, benchmark: { ticker: string, alphaPct: number | null, beta: number | null } | null };

export type RunPortfolioMutationVariables = Exact<{
  input: PortfolioBacktestInput;
}>;


export type RunPortfolioMutation = { runPortfolioBacktest: { id: string, createdAt: unknown, input: Record<string, unknown>, stats: { start: string, end: string, durationDays: number | null, exposureTimePct: number | null, equityFinal: number | null, equityPeak: number | null, commissions: number | null, returnPct: number | null, buyHoldReturnPct: number | null, returnAnnPct: number | null, volatilityAnnPct: number | null, cagrPct: number | null, sharpeRatio: number | null, sortinoRatio: number | null, calmarRatio: number | null, alphaPct: number | null, beta: number | null, maxDrawdownPct: number | null, avgDrawdownPct: number | null, maxDrawdownDurationDays: number | null, avgDrawdownDurationDays: number | null, tradeCount: number, winRatePct: number | null, bestTradePct: number | null, worstTradePct: number | null, avgTradePct: number | null, maxTradeDurationDays: number | null, avgTradeDurationDays: number | null, profitFactor: number | null, expectancyPct: number | null, sqn: number | null, kellyCriterion: number | null }, equityCurve: Array<{ date: string, equity: number, drawdownPct: number }>, holdings: Array<{ ticker: string, weight: number, finalValue: number, pnl: number, returnPct: number | null, trades: number }>, benchmark: { ticker: string, alphaPct: number | null, beta: number | null } | null } | null };

export type PortfolioRunQueryVariables = Exact<{
  id: string | number;
}>;


export type PortfolioRunQuery = { portfolioBacktest: { id: string, createdAt: unknown, input: Record<string, unknown>, stats: { start: string, end: string, durationDays: number | null, exposureTimePct: number | null, equityFinal: number | null, equityPeak: number | null, commissions: number | null, returnPct: number | null, buyHoldReturnPct: number | null, returnAnnPct: number | null, volatilityAnnPct: number | null, cagrPct: number | null, sharpeRatio: number | null, sortinoRatio: number | null, calmarRatio: number | null, alphaPct: number | null, beta: number | null, maxDrawdownPct: number | null, avgDrawdownPct: number | null, maxDrawdownDurationDays: number | null, avgDrawdownDurationDays: number | null, tradeCount: number, winRatePct: number | null, bestTradePct: number | null, worstTradePct: number | null, avgTradePct: number | null, maxTradeDurationDays: number | null, avgTradeDurationDays: number | null, profitFactor: number | null, expectancyPct: number | null, sqn: number | null, kellyCriterion: number | null }, equityCurve: Array<{ date: string, equity: number, drawdownPct: number }>, holdings: Array<{ ticker: string, weight: number, finalValue: number, pnl: number, returnPct: number | null, trades: number }>, benchmark: { ticker: string, alphaPct: number | null, beta: number | null } | null } | null };

export type RecentPortfoliosQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RecentPortfoliosQuery = { portfolioBacktests: { edges: Array<{ node: { id: string, createdAt: unknown, stats: { returnPct: number | null, maxDrawdownPct: number | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PriceChartQueryVariables = Exact<{
  ticker: string;
  from: string;
  to: string;
  adjusted?: boolean | null | undefined;
}>;


export type PriceChartQuery = { priceSeries: { ticker: string, from: string, to: string, adjusted: boolean, source: DataSource, stale: boolean, barCount: number, columns: { dates: Array<string>, open: Array<number>, high: Array<number>, low: Array<number>, close: Array<number>, volume: Array<number> } } | null };

export type CompareChartQueryVariables = Exact<{
  tickers: Array<string> | string;
  from: string;
  to: string;
}>;


export type CompareChartQuery = { priceSeriesList: Array<{ ticker: string, source: DataSource, barCount: number, bars: Array<{ date: string, close: number }> } | null> | null };

export type StrategyCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type StrategyCatalogueQuery = { strategies: Array<{ name: string, description: string, params: Array<{ name: string, type: ParamType, default: unknown, min: number | null, max: number | null, description: string }> }> | null };

export const DashboardJobFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"runsDone"}},{"kind":"Field","name":{"kind":"Name","value":"runsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<DashboardJobFragment, unknown>;
export const StatsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"exposureTimePct"}},{"kind":"Field","name":{"kind":"Name","value":"equityFinal"}},{"kind":"Field","name":{"kind":"Name","value":"equityPeak"}},{"kind":"Field","name":{"kind":"Name","value":"commissions"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"buyHoldReturnPct"}},{"kind":"Field","name":{"kind":"Name","value":"returnAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"volatilityAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"cagrPct"}},{"kind":"Field","name":{"kind":"Name","value":"sharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"sortinoRatio"}},{"kind":"Field","name":{"kind":"Name","value":"calmarRatio"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"bestTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"worstTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"maxTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}},{"kind":"Field","name":{"kind":"Name","value":"expectancyPct"}},{"kind":"Field","name":{"kind":"Name","value":"sqn"}},{"kind":"Field","name":{"kind":"Name","value":"kellyCriterion"}}]}}]} as unknown as DocumentNode<StatsFragment, unknown>;
export const PortfolioViewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PortfolioView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortfolioBacktest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Stats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"equityCurve"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"equity"}},{"kind":"Field","name":{"kind":"Name","value":"drawdownPct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holdings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"finalValue"}},{"kind":"Field","name":{"kind":"Name","value":"pnl"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"trades"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"exposureTimePct"}},{"kind":"Field","name":{"kind":"Name","value":"equityFinal"}},{"kind":"Field","name":{"kind":"Name","value":"equityPeak"}},{"kind":"Field","name":{"kind":"Name","value":"commissions"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"buyHoldReturnPct"}},{"kind":"Field","name":{"kind":"Name","value":"returnAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"volatilityAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"cagrPct"}},{"kind":"Field","name":{"kind":"Name","value":"sharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"sortinoRatio"}},{"kind":"Field","name":{"kind":"Name","value":"calmarRatio"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"bestTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"worstTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"maxTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}},{"kind":"Field","name":{"kind":"Name","value":"expectancyPct"}},{"kind":"Field","name":{"kind":"Name","value":"sqn"}},{"kind":"Field","name":{"kind":"Name","value":"kellyCriterion"}}]}}]} as unknown as DocumentNode<PortfolioViewFragment, unknown>;
export const ServiceStatsDocument = {"__meta__":{"hash":"sha256:7844274ddfc342eb0a3d1eec999a2604008123bc461384ac55ca2fdf5a59eb9f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uptimeS"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"engineRuns"}}]}}]}}]} as unknown as DocumentNode<ServiceStatsQuery, ServiceStatsQueryVariables>;
export const WarmCacheDocument = {"__meta__":{"hash":"sha256:a037b08efa3381cdcb2f52b66d06d950cb07d99a4217af6f2122173814ec0e06"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WarmCache"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tickers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"warmCache"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tickers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tickers"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requested"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"tickers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"barCount"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]} as unknown as DocumentNode<WarmCacheMutation, WarmCacheMutationVariables>;
export const BacktestDocument = {"__meta__":{"hash":"sha256:c5d62fce5a2cd893d8813f125fe4f476411f42bac58df0477c8b9cc8a5fa3e19"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Backtest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backtest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"cached"}},{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Stats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"equityCurve"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"equity"}},{"kind":"Field","name":{"kind":"Name","value":"drawdownPct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trades"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"entryDate"}},{"kind":"Field","name":{"kind":"Name","value":"exitDate"}},{"kind":"Field","name":{"kind":"Name","value":"entryPrice"}},{"kind":"Field","name":{"kind":"Name","value":"exitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"pnl"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"commission"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataMs"}},{"kind":"Field","name":{"kind":"Name","value":"engineMs"}},{"kind":"Field","name":{"kind":"Name","value":"totalMs"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"exposureTimePct"}},{"kind":"Field","name":{"kind":"Name","value":"equityFinal"}},{"kind":"Field","name":{"kind":"Name","value":"equityPeak"}},{"kind":"Field","name":{"kind":"Name","value":"commissions"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"buyHoldReturnPct"}},{"kind":"Field","name":{"kind":"Name","value":"returnAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"volatilityAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"cagrPct"}},{"kind":"Field","name":{"kind":"Name","value":"sharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"sortinoRatio"}},{"kind":"Field","name":{"kind":"Name","value":"calmarRatio"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"bestTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"worstTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"maxTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}},{"kind":"Field","name":{"kind":"Name","value":"expectancyPct"}},{"kind":"Field","name":{"kind":"Name","value":"sqn"}},{"kind":"Field","name":{"kind":"Name","value":"kellyCriterion"}}]}}]} as unknown as DocumentNode<BacktestQuery, BacktestQueryVariables>;
export const DashboardStrategiesDocument = {"__meta__":{"hash":"sha256:76b79ebb6a10f5ed7b6ffc43999f175faab9e659f4a60d6d607343fd536fa251"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardStrategies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"default"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entry"}},{"kind":"Field","name":{"kind":"Name","value":"exit"}},{"kind":"Field","name":{"kind":"Name","value":"shortEntry"}},{"kind":"Field","name":{"kind":"Name","value":"shortExit"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardStrategiesQuery, DashboardStrategiesQueryVariables>;
export const DashboardBacktestDocument = {"__meta__":{"hash":"sha256:c0d51cdf030ac34ad5b9474c1b302cf281cc1bcfa6c4f7e9ea5295137b0875c4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardBacktest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ticker"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"adjusted"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ticker"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ticker"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"adjusted"},"value":{"kind":"Variable","name":{"kind":"Name","value":"adjusted"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"barCount"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dates"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"close"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"backtest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"cached"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Stats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"equityCurve"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"equity"}},{"kind":"Field","name":{"kind":"Name","value":"drawdownPct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trades"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"entryDate"}},{"kind":"Field","name":{"kind":"Name","value":"exitDate"}},{"kind":"Field","name":{"kind":"Name","value":"entryPrice"}},{"kind":"Field","name":{"kind":"Name","value":"exitPrice"}},{"kind":"Field","name":{"kind":"Name","value":"pnl"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"commission"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalMs"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"exposureTimePct"}},{"kind":"Field","name":{"kind":"Name","value":"equityFinal"}},{"kind":"Field","name":{"kind":"Name","value":"equityPeak"}},{"kind":"Field","name":{"kind":"Name","value":"commissions"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"buyHoldReturnPct"}},{"kind":"Field","name":{"kind":"Name","value":"returnAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"volatilityAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"cagrPct"}},{"kind":"Field","name":{"kind":"Name","value":"sharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"sortinoRatio"}},{"kind":"Field","name":{"kind":"Name","value":"calmarRatio"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"bestTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"worstTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"maxTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}},{"kind":"Field","name":{"kind":"Name","value":"expectancyPct"}},{"kind":"Field","name":{"kind":"Name","value":"sqn"}},{"kind":"Field","name":{"kind":"Name","value":"kellyCriterion"}}]}}]} as unknown as DocumentNode<DashboardBacktestQuery, DashboardBacktestQueryVariables>;
export const DashboardStartOptimizationDocument = {"__meta__":{"hash":"sha256:e186d77c8c717041e601087ad04c60a32cd8da1c175017db1467c31b02267b8e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DashboardStartOptimization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OptimizeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startOptimization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardJob"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"runsDone"}},{"kind":"Field","name":{"kind":"Name","value":"runsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<DashboardStartOptimizationMutation, DashboardStartOptimizationMutationVariables>;
export const DashboardStartWalkForwardDocument = {"__meta__":{"hash":"sha256:bc3722eb0be048038803b27ccf29b779262e32588ab5b44a672a4f788e56d747"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DashboardStartWalkForward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WalkForwardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startWalkForward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardJob"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"runsDone"}},{"kind":"Field","name":{"kind":"Name","value":"runsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<DashboardStartWalkForwardMutation, DashboardStartWalkForwardMutationVariables>;
export const DashboardJobProgressDocument = {"__meta__":{"hash":"sha256:85a844b0c929ad7aef2198d3b176f5903c50205593a002e87e070ef9badc94b3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardJobProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardJob"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"runsDone"}},{"kind":"Field","name":{"kind":"Name","value":"runsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<DashboardJobProgressSubscription, DashboardJobProgressSubscriptionVariables>;
export const DashboardOptimizationResultDocument = {"__meta__":{"hash":"sha256:a8720a09079021e55f0e48c8b213d0c8f2b806434a3c4e3724f46ba876bc76b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardOptimizationResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"x"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"y"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardJob"}},{"kind":"Field","name":{"kind":"Name","value":"optimization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runCount"}},{"kind":"Field","name":{"kind":"Name","value":"elapsedMs"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"heatmap"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"x"},"value":{"kind":"Variable","name":{"kind":"Name","value":"x"}}},{"kind":"Argument","name":{"kind":"Name","value":"y"},"value":{"kind":"Variable","name":{"kind":"Name","value":"y"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"y"}},{"kind":"Field","name":{"kind":"Name","value":"xValues"}},{"kind":"Field","name":{"kind":"Name","value":"yValues"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"best"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"sharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRatePct"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"runsDone"}},{"kind":"Field","name":{"kind":"Name","value":"runsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<DashboardOptimizationResultQuery, DashboardOptimizationResultQueryVariables>;
export const DashboardWalkForwardResultDocument = {"__meta__":{"hash":"sha256:4b66c0035559fd8555b61adbf053f5c142a24655c12e4f7740f5d44e06bd5e25"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardWalkForwardResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardJob"}},{"kind":"Field","name":{"kind":"Name","value":"walkForward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"efficiency"}},{"kind":"Field","name":{"kind":"Name","value":"windows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainFrom"}},{"kind":"Field","name":{"kind":"Name","value":"trainTo"}},{"kind":"Field","name":{"kind":"Name","value":"testFrom"}},{"kind":"Field","name":{"kind":"Name","value":"testTo"}},{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"inSampleValue"}},{"kind":"Field","name":{"kind":"Name","value":"outOfSample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"sharpeRatio"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"outOfSample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Stats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"equityCurve"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"equity"}},{"kind":"Field","name":{"kind":"Name","value":"drawdownPct"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardJob"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"runsDone"}},{"kind":"Field","name":{"kind":"Name","value":"runsTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"exposureTimePct"}},{"kind":"Field","name":{"kind":"Name","value":"equityFinal"}},{"kind":"Field","name":{"kind":"Name","value":"equityPeak"}},{"kind":"Field","name":{"kind":"Name","value":"commissions"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"buyHoldReturnPct"}},{"kind":"Field","name":{"kind":"Name","value":"returnAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"volatilityAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"cagrPct"}},{"kind":"Field","name":{"kind":"Name","value":"sharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"sortinoRatio"}},{"kind":"Field","name":{"kind":"Name","value":"calmarRatio"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"bestTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"worstTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"maxTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}},{"kind":"Field","name":{"kind":"Name","value":"expectancyPct"}},{"kind":"Field","name":{"kind":"Name","value":"sqn"}},{"kind":"Field","name":{"kind":"Name","value":"kellyCriterion"}}]}}]} as unknown as DocumentNode<DashboardWalkForwardResultQuery, DashboardWalkForwardResultQueryVariables>;
export const OptimizationHeatmapDocument = {"__meta__":{"hash":"sha256:21e1239a2a1a87a194562bef3dd6061759a3182ed907d5410ec3c9c3a6963373"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OptimizationHeatmap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OptimizeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"optimizeStrategy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runCount"}},{"kind":"Field","name":{"kind":"Name","value":"elapsedMs"}},{"kind":"Field","name":{"kind":"Name","value":"best"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Stats"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"exposureTimePct"}},{"kind":"Field","name":{"kind":"Name","value":"equityFinal"}},{"kind":"Field","name":{"kind":"Name","value":"equityPeak"}},{"kind":"Field","name":{"kind":"Name","value":"commissions"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"buyHoldReturnPct"}},{"kind":"Field","name":{"kind":"Name","value":"returnAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"volatilityAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"cagrPct"}},{"kind":"Field","name":{"kind":"Name","value":"sharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"sortinoRatio"}},{"kind":"Field","name":{"kind":"Name","value":"calmarRatio"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"bestTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"worstTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"maxTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}},{"kind":"Field","name":{"kind":"Name","value":"expectancyPct"}},{"kind":"Field","name":{"kind":"Name","value":"sqn"}},{"kind":"Field","name":{"kind":"Name","value":"kellyCriterion"}}]}}]} as unknown as DocumentNode<OptimizationHeatmapMutation, OptimizationHeatmapMutationVariables>;
export const RunPortfolioDocument = {"__meta__":{"hash":"sha256:cf20233f2700f95d88b306c1375d86e8cfcbf30acd64b39c51b4ae9809ade605"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunPortfolio"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PortfolioBacktestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runPortfolioBacktest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PortfolioView"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"exposureTimePct"}},{"kind":"Field","name":{"kind":"Name","value":"equityFinal"}},{"kind":"Field","name":{"kind":"Name","value":"equityPeak"}},{"kind":"Field","name":{"kind":"Name","value":"commissions"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"buyHoldReturnPct"}},{"kind":"Field","name":{"kind":"Name","value":"returnAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"volatilityAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"cagrPct"}},{"kind":"Field","name":{"kind":"Name","value":"sharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"sortinoRatio"}},{"kind":"Field","name":{"kind":"Name","value":"calmarRatio"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"bestTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"worstTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"maxTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}},{"kind":"Field","name":{"kind":"Name","value":"expectancyPct"}},{"kind":"Field","name":{"kind":"Name","value":"sqn"}},{"kind":"Field","name":{"kind":"Name","value":"kellyCriterion"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PortfolioView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortfolioBacktest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Stats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"equityCurve"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"equity"}},{"kind":"Field","name":{"kind":"Name","value":"drawdownPct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holdings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"finalValue"}},{"kind":"Field","name":{"kind":"Name","value":"pnl"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"trades"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}}]}}]}}]} as unknown as DocumentNode<RunPortfolioMutation, RunPortfolioMutationVariables>;
export const PortfolioRunDocument = {"__meta__":{"hash":"sha256:891f4e6e7b44513ae341ef1b1194a59d5f91e29a0f1237792d496e714744c96a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortfolioRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portfolioBacktest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PortfolioView"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Stats"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestStats"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"durationDays"}},{"kind":"Field","name":{"kind":"Name","value":"exposureTimePct"}},{"kind":"Field","name":{"kind":"Name","value":"equityFinal"}},{"kind":"Field","name":{"kind":"Name","value":"equityPeak"}},{"kind":"Field","name":{"kind":"Name","value":"commissions"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"buyHoldReturnPct"}},{"kind":"Field","name":{"kind":"Name","value":"returnAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"volatilityAnnPct"}},{"kind":"Field","name":{"kind":"Name","value":"cagrPct"}},{"kind":"Field","name":{"kind":"Name","value":"sharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"sortinoRatio"}},{"kind":"Field","name":{"kind":"Name","value":"calmarRatio"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownPct"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgDrawdownDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRatePct"}},{"kind":"Field","name":{"kind":"Name","value":"bestTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"worstTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradePct"}},{"kind":"Field","name":{"kind":"Name","value":"maxTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"avgTradeDurationDays"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}},{"kind":"Field","name":{"kind":"Name","value":"expectancyPct"}},{"kind":"Field","name":{"kind":"Name","value":"sqn"}},{"kind":"Field","name":{"kind":"Name","value":"kellyCriterion"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PortfolioView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PortfolioBacktest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"Stats"}}]}},{"kind":"Field","name":{"kind":"Name","value":"equityCurve"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"equity"}},{"kind":"Field","name":{"kind":"Name","value":"drawdownPct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"holdings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"finalValue"}},{"kind":"Field","name":{"kind":"Name","value":"pnl"}},{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"trades"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"alphaPct"}},{"kind":"Field","name":{"kind":"Name","value":"beta"}}]}}]}}]} as unknown as DocumentNode<PortfolioRunQuery, PortfolioRunQueryVariables>;
export const RecentPortfoliosDocument = {"__meta__":{"hash":"sha256:7a7403f51e36b500494fd1ab3c8b522b6df7d7522971282eae75f32f171bd4e9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentPortfolios"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portfolioBacktests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnPct"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdownPct"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RecentPortfoliosQuery, RecentPortfoliosQueryVariables>;
export const PriceChartDocument = {"__meta__":{"hash":"sha256:effc99717e9d7999d48c968f8e1166503e387cd4eb0818d56d92a4b6a10a4cb4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PriceChart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ticker"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"adjusted"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ticker"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ticker"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"adjusted"},"value":{"kind":"Variable","name":{"kind":"Name","value":"adjusted"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"adjusted"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"barCount"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dates"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"close"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}}]}}]}}]}}]} as unknown as DocumentNode<PriceChartQuery, PriceChartQueryVariables>;
export const CompareChartDocument = {"__meta__":{"hash":"sha256:b69f133f1849ed731fb5c98053fa893f05ad737e0031c5b7305e88843b79a27f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompareChart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tickers"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceSeriesList"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tickers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tickers"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"barCount"}},{"kind":"Field","name":{"kind":"Name","value":"bars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"close"}}]}}]}}]}}]} as unknown as DocumentNode<CompareChartQuery, CompareChartQueryVariables>;
export const StrategyCatalogueDocument = {"__meta__":{"hash":"sha256:167456719cc55f0979e9c59e2e8dbdc2f979be33f7072ce893e55d940fddde5e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StrategyCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"strategies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"default"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<StrategyCatalogueQuery, StrategyCatalogueQueryVariables>;