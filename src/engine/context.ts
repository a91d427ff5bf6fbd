import type { Bars } from './bars.ts';
import type { Broker } from './broker.ts';
import { EngineError } from './errors.ts';
import { DEFAULT_ORDER_SIZE } from './py-numerics.ts';
import type {
  ClosedTrade,
  NextContext,
  OrderHandle,
  OrderRequest,
  PositionHandle,
  TradeHandle,
} from './strategy.ts';

function price(field: string, value: number | null | undefined): number {
  if (value === null || value === undefined || value === 0) return 0;
  if (!(value > 0 && value < Infinity))
    throw new EngineError(field, `${field} must be a positive finite price`);
  return value;
}

class Position implements PositionHandle {
  readonly #broker: Broker;
  constructor(broker: Broker) {
    this.#broker = broker;
  }
  get size(): number {
    let size = 0;
    for (const trade of this.#broker.trades) size += trade.size;
    return size;
  }
  get pnl(): number {
    let pnl = 0;
    for (const trade of this.#broker.trades) pnl += trade.pnl;
    return pnl;
  }
  get isLong(): boolean {
    return this.size > 0;
  }
  get isShort(): boolean {
    return this.size < 0;
  }
  close(portion = 1): void {
    for (const trade of this.#broker.trades) trade.close(portion);
  }
}

/**
 * The single context object handed to `next()`; only `i` changes from bar to bar. Accessors
 * refuse bars after i, so a strategy using them cannot look ahead.
 */
export class StrategyContext implements NextContext {
  i = 0;
  readonly bars: Bars;
  readonly position: PositionHandle;
  readonly #broker: Broker;

  constructor(bars: Bars, broker: Broker) {
    this.bars = bars;
    this.#broker = broker;
    this.position = new Position(broker);
  }

  value(series: ArrayLike<number>, ago = -1): number {
    if (!(Number.isInteger(ago) && ago < 0)) {
      throw new EngineError('ago', `ago must be a negative integer (−1 = current bar), got ${ago}`);
    }
    const at = this.i + 1 + ago;
    return at >= 0 ? series[at] : Number.NaN;
  }
  open(ago = -1): number {
    return this.value(this.bars.open, ago);
  }
  high(ago = -1): number {
    return this.value(this.bars.high, ago);
  }
  low(ago = -1): number {
    return this.value(this.bars.low, ago);
  }
  close(ago = -1): number {
    return this.value(this.bars.close, ago);
  }
  volume(ago = -1): number {
    return this.value(this.bars.volume, ago);
  }
  time(ago = -1): number {
    return this.value(this.bars.time, ago);
  }

  get equity(): number {
    return this.#broker.equity();
  }
  get cash(): number {
    return this.#broker.cash;
  }
  get trades(): readonly TradeHandle[] {
    return this.#broker.trades;
  }
  get closedTrades(): readonly ClosedTrade[] {
    return this.#broker.closedTrades;
  }
  get orders(): readonly OrderHandle[] {
    return this.#broker.orders;
  }

  buy(request: OrderRequest = {}): OrderHandle {
    return this.#place(request, 1);
  }
  sell(request: OrderRequest = {}): OrderHandle {
    return this.#place(request, -1);
  }

  #place(request: OrderRequest, sign: 1 | -1): OrderHandle {
    const size = request.size ?? DEFAULT_ORDER_SIZE;
    if (!((size > 0 && size < 1) || (size >= 1 && Number.isInteger(size) && size < 2 ** 53))) {
      throw new EngineError(
        'order.size',
        'size must be a fraction in (0, 1) or a whole number of units >= 1',
      );
    }
    return this.#broker.newOrder(
      sign * size,
      price('order.limit', request.limit),
      price('order.stop', request.stop),
      price('order.sl', request.sl),
      price('order.tp', request.tp),
      request.tag ?? null,
      null,
    );
  }
}
