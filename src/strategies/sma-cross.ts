import { crossoverSignals } from '../engine/indicators/crossover.ts';
import { sma } from '../engine/indicators/sma.ts';
import { defineStrategy } from '../engine/strategy.ts';
import { crossoverNext } from './crossover-next.ts';
import { longOnlyParam, stopLossPctParam, takeProfitPctParam, toRiskFractions } from './risk.ts';

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
    stopLossPct: stopLossPctParam,
    takeProfitPct: takeProfitPctParam,
    longOnly: longOnlyParam(false, 'Only go long: close on the cross down instead of selling'),
  },
  init({ bars, params, indicator }) {
    const { fast, slow, longOnly } = params;
    const close = bars.close;
    const fastSma = indicator(`sma(close,${fast})`, () => sma(close, fast));
    const slowSma = indicator(`sma(close,${slow})`, () => sma(close, slow));
    // +1 where fast crosses above slow at bar i, −1 where it crosses below: depends on bars i−1
    // and i only; precomputed once per (fast, slow) so next() does no indicator work.
    const signal = indicator(`smaCrossSignal(${fast},${slow})`, () => crossoverSignals(fastSma, slowSma), {
      warmup: false,
    });
    return { next: crossoverNext(signal, close, toRiskFractions(params), longOnly) };
  },
});
