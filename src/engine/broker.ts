import type { Bars } from './bars.ts';
import { EngineError } from './errors.ts';
import type { ResolvedOptions } from './options.ts';
import type { OpenTrade, OrderDesk, PendingOrder, TradeDesk } from './ledger-types.ts';
import { Order } from './order.ts';
import { copySign, roundHalfEven } from './py-numerics.ts';
import type { ClosedTrade, OrderTag } from './strategy.ts';
import { Trade } from './trade.ts';

/**
 * Account state: cash, the order queue, open and closed trades, and the operations that change
 * them (placing orders; commission, spread and margin; trade accounting, as backtesting.py). Filling orders against a bar lives in fill-orders.ts.
 * Every valuation uses the close of the current bar `i`.
 */
export class Broker implements OrderDesk, TradeDesk {
  readonly bars: Bars;
  readonly options: ResolvedOptions;
  cash: number;
  /** Current bar index. */
  i = 0;
  readonly orders: PendingOrder[] = [];
  readonly trades: OpenTrade[] = [];
  readonly closedTrades: ClosedTrade[] = [];
  /** Reused snapshot of the queue while filling (no per-bar allocation). */
  readonly queueSnapshot: PendingOrder[] = [];

  constructor(bars: Bars, options: ResolvedOptions) {
    this.bars = bars;
    this.options = options;
    this.cash = options.cash;
  }

  get lastPrice(): number {
    return this.bars.close[this.i];
  }

  timeAt(bar: number): number {
    return this.bars.time[bar];
  }

  commission(size: number, price: number): number {
    const o = this.options;
    if (o.commissionFn !== null) return o.commissionFn(size, price);
    return o.commissionFixed + Math.abs(size) * price * o.commissionRate;
  }

  /**
   * Cash plus unrealized profit of open trades at the current close, summed as the reference
   * does: Close·Σ size − Σ size·entry over the open trades in trade order, then added to cash.
   * (Σ size·(Close − entry) can differ by an ulp, which moves drawdown episode boundaries.)
   */
  equity(): number {
    const trades = this.trades;
    if (trades.length === 0) return this.cash;
    let sumSize = 0;
    let sumSizeEntry = 0;
    for (let k = 0; k < trades.length; k++) {
      const trade = trades[k];
      sumSize += trade.size;
      sumSizeEntry += trade.size * trade.entryPrice;
    }
    return this.cash + (this.bars.close[this.i] * sumSize - sumSizeEntry);
  }

  marginAvailable(): number {
    const price = this.bars.close[this.i];
    const leverage = this.options.leverage;
    let used = 0;
    for (const trade of this.trades) used += (Math.abs(trade.size) * price) / leverage;
    const available = this.equity() - used;
    // Not Math.max: Python's max(0, NaN) is 0.
    return available > 0 ? available : 0;
  }

  /**
   * Places a stand-alone order (`Strategy.buy/sell`) or a contingent SL/TP order of `parent`.
   * Validates SL/TP against the limit, else the stop, else the spread-adjusted current close.
   */
  newOrder(
    size: number,
    limit: number,
    stop: number,
    sl: number,
    tp: number,
    tag: OrderTag | null,
    parent: OpenTrade | null,
  ): PendingOrder {
    const isLong = size > 0;
    const ref = limit || stop || this.bars.close[this.i] * (1 + copySign(this.options.spread, size));
    const lower = isLong ? sl || -Infinity : tp || -Infinity;
    const upper = isLong ? tp || Infinity : sl || Infinity;
    if (!(lower < ref && ref < upper)) {
      const side = isLong ? 'long orders require sl < price < tp' : 'short orders require tp < price < sl';
      throw new EngineError('order', `${side} (sl=${sl || 'none'}, price=${ref}, tp=${tp || 'none'})`);
    }
    const order = new Order(this, size, limit, stop, sl, tp, tag, parent);
    if (parent === null && this.options.exclusiveOrders) {
      // The reference walks the live queue while cancelling removes from it: the order right
      // after each cancelled one moves into the cancelled slot, is skipped and stays pending.
      const orders = this.orders;
      for (let k = 0; k < orders.length; k++) if (!orders[k].isContingent) this.cancelOrder(orders[k]);
      for (const trade of this.trades) this.requestClose(trade, 1);
    }
    if (parent !== null && stop) this.orders.unshift(order);
    else this.orders.push(order);
    return order;
  }

  /** `Trade.close(portion)`: a market order for round(|size|·portion) units, ahead of the queue. */
  requestClose(trade: OpenTrade, portion: number): void {
    if (!(portion > 0 && portion <= 1)) throw new EngineError('order.portion', 'portion must be in (0, 1]');
    const units = Math.max(1, roundHalfEven(Math.abs(trade.size) * portion));
    this.orders.unshift(new Order(this, copySign(units, -trade.size), 0, 0, 0, 0, trade.tag, trade));
  }

  /** Replaces a trade's SL (stop order) or TP (limit order); a falsy price just cancels it. */
  setContingent(trade: OpenTrade, kind: 'sl' | 'tp', price: number | null | undefined): void {
    if (price !== null && price !== undefined && price !== 0 && !(price > 0 && price < Infinity)) {
      throw new EngineError(`trade.${kind}`, `${kind} must be a positive finite price`);
    }
    const existing = kind === 'sl' ? trade.slOrder : trade.tpOrder;
    if (existing !== null) existing.cancel();
    if (!price) return;
    if (kind === 'sl') {
      trade.slOrder = this.newOrder(-trade.size, 0, price, 0, 0, trade.tag, trade);
      trade.slPrice = price;
    } else {
      trade.tpOrder = this.newOrder(-trade.size, price, 0, 0, 0, trade.tag, trade);
      trade.tpPrice = price;
    }
  }

  cancelOrder(order: PendingOrder): void {
    this.removeOrder(order);
    const parent = order.parent;
    if (parent === null) return;
    if (parent.slOrder === order) {
      parent.slOrder = null;
      parent.slPrice = 0;
    } else if (parent.tpOrder === order) {
      parent.tpOrder = null;
      parent.tpPrice = 0;
    }
  }

  removeOrder(order: PendingOrder): void {
    if (!order.active) return;
    order.active = false;
    const at = this.orders.indexOf(order);
    if (at >= 0) this.orders.splice(at, 1);
  }

  openTrade(price: number, size: number, sl: number, tp: number, bar: number, tag: OrderTag | null): void {
    const trade = new Trade(this, size, price, bar, tag);
    this.trades.push(trade);
    this.cash -= this.commission(size, price);
    if (tp) this.setContingent(trade, 'tp', tp);
    if (sl) this.setContingent(trade, 'sl', sl);
  }

  /** Reduces `trade` by `size` units (opposite sign); a full reduction closes it. */
  reduceTrade(trade: OpenTrade, price: number, size: number, bar: number): void {
    const left = trade.size + size;
    if (left === 0) {
      this.closeTrade(trade, price, bar);
      return;
    }
    trade.size = left;
    if (trade.slOrder !== null) trade.slOrder.size = -left;
    if (trade.tpOrder !== null) trade.tpOrder.size = -left;
    const part = new Trade(this, -size, trade.entryPrice, trade.entryBar, trade.tag);
    this.trades.push(part);
    this.closeTrade(part, price, bar);
  }

  /** Closes a whole trade at `price` (raw, no spread), removing its SL/TP orders. */
  closeTrade(trade: OpenTrade, price: number, bar: number): void {
    const at = this.trades.indexOf(trade);
    if (at >= 0) this.trades.splice(at, 1);
    if (trade.slOrder !== null) this.removeOrder(trade.slOrder);
    if (trade.tpOrder !== null) this.removeOrder(trade.tpOrder);
    const { size, entryPrice } = trade;
    const gross = size * (price - entryPrice);
    const exitCommission = this.commission(size, price);
    this.cash += gross - exitCommission;
    const commission = exitCommission + this.commission(size, entryPrice);
    const returnFraction =
      copySign(1, size) * (price / entryPrice - 1) - commission / (Math.abs(size) * entryPrice);
    this.closedTrades.push({
      size,
      entryBar: trade.entryBar,
      exitBar: bar,
      entryPrice,
      exitPrice: price,
      sl: trade.sl,
      tp: trade.tp,
      pnl: gross - commission,
      commission,
      returnPct: returnFraction * 100,
      entryTime: this.bars.time[trade.entryBar],
      exitTime: this.bars.time[bar],
      tag: trade.tag,
    });
  }

  /**
   * Out of money at bar i: closes trades at Close[i] the way the reference does, walking the live
   * list while removing from it, so only trades at positions 0, 2, 4, … are closed and recorded.
   */
  ruin(): void {
    const price = this.bars.close[this.i];
    for (let k = 0; k < this.trades.length; k++) this.closeTrade(this.trades[k], price, this.i);
    this.cash = 0;
  }
}
