import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { barsFromColumns, type Bars } from '../../src/engine/bars.ts';
import { sma } from '../../src/engine/indicators/sma.ts';
import { drawdownEpisodes } from '../../src/engine/stats-drawdown.ts';
import { smaCross } from '../../src/strategies/sma-cross.ts';
import { headBars, loadBars, rangeBars, sharedDataAvailable, warnIfNoSharedData } from './support/data.ts';
import { scripted } from './support/scripted.ts';

warnIfNoSharedData('engine statistics cross-checks from backtesting.py tests (GOOG, BTCUSD)');

const cents = (x: number) => Math.round(x * 100) / 100;

describe.skipIf(!sharedDataAvailable)(
  'statistics cross-checks from backtesting.py tests on reference data',
  () => {
    const goog = sharedDataAvailable ? loadBars('GOOG.csv') : undefined;
    /** Buy at the first next() (bar 1, fills bar 2), close at the next one (fills bar 3). */
    const buyThenClose = scripted((ctx) => {
      if (ctx.i === 1) ctx.buy();
      else if (ctx.i === 2) ctx.position.close();
    });

    it('test_spread_commission: spread .01 with commission .01', () => {
      const bars = headBars(goog!, 20);
      const { equity, trades } = runBacktest({
        bars,
        strategy: buyThenClose,
        options: { spread: 0.01, commission: 0.01 },
      });
      const entry = bars.open[2] * 1.01;
      expect(trades[0].entryPrice).toBeCloseTo(111.8575, 12);
      expect(trades[0].size).toBe(88);
      const expected2 = 10_000 - 88 * entry * 0.01 + 88 * (bars.close[2] - entry);
      const expected3 = 10_000 - 88 * entry * 0.01 + 88 * (bars.open[3] - entry) - 88 * bars.open[3] * 0.01;
      expect(equity[2]).toBeCloseTo(expected2, 9);
      expect(equity[3]).toBeCloseTo(expected3, 9);
      expect([cents(equity[2]), cents(equity[3])]).toEqual([9685.31, 9749.33]);
    });

    it('test_spread_commission: fixed plus relative commission (100, .01) and a commission function', () => {
      const bars = headBars(goog!, 20);
      const fixed = runBacktest({
        bars,
        strategy: buyThenClose,
        options: { commission: { fixed: 100, rate: 0.01 } },
      });
      expect(fixed.trades[0].size).toBe(47);
      expect([cents(fixed.equity[2]), cents(fixed.equity[3])]).toEqual([9784.5, 9718.69]);
      const callable = runBacktest({
        bars,
        strategy: buyThenClose,
        options: { commission: (size, price) => Math.abs(size) * price * 0.01 },
      });
      expect(callable.trades[0].size).toBe(89);
      expect([cents(callable.equity[2]), cents(callable.equity[3])]).toEqual([9781.28, 9846.04]);
    });

    it('test_stats_annualized: weekly GOOG, SmaCross(10, 30), finalized → Return (Ann.) −3.45% with D = 52', () => {
      const weekly = toWeekly(goog!);
      expect(weekly.length).toBe(446);
      const { stats } = runBacktest({ bars: weekly, strategy: smaCross, options: { finalizeTrades: true } });
      expect(stats.tradeCount).toBe(18);
      expect(Math.round(stats.returnAnnPct)).toBe(-3);
      expect(stats.returnAnnPct).toBeCloseTo(-3.4500351949939057, 9);
    });

    it('test_FractionalBacktest: BTCUSD from 2015 in micro-units, cash 100, SmaCross(2, 3), finalized', () => {
      const btc = loadBars('BTCUSD.csv');
      const from = btc.time.findIndex((t) => t >= Date.UTC(2015, 0, 1));
      const unit = 1e-6;
      const scale = (a: Float64Array) => a.slice(from).map((x) => x * unit);
      const bars = barsFromColumns(
        {
          time: btc.time.slice(from),
          open: scale(btc.open),
          high: scale(btc.high),
          low: scale(btc.low),
          close: scale(btc.close),
        },
        { isDatetime: true },
      );
      const { trades } = runBacktest({
        bars,
        strategy: smaCross,
        params: { fast: 2, slow: 3 },
        options: { cash: 100, finalizeTrades: true },
      });
      expect(trades).toHaveLength(42);
      expect(trades[0].entryPrice / unit).toBeCloseTo(236.69, 9);
      const fastSma = sma(btc.close.slice(from), 2);
      expect(fastSma[trades[0].entryBar]).toBeCloseTo(234.14, 9);
    });

    it('edge values: no trades on GOOG first 100 bars', () => {
      const { stats } = runBacktest({ bars: headBars(goog!, 100), strategy: scripted(() => {}) });
      expect(stats.returnAnnPct).toBe(0);
      expect(stats.volatilityAnnPct).toBe(0);
      expect(stats.cagrPct).toBe(0);
      expect(stats.alphaPct).toBe(0);
      expect(stats.beta).toBe(0);
      expect(Object.is(stats.maxDrawdownPct, -0)).toBe(true);
      expect(stats.tradeCount).toBe(0);
      for (const key of [
        'sharpeRatio',
        'sortinoRatio',
        'calmarRatio',
        'avgDrawdownPct',
        'maxDrawdownDurationDays',
        'avgDrawdownDurationDays',
        'winRatePct',
        'bestTradePct',
        'worstTradePct',
        'avgTradePct',
        'maxTradeDurationDays',
        'avgTradeDurationDays',
        'profitFactor',
        'expectancyPct',
        'sqn',
        'kellyCriterion',
      ] as const) {
        expect(stats[key], key).toBeNaN();
      }
    });

    it('edge values: one winning trade leaves Profit Factor, SQN and Kelly undefined', () => {
      const bars = headBars(goog!, 100);
      const { stats, trades } = runBacktest({
        bars,
        strategy: scripted((ctx) => {
          if (ctx.i === 1) ctx.sell({ size: 10 });
          if (ctx.i === 3) ctx.position.close();
        }),
      });
      expect(trades).toHaveLength(1);
      expect(trades[0].pnl).toBeGreaterThan(0);
      expect(stats.winRatePct).toBe(100);
      expect(stats.profitFactor).toBeNaN();
      expect(stats.sqn).toBeNaN();
      expect(stats.kellyCriterion).toBeNaN();
      expect(stats.expectancyPct).toBeCloseTo(trades[0].returnPct, 12);
    });
  },
);

describe('statistics cross-checks from backtesting.py tests on synthetic data', () => {
  it('test_commissions: fixed plus relative commission charged at entry and exit, TP fills at the better open', () => {
    const prices = [1, 1, 1, 2, 4, 1, 2];
    const bars = rangeBars({ open: prices, high: prices, low: prices, close: prices });
    const strategy = scripted((ctx) => ctx.i === 1 && ctx.buy({ size: 100, tp: 3 }));
    const { stats, trades } = runBacktest({
      bars,
      strategy,
      options: { cash: 5000, commission: { fixed: 10, rate: 0.01 } },
    });
    expect(stats.commissions).toBe(25);
    expect(trades[0].commission).toBe(25);
    expect(trades[0].exitPrice).toBe(4);
    expect(stats.equityFinal).toBe(5275);
  });

  it('test_compute_drawdown: episode durations and peaks at the episode ends', () => {
    const dd = Float64Array.from([0, 1, 7, 0, 4, 0, 0]);
    const episodes = drawdownEpisodes(dd, [0, 1, 2, 3, 4, 5, 6]);
    expect(episodes.endBars).toEqual([3, 5]);
    expect(episodes.durations).toEqual([3, 2]);
    expect(episodes.peaks).toEqual([7, 4]);
  });
});

/** pandas resample('W') with first/max/min/last: weeks Monday–Sunday, labelled by their Sunday. */
function toWeekly(bars: Bars): Bars {
  const cols = {
    time: [] as number[],
    open: [] as number[],
    high: [] as number[],
    low: [] as number[],
    close: [] as number[],
  };
  const day = 86_400_000;
  for (let k = 0; k < bars.length; k++) {
    const weekdayMon0 = (new Date(bars.time[k]).getUTCDay() + 6) % 7;
    const sunday = bars.time[k] + (6 - weekdayMon0) * day;
    const last = cols.time.length - 1;
    if (last >= 0 && cols.time[last] === sunday) {
      cols.high[last] = Math.max(cols.high[last], bars.high[k]);
      cols.low[last] = Math.min(cols.low[last], bars.low[k]);
      cols.close[last] = bars.close[k];
    } else {
      cols.time.push(sunday);
      cols.open.push(bars.open[k]);
      cols.high.push(bars.high[k]);
      cols.low.push(bars.low[k]);
      cols.close.push(bars.close[k]);
    }
  }
  return barsFromColumns(cols, { isDatetime: true });
}
