import type { PortfolioSimulation, ValidatedPortfolio } from './portfolio-types.ts';
import { rebalanceDays } from './portfolio-calendar.ts';

/** A trade smaller than this fraction of its target is dust and not executed. */
const DUST = 1e-9;

/**
 * Target-weight mode. On the first calendar date each holding with a bar is bought to
 * weight·cash at its close; a holding whose first bar comes later keeps weight·equity (as of
 * the last allocation) in cash and is bought with it at its first close. On each rebalance date
 * every holding with a bar that day is traded back to weight·equity, equity valued at that day's
 * closes (carried closes for holdings without a bar) before any trade. Shares are fractional;
 * each trade pays rate·|traded value| from cash (cash may dip below 0 by the commissions when the
 * weights sum to 1). A holding without a bar on a date is not traded; its last close values it.
 */
export function simulateTargetWeights(p: ValidatedPortfolio): PortfolioSimulation {
  const m = p.series.length;
  const n = p.calendar.length;
  const rebalance = rebalanceDays(p.calendar, p.rebalance);
  const shares = new Float64Array(m);
  const lastClose = new Float64Array(m);
  const started = new Uint8Array(m);
  const reserved = new Float64Array(m);
  const invested = new Float64Array(m);
  const fills = new Int32Array(m);
  const equity = new Float64Array(n);
  let cash = p.cash;

  const holdingsValue = () => {
    let sum = 0;
    for (let j = 0; j < m; j++) if (started[j]) sum += shares[j] * lastClose[j];
    return sum;
  };
  const tradeTo = (j: number, targetValue: number) => {
    const delta = targetValue - shares[j] * lastClose[j];
    if (Math.abs(delta) <= DUST * Math.abs(targetValue)) return;
    const commission = p.commissionRate * Math.abs(delta);
    shares[j] += delta / lastClose[j];
    cash -= delta + commission;
    invested[j] += delta + commission;
    fills[j]++;
  };

  for (let k = 0; k < n; k++) {
    for (let j = 0; j < m; j++) {
      const bar = p.barAt[j][k];
      if (bar >= 0) lastClose[j] = p.series[j].close[bar];
    }
    const allocate = k === 0 || rebalance[k] === 1;
    const value = allocate ? cash + holdingsValue() : 0;
    for (let j = 0; j < m; j++) {
      const hasBar = p.barAt[j][k] >= 0;
      if (allocate) {
        if (hasBar) tradeTo(j, p.weights[j] * value);
        else if (!started[j]) reserved[j] = p.weights[j] * value;
      } else if (hasBar && !started[j]) {
        tradeTo(j, reserved[j]);
      }
      if (hasBar) started[j] = 1;
    }
    equity[k] = cash + holdingsValue();
  }

  const holdings = p.series.map((s, j) => {
    const finalValue = started[j] ? shares[j] * lastClose[j] : 0;
    const pnl = finalValue - invested[j];
    return { ticker: s.ticker, weight: p.weights[j], finalValue, pnl, trades: fills[j], stats: null };
  });
  return { equity, holdings, trades: [] };
}
