import type { Broker } from './broker.ts';
import { copySign, floorDiv } from './py-numerics.ts';

/**
 * Processes the order queue against bar `broker.i` as backtesting.py's broker does: stop triggers, limit fills,
 * market fills at the open (or the previous close with trade-on-close), SL/TP/close orders of
 * trades, and stand-alone orders with sizing, FIFO netting and the margin check. When a market
 * entry brings SL/TP (or a stop entry's TP lies in the bar), the queue is processed again for
 * the same bar. Iterates a snapshot of the queue and skips orders removed meanwhile.
 */
export function fillOrders(broker: Broker): void {
  const i = broker.i;
  const { open: opens, high: highs, low: lows, close: closes } = broker.bars;
  const open = opens[i];
  const high = highs[i];
  const low = lows[i];
  const { tradeOnClose, hedging, leverage, spread } = broker.options;
  const snapshot = broker.queueSnapshot;
  let reprocess = true;
  while (reprocess) {
    reprocess = false;
    const queue = broker.orders;
    const count = queue.length;
    if (count === 0) return;
    snapshot.length = 0;
    for (let k = 0; k < count; k++) snapshot.push(queue[k]);
    for (let k = 0; k < count; k++) {
      const order = snapshot[k];
      if (!order.active) continue;
      const isLong = order.size > 0;
      const stop = order.stopPrice;
      if (stop) {
        if (isLong ? high < stop : low > stop) continue;
        order.stopPrice = 0;
      }
      const limit = order.limitPrice;
      let price: number;
      if (limit) {
        const limitHit = isLong ? low <= limit : high >= limit;
        const hitBeforeStop =
          limitHit && (isLong ? limit <= (stop || -Infinity) : limit >= (stop || Infinity));
        if (!limitHit || hitBeforeStop) continue;
        price = isLong ? Math.min(stop || open, limit) : Math.max(stop || open, limit);
      } else {
        price = tradeOnClose && !order.isContingent ? closes[i - 1] : open;
        if (stop) price = isLong ? Math.max(price, stop) : Math.min(price, stop);
      }
      const isMarket = !limit && !stop;
      const bar = isMarket && tradeOnClose && !order.isContingent ? i - 1 : i;

      const parent = order.parent;
      if (parent !== null) {
        // SL, TP or close order of a trade: reduce or close that trade if it is still open.
        const size = copySign(Math.min(Math.abs(parent.size), Math.abs(order.size)), order.size);
        if (broker.trades.includes(parent)) broker.reduceTrade(parent, price, size, bar);
        broker.removeOrder(order);
        continue;
      }

      const adjusted = price * (1 + copySign(spread, order.size));
      const perUnit = adjusted + broker.commission(order.size, price) / Math.abs(order.size);
      let need = order.size;
      if (-1 < need && need < 1) {
        need = copySign(
          Math.trunc(floorDiv(broker.marginAvailable() * leverage * Math.abs(need), perUnit)),
          need,
        );
        if (!need) {
          broker.removeOrder(order);
          continue;
        }
      }
      if (!hedging) need = netAgainstOpposite(broker, need, price, bar);
      if (Math.abs(need) * perUnit > broker.marginAvailable() * leverage) {
        broker.removeOrder(order);
        continue;
      }
      if (need) {
        const { slPrice: sl, tpPrice: tp } = order;
        broker.openTrade(adjusted, need, sl, tp, bar, order.tag);
        if (sl || tp) {
          if (isMarket) reprocess = true;
          else if (stop && !limit && tp) {
            const tpInBar = isLong
              ? tp <= high && (sl || -Infinity) < low
              : tp >= low && (sl || Infinity) > high;
            if (tpInBar) reprocess = true;
          }
        }
      }
      broker.removeOrder(order);
    }
  }
}

/** FIFO-closes or reduces open trades opposite to an order of `need` units; returns what is left. */
function netAgainstOpposite(broker: Broker, need: number, price: number, bar: number): number {
  const trades = broker.trades;
  const orderIsLong = need > 0;
  let k = 0;
  while (k < trades.length && need) {
    const trade = trades[k];
    if (trade.size > 0 === orderIsLong) {
      k++;
      continue;
    }
    if (Math.abs(need) >= Math.abs(trade.size)) {
      broker.closeTrade(trade, price, bar);
      need += trade.size;
    } else {
      broker.reduceTrade(trade, price, need, bar);
      need = 0;
    }
  }
  return need;
}
