import { meanTrueRange } from '../engine/indicators/atr.ts';
import { pairwiseSum } from '../engine/py-numerics.ts';
import type { Bars } from '../engine/bars.ts';
import type { NextContext } from '../engine/strategy.ts';

/**
 * An ATR trailing stop-loss, as backtesting.py's `TrailingStrategy` behaves: at every bar each
 * open trade's stop-loss is moved to `multiple` average true ranges away from the close, and
 * only ever in the trade's favour (up for a long, down for a short). The ATR is the plain rolling
 * mean of the true range over `periods` bars, its warm-up filled with its first value.
 */
export class AtrTrailingStop {
  readonly atr: Float64Array;
  readonly #close: Float64Array;
  #multiple: number;

  constructor(bars: Bars, periods = 100, multiple = 6) {
    this.atr = meanTrueRange(bars.high, bars.low, bars.close, periods, true);
    this.#close = bars.close;
    this.#multiple = checkMultiple(multiple);
  }

  get multiple(): number {
    return this.#multiple;
  }

  /** Trail at `multiple` ATRs from the close. */
  setMultiple(multiple: number): void {
    this.#multiple = checkMultiple(multiple);
  }

  /**
   * Trail at roughly `fraction` (0 < fraction < 1) of the price: converted once to ATR units as
   * the mean over all bars of close·fraction / ATR (so the distance is inexact bar by bar).
   */
  setFraction(fraction: number): void {
    if (!(fraction > 0 && fraction < 1)) {
      throw new RangeError(`trailing fraction must be in (0, 1), e.g. 5 % = 0.05, got ${fraction}`);
    }
    const close = this.#close;
    const ratios = new Float64Array(close.length);
    for (let i = 0; i < close.length; i++) ratios[i] = (close[i] * fraction) / this.atr[i];
    this.setMultiple(pairwiseSum(ratios) / ratios.length);
  }

  /**
   * Moves the stop-loss of every open trade at bar `ctx.i`. A trade without a stop-loss gets one;
   * a candidate price that is not positive (a short squeeze of the arithmetic on a cheap series)
   * leaves the trade as it is.
   */
  trail(ctx: NextContext): void {
    const i = ctx.i;
    const distance = this.atr[i] * this.#multiple;
    const close = this.#close[i];
    for (const trade of ctx.trades) {
      const current = trade.sl;
      const candidate = trade.isLong ? close - distance : close + distance;
      const next =
        current === null
          ? candidate
          : trade.isLong
            ? Math.max(current, candidate)
            : Math.min(current, candidate);
      if (next > 0 && next < Number.POSITIVE_INFINITY) trade.sl = next;
    }
  }
}

function checkMultiple(multiple: number): number {
  if (!(multiple > 0 && Number.isFinite(multiple))) {
    throw new RangeError(`trailing ATR multiple must be a positive number, got ${multiple}`);
  }
  return multiple;
}
