import { betaOf, logReturns } from './benchmark.ts';
import { MS_PER_DAY, toIsoTime } from './calendar.ts';
import { drawdownEpisodes, drawdownFractions } from './stats-drawdown.ts';
import { nanMax, nanMean, pyPow } from './stats-math.ts';
import { type IndexProfile, periodReturnStats, profileIndex } from './stats-index.ts';
import { ceilDuration } from './stats-period.ts';
import { tradeStats } from './stats-trades.ts';
import type { ClosedTrade } from './strategy.ts';

/**
 * backtesting.py's statistics (its compute_stats) under the service's camelCase names. Durations are in days
 * (fractional for intraday data); with a non-datetime index, `start`/`end` are index values and
 * durations are in index units. NaN where the reference gives NaN; `cagrPct` is NaN for a
 * non-datetime index (the reference omits it) and `commissions` is 0 when it omits that key.
 */
export interface BacktestStats {
  start: string | number;
  end: string | number;
  durationDays: number;
  exposureTimePct: number;
  equityFinal: number;
  equityPeak: number;
  commissions: number;
  returnPct: number;
  buyHoldReturnPct: number;
  returnAnnPct: number;
  volatilityAnnPct: number;
  cagrPct: number;
  sharpeRatio: number;
  sortinoRatio: number;
  calmarRatio: number;
  alphaPct: number;
  beta: number;
  maxDrawdownPct: number;
  avgDrawdownPct: number;
  maxDrawdownDurationDays: number;
  avgDrawdownDurationDays: number;
  tradeCount: number;
  winRatePct: number;
  bestTradePct: number;
  worstTradePct: number;
  avgTradePct: number;
  maxTradeDurationDays: number;
  avgTradeDurationDays: number;
  profitFactor: number;
  expectancyPct: number;
  sqn: number;
  kellyCriterion: number;
}

export interface StatsInput {
  readonly equity: ArrayLike<number>;
  /** The bars' index and the close used for buy & hold and beta (any aligned price series). */
  readonly bars: {
    readonly time: ArrayLike<number>;
    readonly close: ArrayLike<number>;
    readonly isDatetime: boolean;
  };
  readonly trades: readonly ClosedTrade[];
  /** Buy & hold is measured from this bar (the strategy's warm-up). Default 0. */
  readonly warmupBars?: number;
  /** Annual risk-free rate in (−1, 1). Default 0. */
  readonly riskFreeRate?: number;
  /** Precomputed log returns of `bars.close` (see logReturns), to reuse across a sweep. */
  readonly closeLogReturns?: Float64Array;
  /** Precomputed profileIndex(bars.time, bars.isDatetime), to reuse across a sweep. */
  readonly index?: IndexProfile;
  /** Precomputed drawdownFractions(equity). */
  readonly drawdown?: Float64Array;
}

/** Computes every statistic of an equity curve and its closed trades. */
export function computeStats(input: StatsInput): BacktestStats {
  const { equity, bars, trades } = input;
  const { time, close, isDatetime } = bars;
  const rf = input.riskFreeRate ?? 0;
  const w = input.warmupBars ?? 0;
  const n = equity.length;
  if (n < 1 || time.length !== n || close.length !== n) {
    throw new RangeError(
      `equity (${n}), time (${time.length}) and close (${close.length}) must have one value per bar`,
    );
  }
  const index = input.index ?? profileIndex(time, isDatetime);
  const dd = input.drawdown ?? drawdownFractions(equity);
  const episodes = drawdownEpisodes(dd, time);
  const resolution = index.resolutionMs;
  const toDays = (value: number) => (isDatetime ? value / MS_PER_DAY : value);
  // The reference's fallback (no episode) yields raw drawdown fractions, which it leaves unrounded.
  const roundDays = (value: number) =>
    isDatetime && !episodes.fallback ? toDays(ceilDuration(value, resolution)) : value;
  const ts = tradeStats(trades, n, resolution);

  const durationMs = time[n - 1] - time[0];
  const returnPct = ((equity[n - 1] - equity[0]) / equity[0]) * 100;
  const buyHoldReturnPct = ((close[n - 1] - close[w]) / close[w]) * 100;

  const periodsPerYear = index.periodsPerYear;
  const equityLogReturns = logReturns(equity);
  let growth = 0;
  let variance = Number.NaN;
  let downside = Number.NaN;
  let cagrPct = Number.NaN;
  if (isDatetime) {
    ({ growth, variance, downside } = periodReturnStats(equity, index.bucketEnds, equityLogReturns));
    const days = Math.floor(durationMs / MS_PER_DAY);
    const seconds = Math.floor((durationMs - days * MS_PER_DAY) / 1000);
    const years = (days + seconds / 86400) / 365.25;
    cagrPct = years ? (pyPow(equity[n - 1] / equity[0], 1 / years) - 1) * 100 : Number.NaN;
  }
  const annualReturn = pyPow(1 + growth, periodsPerYear) - 1;
  const volatilityAnnPct =
    Math.sqrt(
      pyPow(variance + pyPow(1 + growth, 2), periodsPerYear) - pyPow(1 + growth, 2 * periodsPerYear),
    ) * 100;
  const ddMax = nanMax(dd);
  const maxDd = Number.isNaN(ddMax) ? 0 : ddMax;
  const beta = betaOf(equity, close, input.closeLogReturns, equityLogReturns);
  const formatTime = (t: number) => (isDatetime ? toIsoTime(t, index.dateOnly) : t);

  return {
    start: formatTime(time[0]),
    end: formatTime(time[n - 1]),
    durationDays: toDays(durationMs),
    exposureTimePct: ts.exposureTimePct,
    equityFinal: equity[n - 1],
    equityPeak: nanMax(equity),
    commissions: ts.commissions,
    returnPct,
    buyHoldReturnPct,
    returnAnnPct: annualReturn * 100,
    volatilityAnnPct,
    cagrPct,
    sharpeRatio: (annualReturn * 100 - rf * 100) / (volatilityAnnPct || Number.NaN),
    sortinoRatio: (annualReturn - rf) / (downside * Math.sqrt(periodsPerYear)),
    calmarRatio: annualReturn / (maxDd || Number.NaN),
    alphaPct: returnPct - rf * 100 - beta * (buyHoldReturnPct - rf * 100),
    beta,
    maxDrawdownPct: -maxDd * 100,
    avgDrawdownPct: -nanMean(episodes.peaks) * 100,
    maxDrawdownDurationDays: roundDays(nanMax(episodes.durations)),
    avgDrawdownDurationDays: roundDays(nanMean(episodes.durations)),
    tradeCount: ts.tradeCount,
    winRatePct: ts.winRatePct,
    bestTradePct: ts.bestTradePct,
    worstTradePct: ts.worstTradePct,
    avgTradePct: ts.avgTradePct,
    maxTradeDurationDays: toDays(ts.maxTradeDuration),
    avgTradeDurationDays: toDays(ts.avgTradeDuration),
    profitFactor: ts.profitFactor,
    expectancyPct: ts.expectancyPct,
    sqn: ts.sqn,
    kellyCriterion: ts.kellyCriterion,
  };
}
