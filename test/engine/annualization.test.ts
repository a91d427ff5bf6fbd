import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { benchmarkStats } from '../../src/engine/benchmark.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { expectClose, loadBars, rangeBars, sharedDataAvailable, warnIfNoSharedData } from './support/data.ts';

warnIfNoSharedData('engine annualization checks (EURUSD hourly, BTCUSD monthly, GOOG benchmark)');

/** Independent re-derivation of backtesting.py's periodic returns: last equity per calendar bucket. */
function bucketReturns(equity: Float64Array, time: Float64Array, keyOf: (iso: string) => string): number[] {
  const lasts = new Map<string, number>();
  time.forEach((t, k) => {
    lasts.set(keyOf(new Date(t).toISOString()), equity[k]);
  });
  const values = [...lasts.values()];
  return values.slice(1).map((v, k) => v / values[k] - 1);
}

function annualized(returns: number[], periodsPerYear: number) {
  const g = Math.exp(returns.reduce((s, r) => s + Math.log(1 + r), 0) / returns.length) - 1;
  const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
  const variance = returns.reduce((s, r) => s + (r - mean) ** 2, 0) / (returns.length - 1);
  return {
    returnAnnPct: ((1 + g) ** periodsPerYear - 1) * 100,
    volatilityAnnPct:
      Math.sqrt((variance + (1 + g) ** 2) ** periodsPerYear - (1 + g) ** (2 * periodsPerYear)) * 100,
  };
}

const weekendShare = (time: Float64Array) =>
  time.reduce((n, t) => n + ([0, 6].includes(new Date(t).getUTCDay()) ? 1 : 0), 0) / time.length;

describe.skipIf(!sharedDataAvailable)('annualization on reference data', () => {
  it('EURUSD (hourly, few weekend bars): daily buckets with D = 252, durations rounded up to whole hours', () => {
    const bars = loadBars('EURUSD.csv');
    expect(weekendShare(bars.time)).toBeLessThan((2 / 7) * 0.6);
    const { stats, equity, trades } = runBacktest({
      bars,
      strategy: smaCross,
      options: { finalizeTrades: true },
    });
    const returns = bucketReturns(equity, bars.time, (iso) => iso.slice(0, 10));
    const expected = annualized(returns, 252);
    expectClose(stats.returnAnnPct, expected.returnAnnPct, 1e-9);
    expectClose(stats.volatilityAnnPct, expected.volatilityAnnPct, 1e-9);
    expect(Math.abs(stats.returnAnnPct - annualized(returns, 365).returnAnnPct)).toBeGreaterThan(1e-3);
    expect(stats.start).toBe('2017-04-19T09:00:00');
    const hours = stats.maxTradeDurationDays * 24;
    expect(Math.abs(hours - Math.round(hours))).toBeLessThan(1e-9);
    const longest = Math.max(...trades.map((t) => (t.exitTime - t.entryTime) / 86_400_000));
    expectClose(stats.maxTradeDurationDays, longest, 1e-12);
    const avgHours = stats.avgTradeDurationDays * 24;
    const exactAvg = trades.reduce((s, t) => s + t.exitTime - t.entryTime, 0) / trades.length / 3_600_000;
    expect(avgHours).toBe(Math.ceil(exactAvg));
  });

  it('BTCUSD (month-end, P = 31 days): monthly buckets with D = 12 and CAGR over 365.25-day years', () => {
    const bars = loadBars('BTCUSD.csv');
    const { stats, equity } = runBacktest({
      bars,
      strategy: smaCross,
      params: { fast: 2, slow: 3 },
      options: { finalizeTrades: true },
    });
    const returns = bucketReturns(equity, bars.time, (iso) => iso.slice(0, 7));
    expect(returns).toHaveLength(bars.length - 1);
    const expected = annualized(returns, 12);
    expectClose(stats.returnAnnPct, expected.returnAnnPct, 1e-9);
    expectClose(stats.volatilityAnnPct, expected.volatilityAnnPct, 1e-9);
    const years = stats.durationDays / 365.25;
    expectClose(stats.cagrPct, ((equity.at(-1)! / equity[0]) ** (1 / years) - 1) * 100, 1e-9);
    expect(Number.isInteger(stats.maxTradeDurationDays)).toBe(true);
  });

  it('benchmarkStats against the traded series equals the run’s own Alpha and Beta; against another series it is β of log returns', () => {
    const bars = loadBars('GOOG.csv');
    const result = runBacktest({ bars, strategy: smaCross, options: { finalizeTrades: true } });
    const own = benchmarkStats(result.equity, bars.close, { startBar: result.warmupBars });
    expectClose(own.beta, result.stats.beta, 1e-12);
    expectClose(own.alphaPct, result.stats.alphaPct, 1e-12);
    const other = bars.close.map((c, k) => c * (1 + 0.1 * Math.sin(k / 7)));
    const lr = (xs: ArrayLike<number>) =>
      Array.from({ length: xs.length - 1 }, (_, k) => Math.log(xs[k + 1] / xs[k]));
    const [x, y] = [lr(result.equity), lr(other)];
    const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
    const [mx, my] = [mean(x), mean(y)];
    const beta =
      x.reduce((s, a, k) => s + (a - mx) * (y[k] - my), 0) / y.reduce((s, b) => s + (b - my) ** 2, 0);
    const vsOther = benchmarkStats(result.equity, other);
    expectClose(vsOther.beta, beta, 1e-9);
    const benchmarkReturnPct = (other.at(-1)! / other[0] - 1) * 100;
    expectClose(vsOther.alphaPct, result.stats.returnPct - beta * benchmarkReturnPct, 1e-9);
  });
});

describe('non-datetime index', () => {
  it('gives Return (Ann.) 0 and Calmar 0, NaN volatility/Sharpe/Sortino/CAGR, index-unit durations', () => {
    const close = [10, 11, 12, 11, 10, 9, 10, 12, 13, 12, 11];
    const bars = rangeBars({ open: close, high: close, low: close, close });
    const strategy = smaCross;
    const { stats, trades } = runBacktest({
      bars,
      strategy,
      params: { fast: 1, slow: 2 },
      options: { finalizeTrades: true },
    });
    expect(trades.length).toBeGreaterThan(1);
    expect(stats.maxDrawdownPct).toBeLessThan(0);
    expect(stats.returnAnnPct).toBe(0);
    expect(stats.calmarRatio).toBe(0);
    for (const key of ['volatilityAnnPct', 'sharpeRatio', 'sortinoRatio', 'cagrPct'] as const)
      expect(stats[key], key).toBeNaN();
    expect([stats.start, stats.end, stats.durationDays]).toEqual([0, 10, 10]);
    const durations = trades.map((t) => t.exitBar - t.entryBar);
    expect(stats.maxTradeDurationDays).toBe(Math.max(...durations));
    expectClose(stats.avgTradeDurationDays, durations.reduce((s, d) => s + d, 0) / durations.length, 1e-12);
  });
});
