import { runBacktest } from './backtest.ts';
import { barsFromColumns } from './bars.ts';
import { EngineError } from './errors.ts';
import type { PortfolioSimulation, PortfolioStrategy, ValidatedPortfolio } from './portfolio-types.ts';
import type { ClosedTrade, ParamSpecs } from './strategy.ts';

/**
 * Strategy mode: one backtest per holding on its own bars with cash·weight as its cash and the
 * portfolio's commission rate; the combined equity on the union calendar is the leftover cash
 * plus each holding's equity, carried forward on dates without its bar and equal to its initial
 * cash before its first bar. A holding with weight 0 is not run.
 */
export function simulateStrategies<S extends ParamSpecs>(
  p: ValidatedPortfolio,
  strategy: PortfolioStrategy<S>,
): PortfolioSimulation {
  const n = p.calendar.length;
  const leftover = p.weights.reduce((rest, w) => rest - p.cash * w, p.cash);
  const equity = new Float64Array(n).fill(leftover);
  const trades: ClosedTrade[] = [];
  const holdings = p.series.map((s, j) => {
    const initial = p.cash * p.weights[j];
    const base = { ticker: s.ticker, weight: p.weights[j] };
    if (initial === 0) return { ...base, finalValue: 0, pnl: 0, trades: 0, stats: null };
    const { open, high, low } = s;
    if (open === undefined || high === undefined || low === undefined) {
      throw new EngineError(`series.${j}`, `${s.ticker}: strategy mode needs open, high and low`);
    }
    const bars = barsFromColumns(
      { time: s.time, open, high, low, close: s.close, volume: s.volume },
      { isDatetime: true },
    );
    const result = runBacktest({
      bars,
      strategy: strategy.definition,
      params: strategy.params,
      options: { finalizeTrades: true, ...strategy.options, cash: initial, commission: p.commissionRate },
    });
    const barAt = p.barAt[j];
    const calendarIndex = new Int32Array(s.time.length);
    let value = initial;
    for (let k = 0; k < n; k++) {
      if (barAt[k] >= 0) {
        value = result.equity[barAt[k]];
        calendarIndex[barAt[k]] = k;
      }
      equity[k] += value;
    }
    for (const trade of result.trades) {
      trades.push({
        ...trade,
        entryBar: calendarIndex[trade.entryBar],
        exitBar: calendarIndex[trade.exitBar],
      });
    }
    const finalValue = result.stats.equityFinal;
    return {
      ...base,
      finalValue,
      pnl: finalValue - initial,
      trades: result.trades.length,
      stats: result.stats,
    };
  });
  return { equity, holdings, trades };
}
