import type { NextContext } from '../engine/strategy.ts';
import type { AtrTrailingStop } from '../strategies/trailing-stop.ts';

/** Precomputed 0/1 vectors, one value per bar; null for a rule that is not given. */
export interface RuleSignals {
  readonly entry: Float64Array | null;
  readonly exit: Float64Array | null;
  readonly shortEntry: Float64Array | null;
  readonly shortExit: Float64Array | null;
}

export interface RuleOrders {
  /** undefined = the engine's default size. */
  readonly size: number | undefined;
  /** Stop-loss / take-profit as fractions of the signal close; 0 = none. */
  readonly sl: number;
  readonly tp: number;
  readonly trailing: AtrTrailingStop | null;
}

/**
 * The `next` of a rule strategy, O(1) per bar: first the trailing stop (when on) moves the
 * stop-loss of open trades; then a long with `exit` true, or a short with `shortExit` true, is
 * closed; then `entry` true while not long closes any short and buys, or else `shortEntry` true
 * while not short closes any long and sells. SL/TP sit around the signal bar's close, as in
 * strategies/risk.ts (a long's SL below it, its TP above; a short's the other way round).
 */
export function ruleNext(signals: RuleSignals, close: Float64Array, orders: RuleOrders) {
  const { entry, exit, shortEntry, shortExit } = signals;
  const { size, sl, tp, trailing } = orders;
  const plain = sl === 0 && tp === 0 && size === undefined;
  const enter = (ctx: NextContext, side: 1 | -1, price: number) => {
    if (plain) {
      if (side > 0) ctx.buy();
      else ctx.sell();
      return;
    }
    const request = {
      size,
      sl: sl ? price * (1 - side * sl) : 0,
      tp: tp ? price * (1 + side * tp) : 0,
    };
    if (side > 0) ctx.buy(request);
    else ctx.sell(request);
  };
  return (ctx: NextContext): void => {
    if (trailing !== null) trailing.trail(ctx);
    const i = ctx.i;
    let position = ctx.position.size;
    if (
      (position > 0 && exit !== null && exit[i] === 1) ||
      (position < 0 && shortExit !== null && shortExit[i] === 1)
    ) {
      ctx.position.close();
      position = 0;
    }
    if (entry !== null && entry[i] === 1 && position <= 0) {
      if (position < 0) ctx.position.close();
      enter(ctx, 1, close[i]);
    } else if (shortEntry !== null && shortEntry[i] === 1 && position >= 0) {
      if (position > 0) ctx.position.close();
      enter(ctx, -1, close[i]);
    }
  };
}
