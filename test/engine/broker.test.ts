import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { rangeBars } from './support/data.ts';
import { scripted } from './support/scripted.ts';

const flat = (prices: number[]) => rangeBars({ open: prices, high: prices, low: prices, close: prices });

describe('broker behaviour', () => {
  it('ruin closes only the trades at even positions of the live list, zeroes equity and stops (§1.8)', () => {
    const prices = [100, 100, 100, 100, 100, 60, 60, 60];
    const strategy = scripted((ctx) => {
      if (ctx.i <= 3) ctx.buy({ size: 300 });
    });
    const { trades, equity, ruined, openTrades } = runBacktest({
      bars: flat(prices),
      strategy,
      options: { margin: 0.1, finalizeTrades: true },
    });
    expect(ruined).toBe(true);
    // Three 300-unit trades entered at bars 2, 3, 4; at bar 5 equity = 10000 − 900·40 < 0.
    expect(trades.map((t) => [t.entryBar, t.exitBar, t.exitPrice])).toEqual([
      [2, 5, 60],
      [4, 5, 60],
    ]);
    expect(openTrades).toHaveLength(1);
    expect(Array.from(equity.slice(5))).toEqual([0, 0, 0]);
    expect(equity[4]).toBe(10_000);
  });

  it('finalize closes open trades at the last open; with trade-on-close at the previous close on bar N−2 (§1.7)', () => {
    const close = [10, 11, 12, 13, 14, 15];
    const open = close.map((c) => c - 0.5);
    const bars = rangeBars({ open, high: close, low: open, close });
    const strategy = scripted((ctx) => ctx.i === 1 && ctx.buy({ size: 1 }));
    const plain = runBacktest({ bars, strategy, options: { finalizeTrades: true } });
    expect([plain.trades[0].exitBar, plain.trades[0].exitPrice]).toEqual([5, 14.5]);
    expect(plain.equity[5]).toBe(10_000 + (14.5 - 11.5));
    const onClose = runBacktest({ bars, strategy, options: { finalizeTrades: true, tradeOnClose: true } });
    expect([onClose.trades[0].entryBar, onClose.trades[0].entryPrice]).toEqual([1, 11]);
    expect([onClose.trades[0].exitBar, onClose.trades[0].exitPrice]).toEqual([4, 14]);
    const open1 = runBacktest({ bars, strategy });
    expect(open1.trades).toHaveLength(0);
    expect(open1.openTrades).toMatchObject([{ size: 1, entryPrice: 11.5, pnl: 15 - 11.5 }]);
    expect(open1.equity[5]).toBe(10_000 + 3.5);
  });

  it('back-fills equity before the first broker step with the initial cash (§1.6)', () => {
    const { equity } = runBacktest({
      bars: flat([5, 6, 7, 8]),
      strategy: scripted(() => {}),
      options: { cash: 1234 },
    });
    expect(Array.from(equity)).toEqual([1234, 1234, 1234, 1234]);
  });

  it('cancels an order the margin cannot cover, and a relative order worth less than one unit (§1.3)', () => {
    const big = runBacktest({
      bars: flat([100, 100, 100, 100]),
      strategy: scripted((ctx) => ctx.i === 1 && ctx.buy({ size: 101 })),
      options: { finalizeTrades: true },
    });
    expect(big.trades).toHaveLength(0);
    const levered = runBacktest({
      bars: flat([100, 100, 100, 100]),
      strategy: scripted((ctx) => ctx.i === 1 && ctx.buy({ size: 101 })),
      options: { finalizeTrades: true, margin: 0.5 },
    });
    expect(levered.trades.map((t) => t.size)).toEqual([101]);
    const tiny = runBacktest({
      bars: flat([100, 100, 100, 100]),
      strategy: scripted((ctx) => ctx.i === 1 && ctx.buy({ size: 0.005 })),
      options: { finalizeTrades: true },
    });
    expect(tiny.trades).toHaveLength(0);
  });

  it('relative sizes use all available margin with leverage (units = floor(margin·leverage·size / price))', () => {
    const { trades } = runBacktest({
      bars: flat([100, 100, 30, 30, 30]),
      strategy: scripted((ctx) => ctx.i === 1 && ctx.buy({ size: 0.5 })),
      options: { margin: 0.25, finalizeTrades: true },
    });
    // Fill at bar 2 open 30, margin available valued at the bar-2 close: floor(10000·4·0.5 / 30) = 666.
    expect(trades[0].size).toBe(666);
  });

  it("partial closes round half to even and keep the trade's entry; SL/TP follow the reduced size", () => {
    const prices = [10, 10, 10, 10, 10, 10, 9, 9];
    const strategy = scripted((ctx) => {
      if (ctx.i === 1) ctx.buy({ size: 5, sl: 9.5 });
      if (ctx.i === 2) ctx.trades[0].close(0.5);
    });
    const { trades } = runBacktest({ bars: flat(prices), strategy });
    expect(trades.map((t) => [t.size, t.entryBar, t.exitBar, t.exitPrice, t.sl])).toEqual([
      [2, 2, 3, 10, null],
      [3, 2, 6, 9, 9.5],
    ]);
  });

  it('setting sl to null cancels it; cancelling an order removes it from the queue', () => {
    const prices = [10, 10, 10, 10, 5, 5];
    const strategy = scripted((ctx) => {
      if (ctx.i === 1) {
        ctx.buy({ size: 1, sl: 8 });
        ctx.buy({ size: 1, limit: 1 }).cancel();
      }
      if (ctx.i === 2) {
        expect(ctx.orders).toHaveLength(1);
        ctx.trades[0].sl = null;
        expect(ctx.orders).toHaveLength(0);
        expect(ctx.trades[0].sl).toBeNull();
      }
    });
    const { trades, openTrades } = runBacktest({ bars: flat(prices), strategy });
    expect(trades).toHaveLength(0);
    expect(openTrades).toHaveLength(1);
  });

  it('commission is evaluated on the order size at the raw price for sizing, and on units at the spread price at entry', () => {
    const prices = [100, 100, 100, 100];
    const strategy = scripted((ctx) => ctx.i === 1 && ctx.buy({ size: 0.5 }));
    const { trades, equity } = runBacktest({
      bars: flat(prices),
      strategy,
      options: { commission: { fixed: 5, rate: 0.001 }, spread: 0.002 },
    });
    const perUnit = 100 * 1.002 + (5 + 0.5 * 100 * 0.001) / 0.5;
    const units = Math.floor((10_000 * 0.5) / perUnit);
    expect(equity.length).toBe(4);
    expect(trades).toHaveLength(0);
    const entryCost = 5 + units * 100.2 * 0.001;
    expect(equity[2]).toBeCloseTo(10_000 - entryCost + units * (100 - 100.2), 9);
  });
});
