import type { OpenTrade, OrderDesk, PendingOrder } from './ledger-types.ts';
import type { OrderTag } from './strategy.ts';

/**
 * A pending order. Prices use 0 for "not set" (the reference's falsy → None); the handle's
 * getters report them as null. `parent` links SL/TP and close orders to their trade.
 */
export class Order implements PendingOrder {
  size: number;
  limitPrice: number;
  stopPrice: number;
  readonly slPrice: number;
  readonly tpPrice: number;
  readonly tag: OrderTag | null;
  readonly parent: OpenTrade | null;
  /** False once filled, cancelled or removed from the queue. */
  active = true;
  readonly #desk: OrderDesk;

  constructor(
    desk: OrderDesk,
    size: number,
    limitPrice: number,
    stopPrice: number,
    slPrice: number,
    tpPrice: number,
    tag: OrderTag | null,
    parent: OpenTrade | null,
  ) {
    this.#desk = desk;
    this.size = size;
    this.limitPrice = limitPrice;
    this.stopPrice = stopPrice;
    this.slPrice = slPrice;
    this.tpPrice = tpPrice;
    this.tag = tag;
    this.parent = parent;
  }

  get limit(): number | null {
    return this.limitPrice || null;
  }
  get stop(): number | null {
    return this.stopPrice || null;
  }
  get sl(): number | null {
    return this.slPrice || null;
  }
  get tp(): number | null {
    return this.tpPrice || null;
  }
  get isLong(): boolean {
    return this.size > 0;
  }
  /** True for a trade's SL or TP order (not for a trade's close order). */
  get isContingent(): boolean {
    const parent = this.parent;
    return parent !== null && (parent.slOrder === this || parent.tpOrder === this);
  }

  cancel(): void {
    if (this.active) this.#desk.cancelOrder(this);
  }
}
