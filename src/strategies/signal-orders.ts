import type { NextContext } from '../engine/strategy.ts';

/**
 * Orders from precomputed signal vectors, as backtesting.py's `SignalStrategy` places them: at
 * bar i, first a nonzero `exitPortion[i]` closes that portion of every long trade (positive) or
 * of every short trade (negative); then a nonzero `entrySize[i]` buys (positive) or sells
 * (negative) that size, with the usual size meaning (a fraction in (0, 1) of available margin,
 * or whole units). NaN and 0 mean "no signal".
 */
export function followSignals(
  ctx: NextContext,
  entrySize: ArrayLike<number>,
  exitPortion?: ArrayLike<number>,
): void {
  const i = ctx.i;
  if (exitPortion !== undefined) {
    const portion = exitPortion[i];
    if (portion > 0) {
      for (const trade of ctx.trades) if (trade.isLong) trade.close(portion);
    } else if (portion < 0) {
      for (const trade of ctx.trades) if (!trade.isLong) trade.close(-portion);
    }
  }
  const size = entrySize[i];
  if (size > 0) ctx.buy({ size });
  else if (size < 0) ctx.sell({ size: -size });
}
