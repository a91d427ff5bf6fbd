import type { OpenTrade, PendingOrder, TradeDesk } from './ledger-types.ts';
import type { OrderTag } from './strategy.ts';

/** An open trade (or a part being closed). Prices use 0 for "not set". */
export class Trade implements OpenTrade {
  size: number;
  readonly entryPrice: number;
  readonly entryBar: number;
  readonly tag: OrderTag | null;
  slOrder: PendingOrder | null = null;
  tpOrder: PendingOrder | null = null;
  slPrice = 0;
  tpPrice = 0;
  readonly #desk: TradeDesk;

  constructor(desk: TradeDesk, size: number, entryPrice: number, entryBar: number, tag: OrderTag | null) {
    this.#desk = desk;
    this.size = size;
    this.entryPrice = entryPrice;
    this.entryBar = entryBar;
    this.tag = tag;
  }

  get entryTime(): number {
    return this.#desk.timeAt(this.entryBar);
  }
  get isLong(): boolean {
    return this.size > 0;
  }
  get pnl(): number {
    return this.size * (this.#desk.lastPrice - this.entryPrice);
  }
  get sl(): number | null {
    return this.slOrder ? this.slPrice : null;
  }
  set sl(price: number | null) {
    this.#desk.setContingent(this, 'sl', price);
  }
  get tp(): number | null {
    return this.tpOrder ? this.tpPrice : null;
  }
  set tp(price: number | null) {
    this.#desk.setContingent(this, 'tp', price);
  }

  close(portion = 1): void {
    this.#desk.requestClose(this, portion);
  }
}
