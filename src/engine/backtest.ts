import { type Bars, validateBars } from './bars.ts';
import { Broker } from './broker.ts';
import { StrategyContext } from './context.ts';
import { EngineError } from './errors.ts';
import { fillOrders } from './fill-orders.ts';
import { type BacktestOptions, resolveOptions } from './options.ts';
import { resolveParams } from './params.ts';
import { seriesStatsInputs } from './series-memo.ts';
import { type BacktestStats, computeStats } from './stats.ts';
import { drawdownFractions } from './stats-drawdown.ts';
import type {
  ClosedTrade,
  Indicator,
  IndicatorCache,
  InitContext,
  OrderTag,
  ParamSpecs,
  ParamValues,
  StrategyDefinition,
} from './strategy.ts';
import { hasValue, indicatorWarmup } from './warmup.ts';

/** An open trade at the end of the data (only when trades are not finalized). */
export interface OpenTradeSnapshot {
  readonly size: number;
  readonly entryBar: number;
  readonly entryPrice: number;
  readonly entryTime: number;
  readonly sl: number | null;
  readonly tp: number | null;
  /** Unrealized profit at the last close, before exit commission. */
  readonly pnl: number;
  readonly tag: OrderTag | null;
}

export interface BacktestInput<S extends ParamSpecs> {
  readonly bars: Bars;
  readonly strategy: StrategyDefinition<S>;
  /** Raw params; validated with resolveParams (defaults filled). */
  readonly params?: Partial<ParamValues<S>> | Readonly<Record<string, unknown>>;
  readonly options?: BacktestOptions;
  /** Indicator memo for these bars, shared across runs of a sweep. */
  readonly indicatorCache?: IndicatorCache;
}

export interface BacktestResult {
  /** Closed trades in order of closing (partial closes are separate records). */
  readonly trades: ClosedTrade[];
  readonly openTrades: OpenTradeSnapshot[];
  readonly equity: Float64Array;
  /** Drawdown from the running equity peak, in percent (0 … 100). */
  readonly drawdownPct: Float64Array;
  readonly stats: BacktestStats;
  /** Bars before the first `next()` minus one (the reference's warm-up w). */
  readonly warmupBars: number;
  /** True when a warm-up indicator has no value on any bar (its window is longer than the data). */
  readonly neverWarm: boolean;
  /** True when equity reached 0 and the simulation stopped. */
  readonly ruined: boolean;
}

/**
 * Runs one backtest with backtesting.py 0.6.6's semantics: warm-up, then for each bar i
 * the broker step (fill pending orders, record equity, stop on ruin) followed by `next()`.
 * Pure: same input, same output. Throws EngineError on invalid bars, params, options or orders.
 */
export function runBacktest<S extends ParamSpecs>(input: BacktestInput<S>): BacktestResult {
  const { bars, strategy } = input;
  const n = bars.length;
  if (n < 2) throw new EngineError('bars', `a backtest needs at least 2 bars, got ${n}`);
  validateBars(bars);
  const options = resolveOptions(input.options);
  const resolved = resolveParams(strategy, input.params as Record<string, unknown> | undefined);
  if (!resolved.ok) {
    const first = resolved.errors[0];
    throw new EngineError(`params.${first.param}`, resolved.errors.map((e) => e.message).join('; '));
  }

  let warmup = 0;
  let neverWarm = false;
  const cache = input.indicatorCache;
  const initContext: InitContext<ParamValues<S>> = {
    bars,
    params: resolved.params,
    indicator<T extends Indicator>(key: string, compute: () => T, opts?: { warmup?: boolean }): T {
      let value = cache?.get(key) as T | undefined;
      if (value === undefined) {
        value = compute();
        cache?.set(key, value);
      }
      if (opts?.warmup !== false) {
        warmup = Math.max(warmup, indicatorWarmup(value));
        neverWarm ||= !hasValue(value);
      }
      return value;
    },
  };
  const instance = strategy.init(initContext);

  const broker = new Broker(bars, options);
  const context = new StrategyContext(bars, broker);
  const equity = new Float64Array(n).fill(Number.NaN);
  let ruined = false;
  for (let i = warmup + 1; i < n; i++) {
    if (!brokerStep(broker, equity, i)) {
      ruined = true;
      break;
    }
    context.i = i;
    instance.next(context);
  }
  if (!ruined && options.finalizeTrades) {
    for (let k = broker.trades.length - 1; k >= 0; k--) broker.trades[k].close();
    ruined = !brokerStep(broker, equity, n - 1);
  }
  backfill(equity, broker.cash);

  const drawdown = drawdownFractions(equity);
  const trades = broker.closedTrades;
  const stats = computeStats({
    equity,
    bars,
    trades,
    warmupBars: warmup,
    riskFreeRate: options.riskFreeRate,
    drawdown,
    ...seriesStatsInputs(bars, cache),
  });
  // The fractions are not needed after the statistics: turn them into percent in place.
  const drawdownPct = drawdown;
  for (let k = 0; k < n; k++) drawdownPct[k] *= 100;
  const openTrades = broker.trades.map((t) => ({
    size: t.size,
    entryBar: t.entryBar,
    entryPrice: t.entryPrice,
    entryTime: t.entryTime,
    sl: t.sl,
    tp: t.tp,
    pnl: t.pnl,
    tag: t.tag,
  }));
  return { trades, openTrades, equity, drawdownPct, stats, warmupBars: warmup, neverWarm, ruined };
}

/** The broker step for bar i: fill pending orders, record equity; false on ruin (equity ≤ 0). */
function brokerStep(broker: Broker, equity: Float64Array, i: number): boolean {
  broker.i = i;
  if (broker.orders.length > 0) fillOrders(broker);
  const value = broker.trades.length === 0 ? broker.cash : broker.equity();
  equity[i] = value;
  if (value <= 0) {
    broker.ruin();
    equity.fill(0, i);
    return false;
  }
  return true;
}

/** Bars before the first recorded value take that value; with none recorded, the cash. */
function backfill(equity: Float64Array, cash: number): void {
  let first = 0;
  while (first < equity.length && Number.isNaN(equity[first])) first++;
  if (first < equity.length) equity.fill(equity[first], 0, first);
  let gaps = false;
  for (let k = first; k < equity.length; k++) if (Number.isNaN(equity[k])) gaps = true;
  if (!gaps) return;
  let next = Number.NaN;
  for (let k = equity.length - 1; k >= 0; k--) {
    if (Number.isNaN(equity[k])) equity[k] = next;
    else next = equity[k];
  }
  for (let k = 0; k < equity.length; k++) if (Number.isNaN(equity[k])) equity[k] = cash;
}
