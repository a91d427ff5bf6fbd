import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import type { NextContext } from '../../src/engine/strategy.ts';
import {
  barOn,
  headBars,
  loadBars,
  rangeBars,
  sharedDataAvailable,
  warnIfNoSharedData,
} from './support/data.ts';
import { scripted, visible } from './support/scripted.ts';

warnIfNoSharedData('engine order cross-checks from backtesting.py tests (GOOG)');

describe.skipIf(!sharedDataAvailable)('order cross-checks from backtesting.py tests on GOOG', () => {
  const goog = sharedDataAvailable ? loadBars('GOOG.csv') : undefined;
  const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  it('test_wellknown: stop-limit entry, close, stop-limit short under margin .1 ending in ruin', () => {
    const bars = goog!;
    const strategy = scripted((ctx) => {
      const date = dateOf(ctx.time());
      if (date === '2006-10-19') ctx.buy({ stop: 484, limit: 466, size: 100 });
      else if (date === '2007-10-30') ctx.position.close();
      else if (date === '2008-11-11') ctx.sell({ stop: ctx.low(-1), limit: 324.9, size: 200 });
    });
    const { stats, trades, ruined } = runBacktest({ bars, strategy, options: { margin: 0.1 } });
    expect(stats.equityPeak).toBeCloseTo(46961.0, 6);
    expect(stats.equityFinal).toBe(0);
    expect(ruined).toBe(true);
    expect(trades).toHaveLength(2);
    expect(trades.map((t) => [dateOf(t.entryTime), t.entryPrice, dateOf(t.exitTime), t.exitPrice])).toEqual([
      ['2006-11-01', 466, '2007-10-31', 700.69],
      ['2008-11-14', 324.9, '2009-09-21', 497],
    ]);
    expect(trades[0].pnl).toBeCloseTo(23469, 6);
    expect(trades[1].pnl).toBeCloseTo(-34420, 6);
  });

  it('test_trade_enter_hit_sl_on_same_day: market entry SL fires on the entry bar; stop entry SL only from the next bar', () => {
    const bars = goog!;
    const on = barOn(bars, '2012-10-17');
    const market = runBacktest({ bars, strategy: scripted((ctx) => ctx.i === on && ctx.buy({ sl: 720 })) });
    expect(market.trades[0].exitPrice).toBe(720);
    const stop = runBacktest({
      bars,
      strategy: scripted((ctx) => ctx.i === on && ctx.buy({ stop: 758, sl: 720 })),
    });
    expect(stop.trades[0].exitPrice).toBe(705.58);
  });

  it('test_stop_price_between_sl_tp: a stop entry fills at its stop price', () => {
    const bars = goog!;
    const on = barOn(bars, '2004-09-09');
    const { trades } = runBacktest({
      bars,
      strategy: scripted((ctx) => ctx.i === on && ctx.buy({ stop: 104, sl: 103, tp: 110 })),
      options: { finalizeTrades: true },
    });
    expect(trades[0].entryPrice).toBe(104);
  });

  it('test_stop_limit_order_price_is_stop_price: stop-limit orders fill at the stop', () => {
    const bars = headBars(goog!, 20);
    const strategy = scripted((ctx) => {
      if (ctx.i !== 1) return;
      ctx.buy({ stop: 112, limit: 113, size: 1 });
      ctx.sell({ stop: 107, limit: 105, size: 1 });
    });
    const { trades } = runBacktest({ bars, strategy });
    expect(trades).toHaveLength(1);
    expect([trades[0].entryPrice, trades[0].exitPrice]).toEqual([112, 107]);
  });

  it('test_sl_always_before_tp: when both lie in the bar the stop-loss wins', () => {
    const bars = headBars(goog!, 20);
    const strategy = scripted((ctx) => {
      if (visible(ctx) === 4) ctx.buy();
      if (visible(ctx) === 5) {
        const trade = ctx.trades[0];
        trade.sl = 105;
        trade.tp = 107.9;
      }
    });
    const { trades } = runBacktest({ bars, strategy });
    expect(trades[0].exitPrice).toBe(104.95);
  });

  it('test_stop_entry_and_tp_in_same_bar: a stop entry whose TP lies in the bar exits on that bar', () => {
    const bars = headBars(goog!, 20);
    const strategy = scripted((ctx) => visible(ctx) === 3 && ctx.sell({ stop: 108, tp: 105, sl: 113 }));
    const { trades } = runBacktest({ bars, strategy });
    expect([trades[0].exitBar, trades[0].exitPrice]).toEqual([3, 105]);
  });

  it('test_sl_value_in_trades_df_when_gapped_through: exit at the gapped open, SL column keeps the stop', () => {
    const bars = headBars(goog!, 20);
    const strategy = scripted((ctx) => visible(ctx) === 9 && ctx.buy({ size: 1, sl: 99.5 }));
    const { trades } = runBacktest({ bars, strategy });
    expect(trades[0].exitPrice).toBe(99.19);
    expect(trades[0].sl).toBe(99.5);
  });

  it('test_sl_tp_values_in_trades_df: SL and TP columns per trade', () => {
    const bars = headBars(goog!, 20);
    const strategy = scripted((ctx) => {
      if (ctx.i !== 1) return;
      ctx.buy({ size: 1, tp: 111 });
      ctx.buy({ size: 1, sl: 99 });
    });
    const { trades } = runBacktest({ bars, strategy, options: { finalizeTrades: true } });
    expect(trades.map((t) => t.sl)).toEqual([null, 99]);
    expect(trades.map((t) => t.tp)).toEqual([111, null]);
  });

  it('exclusive orders: buy(2) then sell(3) leaves a single trade of size −3', () => {
    const bars = headBars(goog!, 20);
    const strategy = scripted((ctx) => {
      if (ctx.i !== 1) return;
      ctx.buy({ size: 2 });
      ctx.sell({ size: 3 });
    });
    const exclusive = runBacktest({
      bars,
      strategy,
      options: { exclusiveOrders: true, finalizeTrades: true },
    });
    expect(exclusive.trades.map((t) => t.size)).toEqual([-3]);
    const netted = runBacktest({ bars, strategy, options: { finalizeTrades: true } });
    expect(netted.trades.map((t) => t.size)).toEqual([2, -1]);
  });

  it('hedging: buy(2) then sell(1) keeps both trades open', () => {
    const bars = headBars(goog!, 20);
    const strategy = scripted((ctx) => {
      if (ctx.i === 1) ctx.buy({ size: 2 });
      if (ctx.i === 2) ctx.sell({ size: 1 });
    });
    const hedged = runBacktest({ bars, strategy, options: { hedging: true, finalizeTrades: true } });
    expect(hedged.trades.map((t) => t.size)).toEqual([2, -1]);
    const netted = runBacktest({ bars, strategy, options: { finalizeTrades: true } });
    expect(netted.trades.map((t) => t.size)).toEqual([1, 1]);
  });

  it('order tags carry to trades, to the closed parts of partial closes and to finalized trades', () => {
    const bars = headBars(goog!, 20);
    const strategy = scripted((ctx) => {
      if (ctx.i === 1) ctx.buy({ size: 2, tag: 1 });
      if (ctx.i === 3) ctx.trades[0].close(0.5);
      if (ctx.i === 5) ctx.buy({ size: 1, tag: 2 });
    });
    const { trades } = runBacktest({ bars, strategy, options: { finalizeTrades: true } });
    expect(trades.map((t) => t.tag)).toEqual([1, 1, 2]);
    expect(trades.map((t) => t.size)).toEqual([1, 1, 1]);
  });
});

describe('order cross-checks from backtesting.py tests on synthetic data', () => {
  it('test_gh_521: a trade-on-close entry that cannot be afforded is cancelled; the first exit is at 50', () => {
    const prices = [100, 100, 100, 50, 50];
    const bars = rangeBars({ open: prices, high: prices, low: prices, close: prices });
    const strategy = scripted((ctx) => ctx.close() === 100 && ctx.buy({ size: 1, sl: 90 }));
    const { trades } = runBacktest({ bars, strategy, options: { cash: 100, tradeOnClose: true } });
    expect(trades[0].exitPrice).toBe(50);
  });

  it('test_trade_on_close_closes_trades_on_close: entries and close orders at the close, SL at the open', () => {
    const close = [100, 101, 102, 50, 51];
    const open = close.map((c) => c - 10);
    const bars = rangeBars({ open, high: close, low: open, close });
    const strategy = scripted((ctx) => {
      if (ctx.i === 1) {
        ctx.buy({ size: 1, sl: 90 });
        ctx.buy({ size: 1, sl: 80 });
      }
      if (ctx.i === 2) ctx.trades[0].close();
    });
    const view = (tradeOnClose: boolean) =>
      runBacktest({ bars, strategy, options: { cash: 250, tradeOnClose } }).trades.map((t) => [
        t.entryBar,
        t.entryPrice,
        t.exitBar,
        t.exitPrice,
      ]);
    expect(view(true)).toEqual([
      [1, 101, 2, 102],
      [1, 101, 3, 40],
    ]);
    expect(view(false)).toEqual([
      [2, 92, 3, 40],
      [2, 92, 3, 40],
    ]);
  });

  it('rejects orders whose SL/TP are on the wrong side of the reference price (test_check_adjusted_price_when_placing_order)', () => {
    const prices = [100, 100, 100, 100];
    const bars = rangeBars({ open: prices, high: prices, low: prices, close: prices });
    const run =
      (f: (ctx: NextContext) => void, spread = 0) =>
      () =>
        runBacktest({ bars, strategy: scripted((ctx) => ctx.i === 1 && f(ctx)), options: { spread } });
    expect(run((ctx) => ctx.buy({ tp: 100.5 }), 0.01)).toThrow(/sl < price < tp/);
    expect(run((ctx) => ctx.buy({ tp: 101.5 }), 0.01)).not.toThrow();
    expect(run((ctx) => ctx.sell({ tp: 99.5 }), 0.01)).toThrow(/tp < price < sl/);
    expect(run((ctx) => ctx.buy({ limit: 95, sl: 96 }))).toThrow(
      expect.objectContaining({ name: 'EngineError', field: 'order' }),
    );
    expect(run((ctx) => ctx.buy({ size: 1.5 }))).toThrow(expect.objectContaining({ field: 'order.size' }));
  });
});
