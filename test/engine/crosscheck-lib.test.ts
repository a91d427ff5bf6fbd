import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { crossover } from '../../src/engine/indicators/crossover.ts';
import { sma } from '../../src/engine/indicators/sma.ts';
import { defineStrategy } from '../../src/engine/strategy.ts';
import { followSignals } from '../../src/strategies/signal-orders.ts';
import { AtrTrailingStop } from '../../src/strategies/trailing-stop.ts';
import { loadBars, sharedDataAvailable, warnIfNoSharedData } from './support/data.ts';

warnIfNoSharedData('cross-checks from backtesting.py tests with composed strategies (GOOG)');

const DAY_MS = 86_400_000;

/*
 * The reference's own suite runs these three with finalize_trades=True (its test module binds
 * Backtest to it), so trades still open after the last bar are closed and counted. Without it
 * they stay open and out of the statistics (backtesting.py's finalize_trades=False): each test checks both.
 */

describe.skipIf(!sharedDataAvailable)(
  'cross-checks from backtesting.py tests of composed strategies on GOOG',
  () => {
    const goog = sharedDataAvailable ? loadBars('GOOG.csv') : undefined;

    it('test_assertions: stop-limit short entries with SL/TP, cancels and repeated partial closes give 132 trades', () => {
      const strategy = defineStrategy({
        name: 'Assertive',
        description: 'stop-limit shorts on SMA(10) crossing over the close, closed in halves after 3 days',
        params: {},
        init: ({ bars, indicator }) => {
          const average = indicator('sma(close,10)', () => sma(bars.close, 10));
          return {
            next: (ctx) => {
              const i = ctx.i;
              expect(ctx.equity).toBeGreaterThanOrEqual(0);
              if (crossover(average, bars.close, i)) {
                for (const order of [...ctx.orders]) if (!order.isContingent) order.cancel();
                const price = bars.close[i];
                const before = ctx.orders.length;
                const order = ctx.sell({
                  size: 0.21,
                  limit: price,
                  stop: price,
                  sl: 1.05 * price,
                  tp: 0.9 * price,
                });
                expect(ctx.orders.length).toBe(before + 1);
                expect([order.size, order.limit, order.stop, order.isContingent]).toEqual([
                  -0.21,
                  price,
                  price,
                  false,
                ]);
              } else if (ctx.position.size !== 0) {
                expect(ctx.position.isShort).toBe(true);
                const trade = ctx.trades[0];
                if (bars.time[i] - bars.time[trade.entryBar] > 3 * DAY_MS) {
                  expect(trade.sl).not.toBeNull();
                  expect(trade.tp).not.toBeNull();
                  ctx.position.close(0.5);
                  ctx.position.close(0.5);
                  ctx.position.close(0.5);
                  ctx.position.close();
                  ctx.position.close();
                }
              }
            },
          };
        },
      });
      const { stats, warmupBars } = runBacktest({ bars: goog!, strategy, options: { finalizeTrades: true } });
      expect(warmupBars).toBe(9);
      expect(stats.tradeCount).toBe(132);
      const open = runBacktest({ bars: goog!, strategy });
      expect([open.stats.tradeCount, open.openTrades.length]).toEqual([131, 1]);
    });

    it('test_TrailingStrategy: long above SMA(10) with a 3-ATR(40) trailing stop gives 57 trades', () => {
      const strategy = defineStrategy({
        name: 'Trailing',
        description: 'buys above SMA(10) when flat; exits only by the trailing stop',
        params: {},
        init: ({ bars, indicator }) => {
          // set_atr_periods(40), then set_trailing_pct(.1), overridden by set_trailing_sl(3)
          const trailing = new AtrTrailingStop(bars, 40);
          trailing.setFraction(0.1);
          trailing.setMultiple(3);
          const average = indicator('sma(close,10)', () => sma(bars.close, 10));
          return {
            next: (ctx) => {
              trailing.trail(ctx);
              if (ctx.position.size === 0 && bars.close[ctx.i] > average[ctx.i]) ctx.buy();
            },
          };
        },
      });
      const { stats } = runBacktest({ bars: goog!, strategy, options: { finalizeTrades: true } });
      expect(stats.tradeCount).toBe(57);
      const open = runBacktest({ bars: goog!, strategy });
      expect([open.stats.tradeCount, open.openTrades.length]).toEqual([56, 1]);
      expect(open.openTrades[0].sl).toBeGreaterThan(0);
    });

    it('test_SignalStrategy: one unit in while close > SMA(10), all longs out while below: 1179 or 1182 trades', () => {
      const strategy = defineStrategy({
        name: 'Signals',
        description: 'signal vectors from close against its 10-bar rolling mean',
        params: {},
        init: ({ bars, indicator }) => {
          const average = sma(bars.close, 10);
          const entry = indicator(
            'entry',
            () => bars.close.map((c, k) => (c > average[k] ? 1 : Number.NaN)),
            {
              warmup: false,
            },
          );
          const exit = indicator('exit', () => bars.close.map((c, k) => (c < average[k] ? 1 : Number.NaN)), {
            warmup: false,
          });
          return { next: (ctx) => followSignals(ctx, entry, exit) };
        },
      });
      const { stats, warmupBars } = runBacktest({ bars: goog!, strategy, options: { finalizeTrades: true } });
      expect(warmupBars).toBe(0);
      expect([1179, 1182]).toContain(stats.tradeCount);
      const open = runBacktest({ bars: goog!, strategy });
      expect(open.stats.tradeCount + open.openTrades.length).toBe(stats.tradeCount);
    });
  },
);
