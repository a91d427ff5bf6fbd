import { defineStrategy } from '../engine/strategy.ts';
import { enterLong, stopLossPctParam, takeProfitPctParam, toRiskFractions } from './risk.ts';

/**
 * Buys once, in the first `next()` (bar 1: there are no indicators, so no warm-up), and holds:
 * the market order fills at the Open of bar 2. After a stop-loss or take-profit exit it stays
 * out of the market.
 */
export const buyAndHold = defineStrategy({
  name: 'BuyAndHold',
  description: 'Buy on the first bar and hold to the end (optionally with a stop-loss / take-profit).',
  params: {
    stopLossPct: stopLossPctParam,
    takeProfitPct: takeProfitPctParam,
  },
  init({ bars, params }) {
    const close = bars.close;
    const risk = toRiskFractions(params);
    let entered = false;
    return {
      next(ctx) {
        if (entered) return;
        entered = true;
        enterLong(ctx, close[ctx.i], risk);
      },
    };
  },
});
