import { ceilDuration } from './stats-period.ts';
import { geometricMean, nanMax, nanMean, nanMin, nanVariance } from './stats-math.ts';
import type { ClosedTrade } from './strategy.ts';

export interface TradeStats {
  readonly tradeCount: number;
  readonly winRatePct: number;
  readonly bestTradePct: number;
  readonly worstTradePct: number;
  readonly avgTradePct: number;
  /** In index units (ms for a datetime index), rounded up to `resolution`. */
  readonly maxTradeDuration: number;
  readonly avgTradeDuration: number;
  readonly profitFactor: number;
  readonly expectancyPct: number;
  readonly sqn: number;
  readonly kellyCriterion: number;
  readonly commissions: number;
  /** Share of all bars inside [entryBar, exitBar] of some trade, in percent. */
  readonly exposureTimePct: number;
}

/** backtesting.py's trade statistics; `resolution` 0 means durations are not rounded. */
export function tradeStats(trades: readonly ClosedTrade[], barCount: number, resolution: number): TradeStats {
  const n = trades.length;
  const returns = new Float64Array(n);
  const pnls = new Float64Array(n);
  const durations = new Float64Array(n);
  let wins = 0;
  let positiveSum = 0;
  let negativeSum = 0;
  let winPnlSum = 0;
  let lossPnlSum = 0;
  let losses = 0;
  let commissions = 0;
  const covered = new Uint8Array(barCount);
  for (let k = 0; k < n; k++) {
    const t = trades[k];
    const r = t.returnPct / 100;
    returns[k] = r;
    pnls[k] = t.pnl;
    durations[k] = t.exitTime - t.entryTime;
    commissions += t.commission;
    if (r > 0) positiveSum += r;
    if (r < 0) negativeSum += r;
    if (t.pnl > 0) {
      wins++;
      winPnlSum += t.pnl;
    } else if (t.pnl < 0) {
      losses++;
      lossPnlSum += t.pnl;
    }
    covered.fill(1, t.entryBar, t.exitBar + 1);
  }
  let exposed = 0;
  for (let k = 0; k < barCount; k++) exposed += covered[k];
  const winRate = n === 0 ? Number.NaN : wins / n;
  const pnlStd = Math.sqrt(nanVariance(pnls));
  const round = (value: number) => (resolution > 0 ? ceilDuration(value, resolution) : value);
  const avgWin = wins === 0 ? Number.NaN : winPnlSum / wins;
  const avgLoss = losses === 0 ? Number.NaN : lossPnlSum / losses;
  return {
    tradeCount: n,
    winRatePct: winRate * 100,
    bestTradePct: nanMax(returns) * 100,
    worstTradePct: nanMin(returns) * 100,
    avgTradePct: geometricMean(returns) * 100,
    maxTradeDuration: round(nanMax(durations)),
    avgTradeDuration: round(nanMean(durations)),
    profitFactor: positiveSum / (Math.abs(negativeSum) || Number.NaN),
    expectancyPct: nanMean(returns) * 100,
    sqn: (Math.sqrt(n) * nanMean(pnls)) / (pnlStd || Number.NaN),
    kellyCriterion: winRate - (1 - winRate) / (avgWin / -avgLoss),
    commissions,
    exposureTimePct: (exposed / barCount) * 100,
  };
}
