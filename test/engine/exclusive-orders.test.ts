import { describe, expect, it } from 'vitest';
import { runBacktest } from '../../src/engine/backtest.ts';
import { Broker } from '../../src/engine/broker.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { Order } from '../../src/engine/order.ts';
import type { OrderTag } from '../../src/engine/strategy.ts';
import { headBars, loadBars, rangeBars, sharedDataAvailable, warnIfNoSharedData } from './support/data.ts';
import { scripted } from './support/scripted.ts';

/**
 * With exclusive orders, a new stand-alone order cancels the pending non-contingent orders by
 * walking the live queue while cancelling removes from it (as the reference does), so the order
 * right after each cancelled one is skipped and stays pending; SL/TP orders are never cancelled.
 */

warnIfNoSharedData('exclusive orders on GOOG');

describe.skipIf(!sharedDataAvailable)('exclusive orders on GOOG', () => {
  it('GOOG[:60]: buy(1) at bar 19, three far limit buys at bar 21, sell(1) at bar 23 leave one limit pending', () => {
    const bars = headBars(loadBars('GOOG.csv'), 60);
    let at25: { pending: (OrderTag | null)[]; trades: number[] } | null = null;
    const strategy = scripted((ctx) => {
      const price = ctx.close();
      if (ctx.i === 19) ctx.buy({ size: 1 });
      if (ctx.i === 21) {
        ctx.buy({ size: 1, limit: price * 0.5, tag: 'a' });
        ctx.buy({ size: 1, limit: price * 0.6, tag: 'b' });
        ctx.buy({ size: 1, limit: price * 0.7, tag: 'c' });
      }
      if (ctx.i === 23) ctx.sell({ size: 1 });
      if (ctx.i === 25)
        at25 = { pending: ctx.orders.map((o) => o.tag), trades: ctx.trades.map((t) => t.size) };
    });
    runBacktest({ bars, strategy, options: { exclusiveOrders: true } });
    // Bar 21: 'a' queues a close of the long in front: [close, a]. 'b' cancels that close and
    // skips 'a', then queues a new close: [close, a, b]. 'c' cancels the close and 'b' (skipping
    // 'a'): [close, a, c]. Bar 22 closes the long. Bar 23: sell(1) cancels 'a' and skips 'c'.
    // Bar 24 opens the short; 'c' (far below the market) is still pending at bar 25.
    expect(at25).toEqual({ pending: ['c'], trades: [-1] });
  });
});

describe('exclusive orders skip the order after each cancelled one', () => {
  const flat = [100, 100, 100, 100];
  const bars = rangeBars({ open: flat, high: flat, low: flat, close: flat });
  const limitBuy = (broker: Broker, tag: string, limit: number) =>
    new Order(broker, 1, limit, 0, 0, 0, tag, null);

  it('five pending orders A…E: A, C and E are cancelled, B and D survive', () => {
    const broker = new Broker(bars, resolveOptions({ exclusiveOrders: true }));
    broker.i = 1;
    for (const [k, tag] of ['A', 'B', 'C', 'D', 'E'].entries())
      broker.orders.push(limitBuy(broker, tag, 50 + k));
    const cancelled = broker.orders.filter((o) => o.tag === 'A' || o.tag === 'C' || o.tag === 'E');
    broker.newOrder(1, 60, 0, 0, 0, 'new', null);
    expect(broker.orders.map((o) => [o.tag, o.limit])).toEqual([
      ['B', 51],
      ['D', 53],
      ['new', 60],
    ]);
    expect(cancelled.map((o) => o.active)).toEqual([false, false, false]);
  });

  it('SL/TP orders in the queue are neither cancelled nor skipped over; the open trade gets a close order', () => {
    const broker = new Broker(bars, resolveOptions({ exclusiveOrders: true }));
    broker.i = 1;
    broker.openTrade(100, 1, 90, 110, 1, 'T');
    for (const [k, tag] of ['A', 'B', 'C'].entries()) broker.orders.push(limitBuy(broker, tag, 50 + k));
    // Queue: [SL, TP, A, B, C]. The walk keeps SL and TP, cancels A (skipping B), cancels C.
    broker.newOrder(1, 60, 0, 0, 0, 'new', null);
    expect(broker.orders.map((o) => [o.tag, o.size, o.stop, o.limit])).toEqual([
      ['T', -1, null, null],
      ['T', -1, 90, null],
      ['T', -1, null, 110],
      ['B', 1, null, 51],
      ['new', 1, null, 60],
    ]);
    expect(broker.trades[0].sl).toBe(90);
    expect(broker.trades[0].tp).toBe(110);
  });
});
