import { crossoverSignals } from '../engine/indicators/crossover.ts';
import { sma } from '../engine/indicators/sma.ts';
import { defineStrategy } from '../engine/strategy.ts';

/**
 * backtesting.py's test strategy SmaCross: when the fast SMA of Close crosses above the slow one,
 * close the position and buy (default size); when it crosses below, close and sell. The defaults
 * reproduce the reference exactly. Options: a stop-loss / take-profit as a percentage of the
 * signal bar's close (0 = off), and `longOnly` (close on the cross down instead of selling).
 */
export const smaCross = defineStrategy({
  name: 'SmaCross',
  description:
    'Fast/slow simple moving average crossover on Close: long on the cross up, short on the cross down.',
  params: {
    fast: { type: 'int', default: 10, min: 1, max: 500, description: 'Fast SMA window in bars' },
    slow: { type: 'int', default: 30, min: 2, max: 1000, description: 'Slow SMA window in bars' },
    stopLossPct: {
      type: 'float',
      default: 0,
      min: 0,
      max: 99,
      description: 'Stop-loss distance from the signal close in percent (0 = none)',
    },
    takeProfitPct: {
      type: 'float',
      default: 0,
      min: 0,
      max: 1000,
      description: 'Take-profit distance from the signal close in percent (0 = none)',
    },
    longOnly: {
      type: 'boolean',
      default: false,
      description: 'Only go long: close on the cross down instead of selling',
    },
  },
  init({ bars, params, indicator }) {
    const { fast, slow, stopLossPct, takeProfitPct, longOnly } = params;
    const close = bars.close;
    const fastSma = indicator(`sma(close,${fast})`, () => sma(close, fast));
    const slowSma = indicator(`sma(close,${slow})`, () => sma(close, slow));
    // +1 where fast crosses above slow at bar i, −1 where it crosses below: depends on bars i−1
    // and i only; precomputed once per (fast, slow) so next() does no indicator work.
    const signal = indicator(`smaCrossSignal(${fast},${slow})`, () => crossoverSignals(fastSma, slowSma), {
      warmup: false,
    });
    const slFraction = stopLossPct / 100;
    const tpFraction = takeProfitPct / 100;
    return {
      next(ctx) {
        const i = ctx.i;
        const cross = signal[i];
        if (cross === 0) return;
        if (cross > 0) {
          ctx.position.close();
          if (slFraction === 0 && tpFraction === 0) ctx.buy();
          else
            ctx.buy({
              sl: slFraction ? close[i] * (1 - slFraction) : 0,
              tp: tpFraction ? close[i] * (1 + tpFraction) : 0,
            });
        } else {
          ctx.position.close();
          if (longOnly) return;
          if (slFraction === 0 && tpFraction === 0) ctx.sell();
          else
            ctx.sell({
              sl: slFraction ? close[i] * (1 + slFraction) : 0,
              tp: tpFraction ? close[i] * (1 - tpFraction) : 0,
            });
        }
      },
    };
  },
});
