import type { Bars } from './bars.ts';

/**
 * The strategy API. A strategy is a declaration: typed, bounded params and an `init` that runs
 * once with the full-length bars, computes its indicators and returns `{ next }`. The engine
 * calls `next(ctx)` once per bar i (from the warm-up on); `next` may read bars 0..i only:
 * use `ctx.i` with the arrays captured in `init`, or the accessors `ctx.close(-1)` (bar i),
 * `ctx.close(-2)` (bar i−1), `ctx.value(array, -1)`, which refuse later bars. Orders placed in
 * `next` at bar i are first considered against bar i+1 (a market order fills at Open[i+1]).
 */

export type ParamType = 'int' | 'float' | 'boolean';

export interface NumberParamSpec {
  readonly type: 'int' | 'float';
  readonly default: number;
  readonly min?: number;
  readonly max?: number;
  readonly description: string;
}

export interface BooleanParamSpec {
  readonly type: 'boolean';
  readonly default: boolean;
  readonly description: string;
}

export type ParamSpec = NumberParamSpec | BooleanParamSpec;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The param values a declaration yields: numbers for int/float, booleans for boolean. */
export type ParamValues<S extends ParamSpecs> = {
  readonly [K in keyof S]: S[K] extends BooleanParamSpec ? boolean : number;
};

/** An indicator: one series of length N, or k rows of length N (e.g. MACD line and signal). */
export type Indicator = Float64Array | readonly Float64Array[];

/**
 * Memo of indicator arrays by key, valid for ONE bars series. An optimization sweep passes the
 * same cache to every run on the same series so each (indicator, params) is computed once.
 * Cached arrays are shared: strategies must never write into an indicator array.
 */
export type IndicatorCache = Map<string, Indicator>;

export interface IndicatorOptions {
  /**
   * Whether the indicator delays the first `next()` until it has a value (the reference's
   * attribute indicators; default true). Pass false for the equivalent of `scatter=True` or of
   * an indicator not stored on the strategy.
   */
  readonly warmup?: boolean;
}

export interface InitContext<P> {
  /** Full-length bars. Only `init` may look at all of them. */
  readonly bars: Bars;
  readonly params: P;
  /**
   * Registers an indicator (the reference's `I()`): returns `compute()`'s array, memoized by
   * `key` in the caller's cache. The key must identify the computation on these bars, e.g.
   * `sma(close,10)`. Every registered indicator counts for the warm-up unless `warmup: false`.
   */
  indicator<T extends Indicator>(key: string, compute: () => T, options?: IndicatorOptions): T;
}

export type OrderTag = string | number;

/** A price of 0, null or undefined means "not set" (the reference's falsy → None). */
export interface OrderRequest {
  /** A fraction of available margin in (0, 1), or a whole number of units ≥ 1. Default 1 − 2⁻⁵². */
  readonly size?: number;
  readonly limit?: number | null;
  readonly stop?: number | null;
  readonly sl?: number | null;
  readonly tp?: number | null;
  readonly tag?: OrderTag | null;
}

export interface OrderHandle {
  /** Signed: negative for sell orders. A fraction in (−1, 1) is relative to available margin. */
  readonly size: number;
  readonly limit: number | null;
  readonly stop: number | null;
  readonly sl: number | null;
  readonly tp: number | null;
  readonly tag: OrderTag | null;
  /** True for the SL/TP orders of a trade. */
  readonly isContingent: boolean;
  cancel(): void;
}

export interface TradeHandle {
  /** Signed units: negative for shorts. */
  readonly size: number;
  readonly entryPrice: number;
  readonly entryBar: number;
  readonly entryTime: number;
  readonly tag: OrderTag | null;
  readonly isLong: boolean;
  /** Unrealized profit at the current close, before exit commission. */
  readonly pnl: number;
  /** Setting replaces the trade's stop-loss order; null (or 0) cancels it. */
  sl: number | null;
  /** Setting replaces the trade's take-profit order; null (or 0) cancels it. */
  tp: number | null;
  /** Places a market order closing `portion` (0, 1] of the trade (at least one unit). */
  close(portion?: number): void;
}

export interface PositionHandle {
  /** Sum of open trade sizes (negative when net short). */
  readonly size: number;
  /** Unrealized profit of all open trades at the current close. */
  readonly pnl: number;
  readonly isLong: boolean;
  readonly isShort: boolean;
  /** Closes `portion` of every open trade (see TradeHandle.close). */
  close(portion?: number): void;
}

/** A closed trade (or the closed part of a partially closed trade), as plain data. */
export interface ClosedTrade {
  readonly size: number;
  readonly entryBar: number;
  readonly exitBar: number;
  readonly entryPrice: number;
  readonly exitPrice: number;
  readonly sl: number | null;
  readonly tp: number | null;
  /** size·(exit − entry) − commission. */
  readonly pnl: number;
  /** Entry plus exit commission of this (part of the) trade. */
  readonly commission: number;
  /** Return in percent: (sign·(exit/entry − 1) − commission/(|size|·entry))·100. */
  readonly returnPct: number;
  readonly entryTime: number;
  readonly exitTime: number;
  readonly tag: OrderTag | null;
}

export interface NextContext {
  /** The current bar index; `next` may read bars 0..i only. */
  readonly i: number;
  /** Full-length bars: read indices ≤ i only. */
  readonly bars: Bars;
  /** `ago` −1 = bar i, −2 = bar i−1, …; a later bar throws. */
  open(ago?: number): number;
  high(ago?: number): number;
  low(ago?: number): number;
  close(ago?: number): number;
  volume(ago?: number): number;
  time(ago?: number): number;
  /** `series[i + 1 + ago]` for an indicator or any full-length array; a later bar throws. */
  value(series: ArrayLike<number>, ago?: number): number;
  /** Cash plus unrealized profit of open trades at Close[i]. */
  readonly equity: number;
  readonly cash: number;
  readonly position: PositionHandle;
  /** Open trades, oldest first (live view: do not keep across bars). */
  readonly trades: readonly TradeHandle[];
  readonly closedTrades: readonly ClosedTrade[];
  /** Pending orders in queue order (live view). */
  readonly orders: readonly OrderHandle[];
  buy(request?: OrderRequest): OrderHandle;
  /** Like buy, with the size negated (pass a positive size). */
  sell(request?: OrderRequest): OrderHandle;
}

export interface StrategyInstance {
  next(ctx: NextContext): void;
}

export interface ParamError {
  readonly param: string;
  readonly message: string;
}

export interface StrategyDefinition<S extends ParamSpecs = ParamSpecs> {
  readonly name: string;
  readonly description: string;
  readonly params: S;
  /** Cross-param checks after each param passed its own bounds (e.g. fast < slow). */
  readonly validate?: (params: ParamValues<S>) => readonly ParamError[];
  init(ctx: InitContext<ParamValues<S>>): StrategyInstance;
}

/** Declares a strategy; params are typed from the declaration. */
export function defineStrategy<const S extends ParamSpecs>(
  definition: StrategyDefinition<S>,
): StrategyDefinition<S> {
  return Object.freeze({ ...definition });
}
