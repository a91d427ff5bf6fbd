import { EngineError } from './errors.ts';
import { alignToCalendar, type Rebalance, unionCalendar } from './portfolio-calendar.ts';
import { simulateStrategies } from './portfolio-strategy.ts';
import type { PortfolioInput, PortfolioResult, ValidatedPortfolio } from './portfolio-types.ts';
import { simulateTargetWeights } from './portfolio-weights.ts';
import { computeStats } from './stats.ts';
import type { ParamSpecs } from './strategy.ts';

const REBALANCES: readonly Rebalance[] = ['NEVER', 'MONTHLY', 'QUARTERLY', 'YEARLY'];
const WEIGHT_SUM_TOLERANCE = 1e-9;

/**
 * A portfolio backtest on the union of the holdings' dates, in target-weight mode (buy at the
 * first close, optional periodic rebalancing; see simulateTargetWeights) or, with `strategy`, in
 * strategy mode (one backtest per holding, equity curves combined; see simulateStrategies).
 * Pure. Throws EngineError naming the field at fault (`series.<i>`, `weights`, `cash`, …).
 */
export function runPortfolio<S extends ParamSpecs>(input: PortfolioInput<S>): PortfolioResult {
  const p = validatePortfolio(input);
  const simulation = input.strategy ? simulateStrategies(p, input.strategy) : simulateTargetWeights(p);
  const { equity } = simulation;
  const n = equity.length;
  const drawdownPct = new Float64Array(n);
  let peak = equity[0];
  for (let k = 0; k < n; k++) {
    peak = Math.max(peak, equity[k]);
    drawdownPct[k] = (1 - equity[k] / peak) * 100;
  }
  const stats = computeStats({
    equity,
    bars: { time: p.calendar, close: equity, isDatetime: true },
    trades: simulation.trades,
  });
  const holdings = simulation.holdings.map((h) => ({
    ...h,
    returnPct: (h.pnl / (p.cash * h.weight)) * 100,
  }));
  return { time: p.calendar, equity, drawdownPct, holdings, trades: simulation.trades, stats };
}

function validatePortfolio<S extends ParamSpecs>(input: PortfolioInput<S>): ValidatedPortfolio {
  const { series, weights } = input;
  if (series.length === 0) throw new EngineError('series', 'a portfolio needs at least one holding');
  if (weights.length !== series.length) {
    throw new EngineError('weights', `${weights.length} weights for ${series.length} holdings`);
  }
  let sum = 0;
  weights.forEach((w, j) => {
    if (!(Number.isFinite(w) && w >= 0))
      throw new EngineError(`weights.${j}`, `weight ${j} must be a number ≥ 0`);
    sum += w;
  });
  if (sum > 1 + WEIGHT_SUM_TOLERANCE) throw new EngineError('weights', `weights sum to ${sum}, more than 1`);
  if (!(Number.isFinite(input.cash) && input.cash > 0))
    throw new EngineError('cash', 'cash must be positive');
  const commissionRate = input.commissionRate ?? 0;
  if (!(commissionRate >= -0.1 && commissionRate < 0.1)) {
    throw new EngineError('commissionRate', `commissionRate must be in [-0.1, 0.1), got ${commissionRate}`);
  }
  const rebalance = input.rebalance ?? 'NEVER';
  if (!REBALANCES.includes(rebalance)) {
    throw new EngineError('rebalance', `rebalance must be one of ${REBALANCES.join(', ')}`);
  }
  const tickers = new Set<string>();
  series.forEach((s, j) => {
    if (tickers.has(s.ticker)) throw new EngineError(`series.${j}`, `${s.ticker} appears more than once`);
    tickers.add(s.ticker);
    if (s.time.length === 0) throw new EngineError(`series.${j}`, `${s.ticker} has no bars`);
    if (s.close.length !== s.time.length) {
      throw new EngineError(
        `series.${j}.close`,
        `${s.ticker}: ${s.close.length} closes for ${s.time.length} dates`,
      );
    }
    for (let k = 0; k < s.time.length; k++) {
      if (!Number.isFinite(s.time[k]) || (k > 0 && s.time[k] <= s.time[k - 1])) {
        throw new EngineError(`series.${j}.time`, `${s.ticker}: dates must be finite and strictly ascending`);
      }
      if (!(Number.isFinite(s.close[k]) && s.close[k] > 0)) {
        throw new EngineError(
          `series.${j}.close`,
          `${s.ticker}: close at bar ${k} must be a positive number`,
        );
      }
    }
  });
  const calendar = unionCalendar(series.map((s) => s.time));
  if (calendar.length < 2) throw new EngineError('series', 'a portfolio backtest needs at least 2 dates');
  const barAt = series.map((s) => alignToCalendar(calendar, s.time));
  return { series, weights, cash: input.cash, commissionRate, rebalance, calendar, barAt };
}
