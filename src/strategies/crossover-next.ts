import type { NextContext } from '../engine/strategy.ts';
import { enterLong, enterShort, type RiskFractions } from './risk.ts';

/**
 * The `next` of a crossover strategy over a precomputed signal (+1 cross up, −1 cross down, see
 * crossoverSignals): on a cross, close the position, then go long on a cross up, or short on a
 * cross down unless `longOnly` — backtesting.py's SmaCross rule.
 */
export function crossoverNext(
  signal: Float64Array,
  close: Float64Array,
  risk: RiskFractions,
  longOnly: boolean,
): (ctx: NextContext) => void {
  return (ctx) => {
    const i = ctx.i;
    const cross = signal[i];
    if (cross === 0) return;
    ctx.position.close();
    if (cross > 0) enterLong(ctx, close[i], risk);
    else if (!longOnly) enterShort(ctx, close[i], risk);
  };
}
