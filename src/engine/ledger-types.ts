import type { OrderHandle, OrderTag, TradeHandle } from './strategy.ts';

/**
 * The broker's view of pending orders and open trades, which refer to each other (a trade's
 * SL/TP orders, an order's parent trade). Order (order.ts) and Trade (trade.ts) implement them.
 * Prices use 0 for "not set" (the reference's falsy → None).
 */

/** A pending order. `parent` links SL/TP and close orders to their trade. */
export interface PendingOrder extends OrderHandle {
  size: number;
  limitPrice: number;
  stopPrice: number;
  readonly slPrice: number;
  readonly tpPrice: number;
  readonly tag: OrderTag | null;
  readonly parent: OpenTrade | null;
  /** False once filled, cancelled or removed from the queue. */
  active: boolean;
}

/** An open trade (or a part being closed) with its SL/TP orders. */
export interface OpenTrade extends TradeHandle {
  size: number;
  slOrder: PendingOrder | null;
  tpOrder: PendingOrder | null;
  slPrice: number;
  tpPrice: number;
}

/** What an order needs from the broker that owns it. */
export interface OrderDesk {
  cancelOrder(order: PendingOrder): void;
}

/** What an open trade needs from the broker that owns it. */
export interface TradeDesk {
  /** Close of the current bar. */
  readonly lastPrice: number;
  timeAt(bar: number): number;
  requestClose(trade: OpenTrade, portion: number): void;
  setContingent(trade: OpenTrade, kind: 'sl' | 'tp', price: number | null | undefined): void;
}
